import Foundation
import NormMath
import NormLessons
import TerminalUI

/// Every sentence and word of the UI a person reads, in English and German, in one place:
/// the views, the key table, the status messages and the settings editor look their texts up
/// here, so a translation is never forgotten in one corner of the screen (a test checks that
/// every entry has its German). German uses the glossary's own terms: "Batch-Größe",
/// "der Mini-Batch", "laufende Statistiken", "Inferenzmodus".
///
/// An entry with values marks them `{1}`, `{2}`, …, filled in by ``Localized/callAsFunction(_:_:_:)``;
/// the values are formatted by the caller, so numbers follow the screen's decimal style.
///
/// The command line's `error:` lines are not here: they stay English in every language, a
/// contract for scripts (and `--format json`, `train`'s CSV and the saved files are for programs).
struct UIText: Sendable {
    /// The one catalogue.
    static let catalogue = UIText()

    // MARK: Header and status line
    let diverged = Localized(en: "diverged", de: "divergiert")
    let running = Localized(en: "running {1}", de: "läuft {1}")
    let queuedOne = Localized(en: "{1} step queued", de: "{1} Schritt wartet")
    let queuedMany = Localized(en: "{1} steps queued", de: "{1} Schritte warten")
    let paused = Localized(en: "paused", de: "pausiert")
    let finished = Localized(en: "finished", de: "fertig")
    let step = Localized(en: "step {1}", de: "Schritt {1}")
    let loss = Localized(en: "loss {1}", de: "Verlust {1}")
    let accuracy = Localized(en: "acc {1}", de: "Gen. {1}")
    let evalAccuracy = Localized(en: "eval {1}", de: "Test {1}")
    let slowStepPace = Localized(en: " (the last took {1} s at this size)", de: " (der letzte dauerte {1} s bei dieser Größe)")
    let slowStepLarge = Localized(en: " (a large shape: this takes a while)", de: " (große Form: Das dauert etwas)")
    let computingStep = Localized(en: "computing step {1}…{2}", de: "Schritt {1} wird berechnet …{2}")
    let preparingRun = Localized(en: "preparing the run…", de: "Lauf wird vorbereitet …")
    let pausedHint = Localized(
        en: "paused — space runs, s takes one step, ? lists every key",
        de: "pausiert — Leertaste startet, s macht einen Schritt, ? zeigt alle Tasten")
    let runningHint = Localized(
        en: "training — space pauses, +/- change the speed, v switches the variant",
        de: "Training läuft — Leertaste: Pause, +/-: Tempo, v: Variante")
    let lessonHeading = Localized(en: "Lesson", de: "Lektion")
    /// The key bar's last hint where others had to be left out.
    let moreKeys = Localized(en: "more keys", de: "weitere Tasten")
    let preparingLesson = Localized(en: "preparing…", de: "wird vorbereitet …")
    let glossarySection = Localized(en: "Glossary section", de: "Glossar-Abschnitt")
    let lessonsTitle = Localized(
        en: "Lessons — ↑↓ choose, Enter opens, Esc closes", de: "Lektionen — ↑↓ wählen, Enter öffnet, Esc schließt")

