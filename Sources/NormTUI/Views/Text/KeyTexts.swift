import NormLessons

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
    let undo = KeyText(
        help: Localized(
            en: "bring back the run the last reset (v, 1–6, r, settings) discarded",
            de: "den Lauf zurückholen, den der letzte Neustart (v, 1–6, r, Einstellungen) verworfen hat"))
    let edit = KeyText(
        hint: Localized(en: "settings", de: "Einstellungen"),
        help: Localized(
            en: "settings editor: shape, groups, lr, … (Enter applies, Esc cancels)",
            de: "Einstellungen: Form, Gruppen, Lernrate, … (Enter übernimmt, Esc verwirft)"))
    let toggleEvalMode = KeyText(
        hint: Localized(en: "train/eval", de: "Training/Inferenz"),
        help: Localized(
            en: "show post-norm activations as in train or eval mode",
            de: "Aktivierungen nach der Normalisierung wie im Trainings- oder Inferenzmodus zeigen"))
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
    let save = KeyText(
        help: Localized(
            en: "save the screen (.txt, .svg), the lesson's records (.csv) and the experiment (.json)",
            de: "den Bildschirm (.txt, .svg), die Messwerte der Lektion (.csv) und das Experiment (.json) speichern"))
    let leave = KeyText(hint: Localized(en: "free play", de: "frei"), help: Localized(en: "leave the lesson for the free experiment", de: "Lektion verlassen und zum freien Experiment wechseln"))
    let faster = KeyText(help: Localized(en: "faster", de: "schneller"))
    let slower = KeyText(hint: Localized(en: "speed", de: "Tempo"), help: Localized(en: "slower", de: "langsamer"))
    let fewerSeeds = KeyText(help: Localized(
        en: "one seed fewer (training lessons: median and range of the seeds)",
        de: "ein Seed weniger (Trainingslektionen: Median und Spanne der Seeds)"))
    let hint = KeyText(help: Localized(
        en: "the discussion page and the exercise's hint (again: hide it)", de: "die Diskussionsseite und der Tipp zur Übung (nochmals: ausblenden)"))
    let moreSeeds = KeyText(help: Localized(en: "one seed more, up to 9 (restarts the lesson)", de: "ein Seed mehr, bis 9 (startet die Lektion neu)"))
    /// Only in a lesson that points to others (the decision table).
    let openLinked = KeyText(
        hint: Localized(en: "open lesson", de: "Lektion öffnen"),
        help: Localized(en: "open the lesson of the selected row", de: "die Lektion der gewählten Zeile öffnen"))
}

/// A key's word or two for the key bar (`nil` keeps it off the bar) and its help sentence.
struct KeyText: Sendable {
    var hint: Localized?
    var help: Localized
}
