import NormLessons

/// The sentences of `normtui compute --format text`, in English and German: part of the UI's
/// catalogue (``UIText/workedExample``), so the same test finds a sentence without its German.
/// The formulas between them are the same in both languages; only the numbers change their
/// decimal point.
struct WorkedExampleText: Sendable {
    let title = Localized(en: "{1} on a {2} tensor (N×C×H×W), {3} mode", de: "{1} auf einem {2}-Tensor (N×C×H×W), {3}modus")
    /// The mode's word in the title: "train mode", "Trainingsmodus".
    let trainMode = Localized(en: "train", de: "Trainings")
    let evalMode = Localized(en: "eval", de: "Inferenz")
    let noNormalization = Localized(en: "No normalization: y = x.", de: "Keine Normalisierung: y = x.")
    let varianceAlgorithm = Localized(en: "Variance algorithm: {1}.", de: "Varianz-Algorithmus: {1}.")
    let otherGroups = Localized(en: "The other {1} groups:", de: "Die übrigen {1} Gruppen:")
    let oneGroup = Localized(en: "1 group", de: "1 Gruppe")
    let groups = Localized(en: "{1} groups", de: "{1} Gruppen")
    let batchGrouping = Localized(
        en: "Statistics: one μ and σ² per channel, over the batch and all positions (N·H·W = {1} values): {2}.",
        de: "Statistiken: ein μ und σ² je Kanal, über den Mini-Batch und alle Positionen (N·H·W = {1} Werte): {2}.")
    let layerGrouping = Localized(
        en: "Statistics: one μ and σ² per sample, over all channels and positions (C·H·W = {1} values): {2}.",
        de: "Statistiken: ein μ und σ² je Sample, über alle Kanäle und Positionen (C·H·W = {1} Werte): {2}.")
    let instanceGrouping = Localized(
        en: "Statistics: one μ and σ² per sample and channel, over the positions (H·W = {1} values): {2}.",
        de: "Statistiken: ein μ und σ² je Sample und Kanal, über die Positionen (H·W = {1} Werte): {2}.")
    let groupGrouping = Localized(
        en: "Statistics: one μ and σ² per sample and group of {1} channels (C/G·H·W = {2} values): {3}.",
        de: "Statistiken: ein μ und σ² je Sample und Gruppe aus {1} Kanälen (C/G·H·W = {2} Werte): {3}.")
    let rmsGrouping = Localized(
        en: "Statistics: one mean square per sample, over all channels and positions (C·H·W = {1} values), no centering: {2}.",
        de: "Statistiken: ein mittleres Quadrat je Sample, über alle Kanäle und Positionen (C·H·W = {1} Werte), ohne Zentrierung: {2}.")
    let epsInside = Localized(en: "inside the root, as PyTorch does", de: "unter der Wurzel, wie bei PyTorch")
    let epsOutside = Localized(en: "outside the root, as in the glossary's formula", de: "außerhalb der Wurzel, wie in der Formel des Glossars")
    let msMeaning = Localized(en: "ms = mean of x²", de: "ms = Mittelwert von x²")
    let evalStatistics = Localized(
        en: " Eval mode: μ and σ² are the running statistics, not the batch's.",
        de: " Inferenzmodus: μ und σ² sind die laufenden Statistiken, nicht die des Mini-Batches.")
    let layerAffine = Localized(
        en: "γ and β are per channel, as in PyTorch's GroupNorm(1, C); nn.LayerNorm([C, H, W]) has one per element.",
        de: "γ und β gibt es je Kanal, wie bei PyTorchs GroupNorm(1, C); nn.LayerNorm([C, H, W]) hat eines je Element.")
    let channel = Localized(en: "channel {1}", de: "Kanal {1}")
    let sample = Localized(en: "sample {1}", de: "Sample {1}")
    let sampleChannel = Localized(en: "sample {1}, channel {2}", de: "Sample {1}, Kanal {2}")
    let sampleGroup = Localized(en: "sample {1}, group {2} (channels {3}–{4})", de: "Sample {1}, Gruppe {2} (Kanäle {3}–{4})")
    let groupHeading = Localized(en: "Group {1}: {2}, {3} values", de: "Gruppe {1}: {2}, {3} Werte")
    let runningMean = Localized(en: "running mean", de: "laufender Mittelwert")
    let runningVariance = Localized(en: "running variance", de: "laufende Varianz")
    let groupColumn = Localized(en: "group", de: "Gruppe")
    let more = Localized(en: "… {1} more", de: "… {1} weitere")
    let output = Localized(en: "Output y: {1}.", de: "Ausgabe y: {1}.")
    let updatedWithMomentum = Localized(en: "updated with momentum {1}", de: "aktualisiert mit Momentum {1}")
    let unchangedInEval = Localized(en: "unchanged in eval mode", de: "im Inferenzmodus unverändert")
    let runningStatistics = Localized(
        en: "Running statistics ({1}; the variance unbiased, × n/(n−1)):",
        de: "Laufende Statistiken ({1}; die Varianz erwartungstreu, × n/(n−1)):")
    let backwardHeading = Localized(
        en: "Backward pass (given dy), worked for x{1} in group 0 ({2} values):",
        de: "Rückwärtsdurchlauf (dy gegeben), vorgerechnet für x{1} in Gruppe 0 ({2} Werte):")
    let evalBackward = Localized(en: "  Eval mode: μ and σ² are constants, so dx = g / {1}.", de: "  Inferenzmodus: μ und σ² sind Konstanten, also dx = g / {1}.")
    let overChannel = Localized(en: "over channel {1}", de: "über Kanal {1}")
    let perChannel = Localized(en: "per channel", de: "je Kanal")
    let empty = Localized(en: "empty", de: "leer")
    let valuesRange = Localized(en: "{1} values from {2} to {3}", de: "{1} Werte von {2} bis {3}")
    let moreInParentheses = Localized(en: "… ({1} more)", de: "… ({1} weitere)")
}