    // MARK: Status messages
    /// German leaves out "diverged:": the header says it in red, and the sentence is longer.
    let divergedStatus = Localized(en: "diverged: {1} — press r to restart", de: "{1} — r startet neu")
    let divergedAtStep = Localized(
        en: "the run diverged at step {1} — press r to restart it", de: "der Lauf ist bei Schritt {1} divergiert — r startet ihn neu")
    let settingsUnchanged = Localized(en: "settings unchanged", de: "Einstellungen unverändert")
    let settingsApplied = Localized(en: "settings applied", de: "Einstellungen übernommen")
    let variantRefused = Localized(en: "{1}: {2} — press e to change the settings", de: "{1}: {2} — e ändert die Einstellungen")
    let sameSeed = Localized(en: "{1}, same seed", de: "{1}, gleicher Seed")
    let restarted = Localized(en: "restarted with seed {1}", de: "neu gestartet mit Seed {1}")
    let speed = Localized(en: "speed {1}", de: "Tempo {1}")
    let lessonFinished = Localized(en: "finished — r runs it again", de: "fertig — r startet neu")
    let seedsOnScreen = Localized(
        en: "seeds {1}–{2}: lines are medians, shades the range", de: "Seeds {1}–{2}: Linien sind Mediane, Schattierungen die Spanne")
    let classAnswered = Localized(en: "the class answered {1})", de: "die Klasse hat {1}) gewählt")
    let noKit = Localized(en: "this lesson has no discussion page yet", de: "diese Lektion hat noch keine Diskussionsseite")
    let objectivesHeading = Localized(en: "After this lesson you can:", de: "Nach dieser Lektion kannst du:")
    let discussTitle = Localized(en: "Discuss and try", de: "Diskussion")
    let tryIt = Localized(en: "Try it:", de: "Ausprobieren:")
    let hintKey = Localized(en: "h shows a hint.", de: "h zeigt einen Tipp.")
    let hintHeading = Localized(en: "Hint:", de: "Tipp:")
    let questionHeading = Localized(en: "Predict, then run", de: "Erst vorhersagen, dann laufen lassen")
    let questionKeys = Localized(
        en: "a–{1}: the class's answer · space: skip · the run starts after the answer",
        de: "a–{1}: Antwort der Klasse · Leertaste: überspringen · dann startet der Lauf")
    let revealHeading = Localized(en: "What the run shows", de: "Was der Lauf zeigt")
    let revealSupports = Localized(en: "The run supports {1}) {2}", de: "Der Lauf stützt {1}) {2}")
    let revealOnSeeds = Localized(en: "on {1} of {2} seeds", de: "bei {1} von {2} Seeds")
    let revealNone = Localized(
        en: "On {1} of {2} seeds the run supports none of the answers: a claim did not hold there (see the claims page).",
        de: "Bei {1} von {2} Seeds stützt der Lauf keine der Antworten: Dort galt eine Aussage nicht (siehe die Seite mit den Aussagen).")
    let revealClassRight = Localized(en: "The class answered {1}): the run supports it.", de: "Die Klasse hat {1}) gewählt: Der Lauf stützt diese Antwort.")
    let revealClassWrong = Localized(en: "The class answered {1}): the run does not support it.", de: "Die Klasse hat {1}) gewählt: Der Lauf stützt diese Antwort nicht.")
    let revealSkipped = Localized(en: "The class skipped the question.", de: "Die Klasse hat die Frage übersprungen.")
    let revealContinue = Localized(en: "any key: continue", de: "beliebige Taste: weiter")
    let seedRange = Localized(en: "seeds {1}–{2}", de: "Seeds {1}–{2}")
    let oneSeedOnScreen = Localized(en: "seed {1} alone", de: "nur Seed {1}")
    let seedsUnchanged = Localized(en: "{1} seeds: between 1 and 9", de: "die Zahl der Seeds bleibt {1}: Möglich sind 1 bis 9")
    let oneSeedLesson = Localized(
        en: "this lesson runs on one seed: only training lessons show a spread", de: "diese Lektion läuft mit einem Seed: Nur Trainingslektionen zeigen eine Spanne")
    let freeExperiment = Localized(en: "free experiment", de: "freies Experiment")
    let nothingSaved = Localized(en: "nothing is saved in a scripted run", de: "in einem Skriptlauf wird nichts gespeichert")
    let saved = Localized(en: "saved {1}-*: {2}", de: "gespeichert {1}-*: {2}")

    // MARK: Panels
    let activationsTitle = Localized(en: "Layer {1}/{2} activations", de: "Schicht {1}/{2}: Aktivierungen")
    let sharedAxis = Localized(en: " — shared x-axis", de: " — gemeinsame x-Achse")
    let waitingForStep = Localized(en: "waiting for the first step…", de: "Warten auf den ersten Schritt …")
    let before = Localized(en: "before {1}", de: "vor {1}")
    let after = Localized(en: "after, {1}", de: "danach, {1}")
    let evalMode = Localized(en: "eval mode", de: "Inferenz")
    let trainModeEvalNext = Localized(en: "train mode (eval from the next step)", de: "Training (Inferenz ab nächstem Schritt)")
    let trainMode = Localized(en: "train mode", de: "Training")
    let notFinite = Localized(en: "not finite: the run diverged", de: "nicht endlich: Der Lauf ist divergiert")
    let noNormalization = Localized(en: "no normalization", de: "ohne Normalisierung")
    let statisticsTitle = Localized(en: "Layer {1} channel statistics", de: "Schicht {1}: Kanalstatistiken")
    let barsNoRunning = Localized(
        en: "bars: this batch, per channel ({1} keeps no running statistics)",
        de: "Balken: dieser Mini-Batch je Kanal ({1} speichert keine laufenden Statistiken)")
    let barsRunning = Localized(
        en: "bars: this batch  {1}: running estimate (used in eval mode)",
        de: "Balken: Mini-Batch  {1}: laufende Schätzung (für Inferenz)")
    let mean = Localized(en: "mean", de: "Mittelwert")
    let variance = Localized(en: "variance", de: "Varianz")
    let gradientsTitle = Localized(en: "Gradient norms ‖∂L/∂W‖ per layer (log)", de: "Gradientennormen ‖∂L/∂W‖ (log)")
    let progressTitle = Localized(en: "Loss & accuracy", de: "Verlust & Genauigkeit")
    let trainLoss = Localized(en: "train loss", de: "Verlust")
    let trainAverage = Localized(en: "train (avg 10)", de: "Training (Mittel 10)")
    let heldOut = Localized(en: "held-out, eval mode", de: "Testdaten, Inferenzmodus")
    /// The x-axis word under every chart of steps, and the bar chart's "… 10 more".
    let chartStep = Localized(en: "step", de: "Schritt")
    let chartMore = Localized(en: "more", de: "weitere")

