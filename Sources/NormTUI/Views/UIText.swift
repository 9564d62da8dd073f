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
    let slowStepLarge = Localized(en: " (a large shape: this takes a while)", de: " (große Form: das dauert etwas)")
    let computingStep = Localized(en: "computing step {1}…{2}", de: "Schritt {1} wird berechnet …{2}")
    let preparingRun = Localized(en: "preparing the run…", de: "Lauf wird vorbereitet …")
    let pausedHint = Localized(
        en: "paused — space runs, s takes one step, ? lists every key",
        de: "pausiert — Leertaste startet, s macht einen Schritt, ? zeigt alle Tasten")
    let runningHint = Localized(
        en: "training — space pauses, +/- change the speed, v switches the variant",
        de: "Training läuft — Leertaste: Pause, +/-: Tempo, v: Variante")
    let lessonHeading = Localized(en: "Lesson", de: "Lektion")
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
    let notFinite = Localized(en: "not finite: the run diverged", de: "nicht endlich: der Lauf ist divergiert")
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
            """,
        de: """
            Panels: die Aktivierungen der gewählten Schicht vor und nach der Normalisierung;
            die Statistiken des Mini-Batches je Kanal und die laufenden Schätzungen von Batch Norm;
            die Gradientennorm jeder Schicht (log. Skala); Verlust und Genauigkeit.
            """)
    let tooSmall = Localized(en: "terminal too small: have {1}×{2}, need {3}×{4}", de: "Terminal zu klein: {1}×{2}, nötig sind {3}×{4}")
    let tooSmallHint = Localized(en: "enlarge the window, or press q to quit", de: "Fenster vergrößern oder mit q beenden")

    // MARK: Compare mode
    let compareSection = Localized(en: "compare mode", de: "Vergleichsmodus")
    let compareTitle = Localized(en: "same seed, differs in: {1}", de: "gleicher Seed, Unterschied: {1}")
    let compareLoss = Localized(en: "loss", de: "Verlust")
    let compareHeldOut = Localized(en: "held-out (eval)", de: "Testdaten (Inferenz)")
    let compareState = Localized(en: "state", de: "Zustand")
    let compareRunning = Localized(en: "running", de: "läuft")
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
                  de: "das MLP normalisiert [N, C]-Aktivierungen: die Form als NxC angeben, angegeben: $1"),
        Localized(en: #"^instance norm needs more than one position per channel \(H·W > 1\), got (.+)$"#,
                  de: "Instance Norm braucht mehr als eine Position je Kanal (H·W > 1), angegeben: $1"),
        Localized(en: #"^batch norm needs more than one value per channel \(N·H·W > 1\), got (.+)$"#,
                  de: "Batch Norm braucht mehr als einen Wert je Kanal (N·H·W > 1), angegeben: $1"),
        Localized(en: #"^the conv model needs images of at least 2×2, got (.+)$"#,
                  de: "das Conv-Modell braucht Bilder von mindestens 2×2, angegeben: $1"),
        Localized(en: #"^the batch size N = (\d+) is larger than the training set \((\d+) images of (.+)\)$"#,
                  de: "die Batch-Größe N = $1 ist größer als die Trainingsdaten ($2 Bilder aus $3)"),
        Localized(en: #"^layer (\d+) pre-norm activations became (\S+) at step (\d+)$"#,
                  de: "Schicht $1: Aktivierungen vor der Norm bei Schritt $3 $2"),
        Localized(en: #"^layer (\d+) post-norm activations became (\S+) at step (\d+) \(pre-norm std (\S+), eps (\S+): a division by zero\)$"#,
                  de: "Schicht $1: Aktivierungen nach der Norm bei Schritt $3 $2 (σ davor $4, ε $5: Division durch Null)"),
        Localized(en: #"^layer (\d+) post-norm activations became (\S+) at step (\d+)$"#,
                  de: "Schicht $1: Aktivierungen nach der Norm bei Schritt $3 $2"),
        Localized(en: #"^loss became (\S+) at step (\d+), layer (\d+) pre-norm std (\S+)$"#,
                  de: "Verlust bei Schritt $2 $1, Schicht $3 vor der Norm: σ $4"),
        Localized(en: #"^loss became (\S+) at step (\d+)$"#, de: "Verlust bei Schritt $2 $1"),
        Localized(en: #"^loss exploded to (\S+) at step (\d+) \(over (\d+)× chance level, (\S+)\), layer (\d+) pre-norm std (\S+)$"#,
                  de: "Verlust bei Schritt $2 auf $1 explodiert (über $3× Zufallsniveau $4), Schicht $5 vor der Norm: σ $6"),
        Localized(en: #"^loss exploded to (\S+) at step (\d+) \(over (\d+)× chance level, (\S+)\)$"#,
                  de: "Verlust bei Schritt $2 auf $1 explodiert (über $3× Zufallsniveau $4)"),
        Localized(en: #"^the gradients became non-finite at step (\d+) \(loss (\S+)\)$"#,
                  de: "Gradienten bei Schritt $1 nicht endlich (Verlust $2)"),
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

/// The main screen's key hints (the key bar) and help sentences (the `?` overlay).
struct MainKeys: Sendable {
    let quit = KeyText(hint: Localized(en: "quit", de: "Ende"), help: Localized(en: "quit (also Ctrl-C)", de: "beenden (auch Strg-C)"))
    let help = KeyText(hint: Localized(en: "help", de: "Hilfe"), help: Localized(en: "this help", de: "diese Hilfe"))
    let runPause = KeyText(
        hint: Localized(en: "run/pause", de: "Start/Pause"), help: Localized(en: "run or pause training", de: "Training starten oder anhalten"))
    let step = KeyText(
        hint: Localized(en: "step", de: "Schritt"), help: Localized(en: "one training step (pauses)", de: "ein Trainingsschritt (hält an)"))
    let nextVariant = KeyText(
        hint: Localized(en: "variant", de: "Variante"),
        help: Localized(en: "next normalization variant (resets, same seed)", de: "nächste Normalisierungsvariante (Neustart, gleicher Seed)"))
    let previousVariant = KeyText(help: Localized(en: "previous variant", de: "vorige Variante"))
    let selectVariant = KeyText(help: Localized(en: "variant {1}", de: "Variante {1}"))
    let reset = KeyText(
        hint: Localized(en: "reset", de: "Neustart"),
        help: Localized(en: "restart the run with the same seed", de: "Lauf mit gleichem Seed neu starten"))
    let edit = KeyText(
        hint: Localized(en: "settings", de: "Einstellungen"),
        help: Localized(
            en: "settings editor: shape, groups, lr, … (Enter applies, Esc cancels)",
            de: "Einstellungen: Form, Gruppen, lr, … (Enter übernimmt, Esc verwirft)"))
    let toggleEvalMode = KeyText(
        hint: Localized(en: "train/eval", de: "Training/Inferenz"),
        help: Localized(
            en: "show post-norm activations as in train or eval mode",
            de: "Aktivierungen nach der Normalisierung: Trainings- oder Inferenzmodus"))
    let previousLayer = KeyText(help: Localized(en: "previous layer", de: "vorige Schicht"))
    let nextLayer = KeyText(hint: Localized(en: "layer", de: "Schicht"), help: Localized(en: "next layer", de: "nächste Schicht"))
    let focusNext = KeyText(hint: Localized(en: "focus", de: "Fokus"), help: Localized(en: "focus the next panel", de: "nächstes Panel fokussieren"))
    let focusPrevious = KeyText(help: Localized(en: "focus the previous panel", de: "voriges Panel fokussieren"))
    let zoom = KeyText(
        hint: Localized(en: "zoom", de: "Zoom"),
        help: Localized(en: "zoom the focused panel (again to return)", de: "fokussiertes Panel vergrößern (erneut: zurück)"))
    let faster = KeyText(help: Localized(en: "train faster", de: "schneller trainieren"))
    let slower = KeyText(hint: Localized(en: "speed", de: "Tempo"), help: Localized(en: "train slower", de: "langsamer trainieren"))
    let sharedAxis = KeyText(
        hint: Localized(en: "shared x", de: "gem. Achse"),
        help: Localized(en: "pre and post histograms on one x-axis", de: "Histogramme vor und nach der Normalisierung auf einer x-Achse"))
    let lessons = KeyText(
        hint: Localized(en: "lessons", de: "Lektionen"),
        help: Localized(en: "lessons: the glossary's claims as experiments", de: "Lektionen: die Aussagen des Glossars als Experimente"))
    let save = KeyText(
        hint: Localized(en: "save", de: "Speichern"),
        help: Localized(
            en: "save the screen (.txt), the history (.csv) and the experiment (.json, for --config)",
            de: "Bildschirm (.txt), Verlauf (.csv) und Experiment (.json, für --config) speichern"))
    let compare = KeyText(
        help: Localized(
            en: "compare mode: this run beside one that differs in one setting (c there cycles the setting)",
            de: "Vergleichsmodus: dieser Lauf neben einem, der sich in einer Einstellung unterscheidet (c wechselt sie dort)"))
}

/// The keys every lesson shares: the key bar's words and the help's sentences.
struct LessonKeys: Sendable {
    let quit = KeyText(hint: Localized(en: "quit", de: "Ende"), help: Localized(en: "quit (also Ctrl-C)", de: "beenden (auch Strg-C)"))
    let help = KeyText(hint: Localized(en: "help", de: "Hilfe"), help: Localized(en: "this help", de: "diese Hilfe"))
    let nextPage = KeyText(hint: Localized(en: "next", de: "weiter"), help: Localized(en: "next page of the explanation", de: "nächste Seite der Erklärung"))
    let previousPage = KeyText(hint: Localized(en: "back", de: "zurück"), help: Localized(en: "previous page", de: "vorige Seite"))
    let runPause = KeyText(hint: Localized(en: "run/pause", de: "Start/Pause"), help: Localized(en: "run or pause the experiment", de: "Experiment starten oder anhalten"))
    let step = KeyText(hint: Localized(en: "step", de: "Schritt"), help: Localized(en: "one step (pauses)", de: "ein Schritt (hält an)"))
    let restart = KeyText(hint: Localized(en: "restart", de: "neu"), help: Localized(en: "restart the lesson (same seed)", de: "Lektion neu starten (gleicher Seed)"))
    let lessons = KeyText(hint: Localized(en: "lessons", de: "Lektionen"), help: Localized(en: "list of lessons", de: "Liste der Lektionen"))
    let leave = KeyText(hint: Localized(en: "free play", de: "frei"), help: Localized(en: "leave the lesson for the free experiment", de: "Lektion verlassen, freies Experiment"))
    let faster = KeyText(help: Localized(en: "faster", de: "schneller"))
    let slower = KeyText(hint: Localized(en: "speed", de: "Tempo"), help: Localized(en: "slower", de: "langsamer"))
}

/// A key's word or two for the key bar (`nil` keeps it off the bar) and its help sentence.
struct KeyText: Sendable {
    var hint: Localized?
    var help: Localized
}

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

extension Localized {
    /// Both texts with `{1}`, `{2}`, … replaced by `values` in order.
    func filled(_ values: Any...) -> Localized {
        var filled = self
        for (index, value) in values.enumerated() {
            filled.en = filled.en.replacingOccurrences(of: "{\(index + 1)}", with: "\(value)")
            filled.de = filled.de.replacingOccurrences(of: "{\(index + 1)}", with: "\(value)")
        }
        return filled
    }

    /// The text in `language` with `{1}`, `{2}`, … replaced by `values` in order.
    func callAsFunction(_ language: Language, _ first: Any, _ rest: Any...) -> String {
        var text = self(language)
        for (index, value) in ([first] + rest).enumerated() {
            text = text.replacingOccurrences(of: "{\(index + 1)}", with: "\(value)")
        }
        return text
    }
}
