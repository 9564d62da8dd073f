import NormMath

/// Compare mode (`c` on the main screen, `--compare SETTING=VALUE` on the command line): the
/// current experiment and a copy that differs in one setting, shown side by side on shared
/// axes. It borrows the lesson screen — its keys (space, s, r, Esc back to the free
/// experiment), its thread and its explanation panel — but it is not a lesson: it has no
/// number and no claims, and it runs the free experiment's own configuration and seed.
public struct CompareMode: Sendable {
    /// The name `w` gives its files, in place of a lesson's id.
    public static let id = "compare"

    /// The experiment both runs start from.
    public let base: ExperimentConfig
    /// The setting the second run changes first, then the suggestions `c` cycles through.
    public let settings: [CompareSetting]

    /// Compare mode for `base`: `setting` first, then the suggestions `c` cycles through.
    public init(base: ExperimentConfig, setting: CompareSetting? = nil) {
        self.base = base
        settings = [setting].compactMap { $0 } + CompareSetting.suggestions(for: base).filter { $0 != setting }
    }

    public static let title = Localized(en: "Compare", de: "Vergleich")

    /// Both runs, built from the experiment's own seed (not a lesson's seeds).
    public func makeEngine() -> ComparedRunsEngine { ComparedRunsEngine(base: base, settings: settings) }

    /// The explanation panel's text.
    public static let pages: [LessonPage] = [
        LessonPage(
            title: Localized(en: "Compare mode", de: "Vergleichsmodus"),
            text: Localized(
                en: """
                Two runs of the current experiment with the same seed — the same data, batches and initial weights — that differ in exactly one setting, named at the top of each column.

                Both columns of a row share their axes: equal heights are equal values.

                c compares another setting (normalization, a 20× learning rate, batch size 4, a faster running average). [ and ] choose the layer of the gradient norms. Esc returns to the free experiment.

                On the command line: normtui --compare lr=2 (or variant=none, batch=4, bn-momentum=0.5, …).
                """,
                de: """
                Zu sehen sind zwei Läufe des aktuellen Experiments mit gleichem Seed — gleiche Daten, Batches und Startgewichte —, die sich in genau einer Einstellung unterscheiden; sie steht oben in jeder Spalte.

                Beide Spalten einer Zeile teilen sich ihre Achsen: Gleiche Höhe heißt gleicher Wert.

                c vergleicht eine andere Einstellung (Normalisierung, 20-fache Lernrate, Batch-Größe 4, schnelleres laufendes Mittel). [ und ] wählen die Schicht der Gradientennormen. Esc führt zurück zum freien Experiment.

                Auf der Kommandozeile geht das mit normtui --compare lr=2 (oder variant=none, batch=4, bn-momentum=0.5, …).
                """)),
    ]
}