    // MARK: Overlays
    let keysTitle = Localized(en: "Keys", de: "Tasten")
    let settingsTitle = Localized(en: "Settings", de: "Einstellungen")
    let editorKeys = Localized(
        en: "↑↓ field  ←→ choose  type to edit  Enter apply  Esc cancel",
        de: "↑↓ Feld  ←→ wählen  Tippen ändert  Enter übernehmen  Esc abbrechen")
    let editorRefusal = Localized(en: "{1}: \"{2}\" is not {3}", de: "{1}: „{2}“ ist ungültig, erwartet wird {3}")
    let closesHelp = Localized(en: "Esc, ? or q closes this help.", de: "Esc, ? oder q schließt diese Hilfe.")
    let panelsHelp = Localized(
        en: """
            Panels: the selected layer's activations before and after normalization;
            per-channel batch statistics against batch norm's running estimates;
            every layer's gradient norm (log scale); loss and accuracy.
            Colours: cyan before normalization, green after; yellow the training
            data, magenta the held-out data; in the gradient chart, one colour per layer.
            """,
        de: """
            Panels: die Aktivierungen der gewählten Schicht vor und nach der Normalisierung;
            die Statistiken des Mini-Batches je Kanal und die laufenden Schätzungen von Batch Norm;
            die Gradientennorm jeder Schicht (log. Skala); Verlust und Genauigkeit.
            Farben: Cyan vor der Normalisierung, Grün danach; Gelb die Trainingsdaten,
            Magenta die zurückgehaltenen Daten; im Gradienten-Diagramm eine Farbe je Schicht.
            """)
    let tooSmall = Localized(en: "terminal too small: have {1}×{2}, need {3}×{4}", de: "Terminal zu klein: {1}×{2}, nötig sind {3}×{4}")
    let tooSmallHint = Localized(en: "enlarge the window, or press q to quit", de: "Fenster vergrößern oder mit q beenden")

    // MARK: Text that scrolls, and runs put aside
    let moreLine = Localized(en: "{1} more line", de: "{1} weitere Zeile")
    let moreLines = Localized(en: "{1} more lines", de: "{1} weitere Zeilen")
    let lineAbove = Localized(en: "{1} line above", de: "{1} Zeile darüber")
    let linesAbove = Localized(en: "{1} lines above", de: "{1} Zeilen darüber")
    let discardedOne = Localized(en: "; {1} step discarded — u brings it back", de: "; {1} Schritt verworfen — u holt ihn zurück")
    let discardedMany = Localized(en: "; {1} steps discarded — u brings them back", de: "; {1} Schritte verworfen — u holt sie zurück")
    let broughtBackOne = Localized(
        en: "the run of {1} step is back — u again returns to the other", de: "der Lauf mit {1} Schritt ist zurück — u wechselt wieder zum anderen")
    let broughtBackMany = Localized(
        en: "the run of {1} steps is back — u again returns to the other", de: "der Lauf mit {1} Schritten ist zurück — u wechselt wieder zum anderen")
    let nothingToUndo = Localized(
        en: "nothing to bring back: no run was discarded", de: "nichts zurückzuholen: Es wurde kein Lauf verworfen")
    let epsZeroNote = Localized(
        en: "ε = 0: a constant channel (σ = 0) divides 0 by 0, and its output is NaN",
        de: "ε = 0: Ein konstanter Kanal (σ = 0) teilt 0 durch 0, seine Ausgabe ist NaN")
    let evalNeverNote = Localized(
        en: "eval every 0 means never: no held-out accuracy is measured",
        de: "Auswertung alle 0 Schritte heißt nie: Es wird keine Testgenauigkeit gemessen")

