import NormMath
import NormLessons

/// The settings editor's label and one-line hint for every experiment setting, and what a
/// field expects when its text does not parse. NormMath's table keeps the English (the
/// command line's help is made from it); the German lives here with the rest of the UI.
struct SettingTexts: Sendable {
    struct Entry: Sendable {
        var label: Localized
        var hint: Localized
    }

    let entries: [ExperimentSetting.Name: Entry] = [
        .variant: Entry(label: Localized(en: "variant", de: "Variante"),
                        hint: Localized(en: "which elements share μ and σ", de: "welche Elemente sich μ und σ teilen")),
        .groups: Entry(label: Localized(en: "groups G", de: "Gruppen G"),
                       hint: Localized(en: "group norm: C must be divisible by G", de: "Group Norm: C muss durch G teilbar sein")),
        .shape: Entry(label: Localized(en: "shape", de: "Form"),
                      hint: Localized(en: "NxCxHxW at the normalized layers (NxC for the mlp)",
                                      de: "NxCxHxW an den normalisierten Schichten (NxC beim MLP)")),
        .model: Entry(label: Localized(en: "model", de: "Modell"),
                      hint: Localized(en: "conv: conv3×3 blocks; mlp: linear blocks", de: "conv: conv3×3-Blöcke; mlp: lineare Blöcke")),
        .depth: Entry(label: Localized(en: "depth", de: "Tiefe"),
                      hint: Localized(en: "normalized blocks, {1}–{2}", de: "normalisierte Blöcke, {1}–{2}")),
        .dataset: Entry(label: Localized(en: "dataset", de: "Datensatz"),
                        hint: Localized(en: "the images to learn", de: "die zu lernenden Bilder")),
        .lr: Entry(label: Localized(en: "learning rate", de: "Lernrate"),
                   hint: Localized(en: "SGD step size", de: "Schrittweite von SGD")),
        .momentum: Entry(label: Localized(en: "momentum", de: "Momentum"),
                         hint: Localized(en: "SGD momentum, 0 ≤ μ < 1", de: "Momentum von SGD, 0 ≤ μ < 1")),
        .weightDecay: Entry(label: Localized(en: "weight decay", de: "Weight Decay"),
                            hint: Localized(en: "L2 added to the gradient", de: "L2-Term, zum Gradienten addiert")),
        .bnMomentum: Entry(label: Localized(en: "bn momentum", de: "BN-Momentum"),
                           hint: Localized(en: "weight of each batch in the running statistics",
                                           de: "Gewicht jedes Mini-Batches in den laufenden Statistiken")),
        .eps: Entry(label: Localized(en: "ε", de: "ε"),
                    hint: Localized(en: "keeps the division finite", de: "vermeidet die Division durch Null")),
        .epsPlacement: Entry(label: Localized(en: "ε placement", de: "Lage von ε"),
                             hint: Localized(en: "inside √(σ²+ε) as PyTorch, outside σ+ε as the glossary",
                                             de: "inside: √(σ²+ε) wie PyTorch, outside: σ+ε wie im Glossar")),
        .variance: Entry(label: Localized(en: "variance", de: "Varianz"),
                         hint: Localized(en: "naive E[x²]−E[x]² breaks on offset data",
                                         de: "naiv E[x²]−E[x]² versagt bei verschobenen Daten")),
        .evalEvery: Entry(label: Localized(en: "eval every", de: "Test alle"),
                          hint: Localized(en: "steps between held-out evaluations (0: never)",
                                          de: "Schritte zwischen Auswertungen auf Testdaten (0: nie)")),
        .seed: Entry(label: Localized(en: "seed", de: "Seed"),
                     hint: Localized(en: "same seed, same run", de: "gleicher Seed, gleicher Lauf")),
    ]

    /// What a typed field expects, by the kind of value.
    let number = Localized(en: "a number", de: "eine Zahl")
    let wholeNumber = Localized(en: "a whole number", de: "eine ganze Zahl")
    let seedNumber = Localized(en: "a whole number ≥ 0", de: "eine ganze Zahl ≥ 0")
    let shape = Localized(en: "a shape like 32x16x8x8 or 64x32", de: "eine Form wie 32x16x8x8 oder 64x32")
    let oneOf = Localized(en: "one of {1}", de: "einer der Werte {1}")

    /// The label of `name` in `language`; the NormMath table's own for a setting not listed.
    func label(_ setting: ExperimentSetting, _ language: Language) -> String {
        entries[setting.name]?.label(language) ?? setting.label
    }

    /// The hint of `setting` in `language`, its range filled in.
    func hint(_ setting: ExperimentSetting, _ language: Language) -> String {
        guard let entry = entries[setting.name] else { return setting.hint }
        if setting.name == .depth {
            return entry.hint(language, ExperimentConfig.depthRange.lowerBound, ExperimentConfig.depthRange.upperBound)
        }
        return entry.hint(language)
    }

    /// What `setting` expects, said in `language`.
    func expectation(_ setting: ExperimentSetting, _ language: Language) -> String {
        if !setting.choices.isEmpty { return oneOf(language, setting.choices.joined(separator: "|")) }
        switch setting.expectation {
        case number.en: return number(language)
        case wholeNumber.en: return wholeNumber(language)
        case seedNumber.en: return seedNumber(language)
        case shape.en: return shape(language)
        default: return setting.expectation
        }
    }
}
