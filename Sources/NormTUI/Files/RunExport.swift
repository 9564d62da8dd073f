import Foundation
import NormMath
import TerminalUI

/// What `w` saves: the screen as text, the run's history as CSV and the experiment as a
/// config file that `--config` loads again.
struct RunExport {
    let screen: Grid
    let config: ExperimentConfig
    let history: TrainingHistory

    /// The three files' names, from a common prefix such as `normtui-20261128-173512`.
    static func names(prefix: String) -> (screen: String, history: String, config: String) {
        ("\(prefix)-screen.txt", "\(prefix)-history.csv", "\(prefix)-config.json")
    }

    static func prefix(at date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyyMMdd-HHmmss"
        return "normtui-\(formatter.string(from: date))"
    }

    /// Writes the three files into `folder`; returns their names.
    func write(into folder: String, prefix: String) throws(AtomicFile.Failure) -> [String] {
        let names = Self.names(prefix: prefix)
        try AtomicFile.write(screen.text.joined(separator: "\n") + "\n", to: "\(folder)/\(names.screen)")
        try AtomicFile.write(historyCSV, to: "\(folder)/\(names.history)")
        try AtomicFile.write(config.json, to: "\(folder)/\(names.config)")
        return [names.screen, names.history, names.config]
    }

    /// One row per kept step: the series the UI plots, with the held-out accuracy on the
    /// steps where it was measured.
    var historyCSV: String {
        let layerColumns = ["pre_mean", "pre_std", "post_mean", "post_std", "grad_norm", "act_grad_norm", "update_ratio"]
        var header = ["step", "loss", "accuracy", "eval_accuracy"]
        for layer in history.layers.indices { header += layerColumns.map { "l\(layer + 1)_\($0)" } }
        let steps = history.steps.elements
        let evaluations = Dictionary(history.evaluations.elements.map { ($0.step, $0.evaluation.accuracy) }) { $1 }
        let loss = history.loss.elements, accuracy = history.accuracy.elements
        let layers = history.layers.map { layer in
            [layer.preMean, layer.preStd, layer.postMean, layer.postStd, layer.weightGradNorm, layer.activationGradNorm,
             layer.updateRatio].map(\.elements)
        }
        var lines = [header.joined(separator: ",")]
        for (row, step) in steps.enumerated() {
            var values: [TrainingRecord.Value] = [
                .integer(step), .number(loss[row]), .number(accuracy[row]), evaluations[step].map { .number($0) } ?? .missing,
            ]
            for series in layers { values += series.map { .number($0[row]) } }
            lines.append(values.map(\.csv).joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
