/// What `normtui compute` reports for one case (docs/DESIGN.md, "Command-line contract").
public struct ComputeResult: Sendable {
    public var y: [Float]
    /// μ per statistics group, in group order (batch [C], layer [N], instance [N·C], group
    /// [N·G], n-major). In eval mode batch norm reports the running mean it used. Empty for rms
    /// and none, which do not center (the JSON then has no `mean`).
    public var mean: [Double]
    /// The biased σ² per group (JSON `var`); for rms the mean square (JSON `mean_square`).
    public var variance: [Double]
    public var runningMean: [Float]?
    public var runningVar: [Float]?
    public var dx: [Float]?
    public var dgamma: [Float]?
    public var dbeta: [Float]?
    /// The layer as it was after the forward pass (parameters, updated running statistics).
    public var layer: Normalization
    public var statistics: GroupStatistics
}

extension ComputeRequest {
    /// Runs the forward pass, and the backward pass when `dy` is given — the one code path
    /// that `normtui compute` and the reference tests share.
    public func run() throws(ComputeError) -> ComputeResult {
        do {
            var layer = try Normalization(
                config: config, channels: shape.c, gamma: gamma, beta: beta,
                runningMean: runningMean, runningVar: runningVar)
            let output = try layer.forward(x, shape: shape, mode: mode)
            var result = ComputeResult(
                y: output.y, mean: config.variant.centers ? output.statistics.mean : [],
                variance: output.statistics.variance,
                runningMean: config.variant.keepsRunningStatistics ? layer.runningMean : nil,
                runningVar: config.variant.keepsRunningStatistics ? layer.runningVar : nil,
                layer: layer, statistics: output.statistics)
            if let dy {
                let gradients = layer.backward(dy: dy, x: x, statistics: output.statistics)
                result.dx = gradients.dx
                result.dgamma = gradients.dgamma
                result.dbeta = gradients.dbeta
            }
            if let problem = result.firstNonFiniteValue() {
                // A zero variance with ε = 0 divides by zero; otherwise the values are too large
                // for float32 (or, with the naive algorithm, their squares).
                let divides = output.statistics.variance.contains { $0 + config.eps == 0 }
                throw ComputeError(
                    divides
                        ? "the result is not finite (\(problem)): with eps = \(config.eps) a group with zero variance divides by zero"
                        : "the result is not finite (\(problem)): the values are too large for float32")
            }
            return result
        } catch let error as NormalizationError {
            throw ComputeError(error.description)
        } catch let error as ComputeError {
            throw error
        } catch {
            throw ComputeError("\(error)")
        }
    }
}

extension ComputeResult {
    /// The name and index of the first NaN or infinity among the outputs, if any.
    func firstNonFiniteValue() -> String? {
        let arrays: [(String, [Float]?)] = [
            ("y", y), ("running_mean", runningMean), ("running_var", runningVar), ("dx", dx), ("dgamma", dgamma),
            ("dbeta", dbeta),
        ]
        for (name, values) in arrays {
            if let index = values?.firstIndex(where: { !$0.isFinite }) { return "\(name)[\(index)] = \(values![index])" }
        }
        // The statistics are Double, but the naive variance of huge values can still overflow.
        let statistics: [(String, [Double])] = [(layer.config.variant == .rms ? "mean_square" : "var", variance), ("mean", mean)]
        for (name, values) in statistics {
            if let index = values.firstIndex(where: { !$0.isFinite }) { return "\(name)[\(index)] = \(values[index])" }
        }
        return nil
    }

    /// The result as the JSON object docs/DESIGN.md specifies ("Command-line contract"), keys
    /// in a fixed, readable order.
    public var json: String {
        var fields: [(String, String)] = [("y", Self.array(y))]
        if layer.config.variant == .rms {
            fields.append(("mean_square", Self.array(variance)))
        } else if layer.config.variant != .none {
            fields.append(("mean", Self.array(mean)))
            fields.append(("var", Self.array(variance)))
        }
        if let runningMean { fields.append(("running_mean", Self.array(runningMean))) }
        if let runningVar { fields.append(("running_var", Self.array(runningVar))) }
        if let dx { fields.append(("dx", Self.array(dx))) }
        if let dgamma { fields.append(("dgamma", Self.array(dgamma))) }
        if let dbeta { fields.append(("dbeta", Self.array(dbeta))) }
        return "{" + fields.map { "\"\($0.0)\": \($0.1)" }.joined(separator: ", ") + "}"
    }

    /// Swift prints the shortest decimal that reads back to the same value, which is valid
    /// JSON for every finite number (`run()` refuses non-finite results).
    private static func array<T: BinaryFloatingPoint & LosslessStringConvertible>(_ values: [T]) -> String {
        "[" + values.map { $0 == 0 ? "0.0" : "\($0)" }.joined(separator: ", ") + "]"
    }
}