    /// The scrolling indicator's words in `language`.
    func scrollLabels(_ language: Language) -> ScrollingText.Labels {
        let (moreLine, moreLines, lineAbove, linesAbove) = (moreLine, moreLines, lineAbove, linesAbove)
        return ScrollingText.Labels(
            more: { ($0 == 1 ? moreLine : moreLines)(language, $0) },
            above: { ($0 == 1 ? lineAbove : linesAbove)(language, $0) })
    }

    /// What a surprising but legal value of `name` in `config` means (ExperimentSetting.note),
    /// in `language`; `nil` for an ordinary value.
    func settingNote(_ name: ExperimentSetting.Name, in config: ExperimentConfig, _ language: Language) -> String? {
        guard let english = ExperimentSetting.note(name, in: config) else { return nil }
        switch name {
        case .eps: return epsZeroNote(language)
        case .evalEvery: return evalNeverNote(language)
        default: return english
        }
    }

    // MARK: A lesson's claims (the last page)
    let claimsTitle = Localized(en: "Claims", de: "Aussagen")
    let claimsCustomized = Localized(
        en: "A key changed the experiment. The claims are about the lesson's own settings: r starts it again.",
        de: "Eine Taste hat das Experiment verändert. Die Aussagen gelten für die eigenen Einstellungen der Lektion: Mit r startet das Experiment neu.")
    let claimJudgedAt = Localized(en: "judged at step {1}", de: "wird bei Schritt {1} geprüft")
    let claimHoldsOn = Localized(en: "holds on {1} of {2} seeds", de: "gilt bei {1} von {2} Seeds")

    // MARK: Compare mode
    let compareSection = Localized(en: "compare mode", de: "Vergleichsmodus")
    let compareTitle = Localized(en: "same seed, differs in: {1}", de: "gleicher Seed, Unterschied: {1}")
    let compareLoss = Localized(en: "loss", de: "Verlust")
    let compareHeldOut = Localized(en: "held-out (eval)", de: "Testdaten (Inferenz)")
    let compareState = Localized(en: "state", de: "Zustand")
    /// A run that has not diverged: the opposite of "diverged at step N", whether running or paused.
    let compareRunning = Localized(en: "stable", de: "stabil")
    let compareLossChart = Localized(en: "loss (log)", de: "Verlust, log")
    let compareGradientChart = Localized(en: "gradient norm W{1} (log)", de: "‖∂L/∂W{1}‖, log")
    let compareAccuracyChart = Localized(en: "accuracy (train, mean of {1})", de: "Genauigkeit (Mittel {1})")
    /// The settings compare mode varies, by their command-line names (`--compare lr=2`).
    let compareSettings: [CompareSetting.Name: Localized] = [
        .variant: Localized(en: "variant", de: "Variante"),
        .lr: Localized(en: "lr", de: "Lernrate"),
        .momentum: Localized(en: "momentum", de: "Momentum"),
        .weightDecay: Localized(en: "weight-decay", de: "Weight Decay"),
        .bnMomentum: Localized(en: "bn-momentum", de: "BN-Momentum"),
        .eps: Localized(en: "eps", de: "ε"),
        .epsPlacement: Localized(en: "eps-placement", de: "Lage von ε"),
        .variance: Localized(en: "variance", de: "Varianz-Algorithmus"),
        .groups: Localized(en: "groups", de: "Gruppen"),
        .depth: Localized(en: "depth", de: "Tiefe"),
        .batch: Localized(en: "batch", de: "Batch-Größe"),
    ]

