/// The closing lesson's decision table: the glossary's "Die Wahl der geeigneten Variante hängt
/// von der Netzwerkarchitektur, den Datencharakteristika und Trainingsressourcen ab" made
/// concrete. Each row is a situation (architecture, data, batch size), the variant to reach
/// for, and the claims of another lesson that back it — cited by id, so that the row is judged
/// by the very predicate that lesson's `--check` judges.
public enum WhichNormTable {
    public struct Row: Sendable {
        /// A stable name for the record and the claim ids, e.g. `cnn-tiny-batch`.
        public let id: String
        public let situation: Localized
        /// The situation in a few words, for a narrow table.
        public let brief: Localized
        public let variant: Localized
        /// The lesson whose claims back the row; Enter opens it.
        public let lesson: Lesson
        public let claimIDs: [String]
    }

    /// The rows, by architecture first (CNN, RNN, Transformer, style, time series, graphs, none).
    public static let rows: [Row] = [
        Row(
            id: "cnn-large-batch",
            situation: Localized(en: "CNN on images, mini-batches of 16 or more", de: "CNN auf Bildern, Mini-Batches ab 16"),
            brief: Localized(en: "CNN, N ≥ 16", de: "CNN, N ≥ 16"),
            variant: Localized(en: "Batch Norm", de: "Batch Norm"),
            lesson: LearningRateLesson.lesson, claimIDs: ["bn-learns-at-lr-2", "plain-at-chance-at-lr-2"]),
        Row(
            id: "cnn-tiny-batch",
            situation: Localized(
                en: "CNN with 1–2 images per mini-batch (detection, segmentation)",
                de: "CNN mit 1–2 Bildern je Mini-Batch (Detektion, Segmentierung)"),
            brief: Localized(en: "CNN, N = 1–2", de: "CNN, N = 1–2"),
            variant: Localized(en: "Group Norm", de: "Group Norm"),
            lesson: BatchSizeLesson.lesson, claimIDs: ["bn-collapses-at-1", "gn-no-collapse"]),
        Row(
            id: "recurrent",
            situation: Localized(
                en: "Recurrent network (GRU, LSTM) over long sequences",
                de: "Rekurrentes Netz (GRU, LSTM) über lange Sequenzen"),
            brief: Localized(en: "RNN", de: "RNN"),
            variant: Localized(en: "Layer Norm", de: "Layer Norm"),
            lesson: SequencesLesson.lesson, claimIDs: ["layer-norm-passes-more-gradient", "padding-pulls-the-batch-mean"]),
        Row(
            id: "transformer",
            situation: Localized(en: "Transformer: a deep stack of residual blocks", de: "Transformer: ein tiefer Stapel aus Residual-Blöcken"),
            brief: Localized(en: "Transformer", de: "Transformer"),
            variant: Localized(en: "Layer Norm, Pre-LN", de: "Layer Norm, Pre-LN"),
            lesson: PrePostLNLesson.lesson, claimIDs: ["pre-ln-learns-without-warmup", "post-ln-behind-with-or-without-warmup"]),
        Row(
            id: "attention-logits",
            situation: Localized(
                en: "Transformer whose attention logits grow in training",
                de: "Transformer, dessen Attention-Logits im Training wachsen"),
            brief: Localized(en: "growing logits", de: "wachsende Logits"),
            variant: Localized(en: "QK norm", de: "QK-Norm"),
            lesson: TransformerLesson.lesson, claimIDs: ["qk-norm-bounds-logits", "qk-norm-lowers-loss"]),
        Row(
            id: "language-model",
            situation: Localized(
                en: "Large language model, where every pass over the data counts",
                de: "Großes Sprachmodell, bei dem jeder Durchlauf durch die Daten zählt"),
            brief: Localized(en: "language model", de: "Sprachmodell"),
            variant: Localized(en: "RMSNorm", de: "RMSNorm"),
            lesson: RMSNormLesson.lesson, claimIDs: ["both-learn-by-step-600"]),
        Row(
            id: "style",
            situation: Localized(
                en: "Style transfer: each image's contrast is style, not content",
                de: "Stil-Transfer: Der Kontrast jedes Bildes ist Stil, nicht Inhalt"),
            brief: Localized(en: "style transfer", de: "Stil-Transfer"),
            variant: Localized(en: "Instance Norm", de: "Instance Norm"),
            lesson: InstanceStyleLesson.lesson, claimIDs: ["in-mean-0-std-1", "bn-keeps-contrast-ratio"]),
        Row(
            id: "time-series",
            situation: Localized(
                en: "Time series whose level and scale drift after training",
                de: "Zeitreihen, deren Niveau und Skala nach dem Training driften"),
            brief: Localized(en: "drifting series", de: "driftende Reihen"),
            variant: Localized(en: "RevIN", de: "RevIN"),
            lesson: RevINLesson.lesson, claimIDs: ["revin-wins-under-the-shift"]),
        Row(
            id: "deep-graph-network",
            situation: Localized(
                en: "Deep graph network (GCN) with many layers",
                de: "Tiefes Graph-Netz (GCN) mit vielen Schichten"),
            brief: Localized(en: "deep GNN", de: "tiefes GNN"),
            variant: Localized(en: "PairNorm", de: "PairNorm"),
            lesson: OverSmoothingLesson.lesson, claimIDs: ["plain-features-collapse-at-start", "pairnorm-wins-at-depth-16"]),
        Row(
            id: "no-batch-statistics",
            situation: Localized(
                en: "No batch statistics wanted (e.g. samples must not interact)",
                de: "Keine Batch-Statistik erwünscht (z. B. Samples dürfen sich nicht beeinflussen)"),
            brief: Localized(en: "no batch stats", de: "Samples getrennt"),
            variant: Localized(en: "none: init + AGC", de: "keine: Init + AGC"),
            lesson: NormalizerFreeLesson.lesson, claimIDs: ["clipped-networks-train", "batch-norm-lowest-loss"]),
    ]

    /// The lessons the rows cite, each once, in the order of their first row, with every claim
    /// any row cites from it: what the engine runs.
    public static let citedLessons: [(lesson: Lesson, claimIDs: [String])] = rows.reduce(into: []) { cited, row in
        if let index = cited.firstIndex(where: { $0.lesson.id == row.lesson.id }) {
            cited[index].claimIDs += row.claimIDs.filter { !cited[index].claimIDs.contains($0) }
        } else {
            cited.append((row.lesson, row.claimIDs))
        }
    }
}
