import NormMath
import NormLessons

/// The flat record `normtui train` prints per step (and `w` in the UI exports): one schema
/// for csv and jsonl, so a slide or a script can read either.
enum TrainingRecord {
    /// One cell: a number, or empty (csv) / null (json) where nothing was measured.
    enum Value {
        case number(Double)
        case integer(Int)
        case missing

        var csv: String {
            switch self {
            case .number(let value): value.isFinite ? "\(value)" : (value.isNaN ? "nan" : (value > 0 ? "inf" : "-inf"))
            case .integer(let value): "\(value)"
            case .missing: ""
            }
        }

        /// JSON has no NaN or infinity: those become null, like a value that was not measured.
        var json: String {
            switch self {
            case .number(let value): value.isFinite ? "\(value)" : "null"
            case .integer(let value): "\(value)"
            case .missing: "null"
            }
        }
    }

    struct Columns {
        let layerCount: Int
        let hasRunningStatistics: Bool

        static let perLayer = ["pre_mean", "pre_std", "post_mean", "post_std", "grad_norm", "act_grad_norm", "update_ratio"]
        static let running = ["running_mean", "running_var"]

        var names: [String] {
            var names = ["step", "loss", "accuracy", "eval_accuracy"]
            for layer in 1...max(layerCount, 1) where layer <= layerCount {
                let suffixes = Self.perLayer + (hasRunningStatistics ? Self.running : [])
                names += suffixes.map { "l\(layer)_\($0)" }
            }
            return names
        }

        func values(of report: StepReport) -> [Value] {
            var values: [Value] = [
                .integer(report.step), .number(report.loss), .number(report.accuracy),
                report.evaluation.map { .number($0.accuracy) } ?? .missing,
            ]
            for probe in report.layers.prefix(layerCount) {
                values += [
                    .number(probe.pre.mean), .number(probe.pre.std), .number(probe.post.mean), .number(probe.post.std),
                    .number(probe.weightGradNorm), .number(probe.activationGradNorm), .number(probe.updateRatio),
                ]
                if hasRunningStatistics {
                    values.append(probe.averageRunningMean.map { .number($0) } ?? .missing)
                    values.append(probe.averageRunningVar.map { .number($0) } ?? .missing)
                }
            }
            return values
        }

        /// The same records for every kept step of `history` (what `w` saves), with the
        /// held-out accuracy on the steps where it was measured.
        func rows(of history: TrainingHistory) -> [[Value]] {
            let evaluations = Dictionary(history.evaluations.elements.map { ($0.step, $0.evaluation.accuracy) }) { $1 }
            let (steps, loss, accuracy) = (history.steps.elements, history.loss.elements, history.accuracy.elements)
            let layers = history.layers.prefix(layerCount).map { layer in
                [layer.preMean, layer.preStd, layer.postMean, layer.postStd, layer.weightGradNorm,
                 layer.activationGradNorm, layer.updateRatio].map(\.elements)
            }
            // NaN in the history where a step had no running statistics: empty, as in `train`.
            let running = history.layers.prefix(layerCount).map { layer in
                hasRunningStatistics ? [layer.averageRunningMean.elements, layer.averageRunningVar.elements] : []
            }
            return steps.indices.map { row in
                var values: [Value] = [
                    .integer(steps[row]), .number(loss[row]), .number(accuracy[row]),
                    evaluations[steps[row]].map { .number($0) } ?? .missing,
                ]
                for (series, runningSeries) in zip(layers, running) {
                    values += series.map { .number($0[row]) }
                    values += runningSeries.map { $0[row].isNaN ? .missing : .number($0[row]) }
                }
                return values
            }
        }
    }
}