    /// Why a configuration cannot run or a run diverged, as NormMath says it (a regular
    /// expression) and in German (`$1`… are its groups). A reason not listed is shown as
    /// NormMath wrote it; NormMath's own sentences stay English, as the command line prints them.
    let problems: [Localized] = [
        Localized(en: #"^C = (\d+) is not divisible by G = (\d+)$"#, de: "C = $1 ist nicht durch G = $2 teilbar"),
        Localized(en: #"^groups must be at least 1, got (.+)$"#, de: "G muss mindestens 1 sein, angegeben: $1"),
        Localized(en: #"^the mlp model normalizes \[N, C\] activations: give the shape as NxC, got (.+)$"#,
                  de: "das MLP normalisiert [N, C]-Aktivierungen: Gib die Form als NxC an, angegeben: $1"),
        Localized(en: #"^instance norm needs more than one position per channel \(H·W > 1\), got (.+)$"#,
                  de: "Instance Norm braucht mehr als eine Position je Kanal (H·W > 1), angegeben: $1"),
        Localized(en: #"^batch norm needs more than one value per channel \(N·H·W > 1\), got (.+)$"#,
                  de: "Batch Norm braucht mehr als einen Wert je Kanal (N·H·W > 1), angegeben: $1"),
        Localized(en: #"^the conv model needs images of at least 2×2, got (.+)$"#,
                  de: "das Conv-Modell braucht Bilder von mindestens 2×2, angegeben: $1"),
        Localized(en: #"^the batch size N = (\d+) is larger than the training set \((\d+) images of (.+)\)$"#,
                  de: "die Batch-Größe N = $1 ist größer als die Trainingsdaten ($2 Bilder aus $3)"),
        Localized(en: #"^layer (\d+) pre-norm activations became (\S+) at step (\d+)$"#,
                  de: "Schicht $1: Aktivierungen vor der Norm wurden bei Schritt $3 $2"),
        Localized(en: #"^layer (\d+) post-norm activations became (\S+) at step (\d+) \(pre-norm std (\S+), eps (\S+): a division by zero\)$"#,
                  de: "Schicht $1: Aktivierungen nach der Norm wurden bei Schritt $3 $2 (σ davor $4, ε $5: Division durch Null)"),
        Localized(en: #"^layer (\d+) post-norm activations became (\S+) at step (\d+)$"#,
                  de: "Schicht $1: Aktivierungen nach der Norm wurden bei Schritt $3 $2"),
        Localized(en: #"^loss became (\S+) at step (\d+), layer (\d+) pre-norm std (\S+)$"#,
                  de: "Verlust wurde bei Schritt $2 $1, Schicht $3 vor der Norm: σ $4"),
        Localized(en: #"^loss became (\S+) at step (\d+)$"#, de: "Verlust wurde bei Schritt $2 $1"),
        Localized(en: #"^loss exploded to (\S+) at step (\d+) \(over (\d+)× chance level, (\S+)\), layer (\d+) pre-norm std (\S+)$"#,
                  de: "Verlust bei Schritt $2 auf $1 explodiert (über $3× Zufallsniveau $4), Schicht $5 vor der Norm: σ $6"),
        Localized(en: #"^loss exploded to (\S+) at step (\d+) \(over (\d+)× chance level, (\S+)\)$"#,
                  de: "Verlust bei Schritt $2 auf $1 explodiert (über $3× Zufallsniveau $4)"),
        Localized(en: #"^the gradients became non-finite at step (\d+) \(loss (\S+)\)$"#,
                  de: "Gradienten wurden bei Schritt $1 nicht endlich (Verlust $2)"),
    ]

    // MARK: Keys of the main screen, in the key table's order
    let keys = MainKeys()

    // MARK: Keys every lesson shares
    let lessonKeys = LessonKeys()

    // MARK: The settings editor's fields
    let settings = SettingTexts()

    // MARK: `normtui compute --format text`
    let workedExample = WorkedExampleText()
}

extension UIText {
    /// `problem` (NormMath's English reason) in `language`.
    func problem(_ problem: String, _ language: Language) -> String {
        guard language == .de else { return problem }
        for entry in problems {
            guard let pattern = try? NSRegularExpression(pattern: entry.en) else { continue }
            let range = NSRange(problem.startIndex..., in: problem)
            if pattern.firstMatch(in: problem, range: range) != nil {
                let german = pattern.stringByReplacingMatches(in: problem, range: range, withTemplate: entry.de)
                return german.replacingOccurrences(of: " infinite", with: " unendlich")
            }
        }
        return problem
    }

    /// The words the charts write themselves, in `language`.
    func chartWords(_ language: Language) -> ChartWords {
        ChartWords(step: chartStep(language), more: chartMore(language))
    }

    /// A compared setting's name; English keeps the command-line name.
    func compareSettingName(_ name: CompareSetting.Name, _ language: Language) -> String {
        compareSettings[name]?(language) ?? name.rawValue
    }

    /// A variant's name; only "no normalization" has a German one, the others are the
    /// glossary's own English names.
    func variantName(_ variant: NormVariant, _ language: Language) -> String {
        variant == .none ? noNormalization(language) : variant.displayName
    }
}
