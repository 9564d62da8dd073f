import Foundation
import NormMath

/// The text form of `normtui compute`: the formula with the numbers filled in, group by group,
/// the way a teacher would write it on the board. Large tensors get a summary instead.
struct WorkedExample {
    let request: ComputeRequest
    let result: ComputeResult

    /// Groups up to this size are written out element by element.
    static let elementsShownInFull = 24
    /// Up to this many groups are explained one by one in a small tensor…
    static let groupsShownInFull = 8
    /// …and a tensor larger than this is a summary: one group worked out, the rest a table.
    static let smallTensorLimit = 256

    var groupsExplained: Int {
        min(layout.groupCount, shape.count <= Self.smallTensorLimit ? Self.groupsShownInFull : 1)
    }

    var config: NormalizationConfig { request.config }
    var shape: TensorShape { request.shape }
    var layout: StatisticsLayout { result.statistics.layout }

    var text: String {
        var lines: [String] = []
        lines.append("\(config.variant.displayName) on a \(shape) tensor (N×C×H×W), \(request.mode.rawValue) mode")
        guard config.variant != .none else {
            lines.append("No normalization: y = x.")
            return lines.joined(separator: "\n") + "\n"
        }
        lines.append(groupingSentence)
        lines.append(formulaSentence)
        if config.varianceAlgorithm != .twoPass {
            lines.append("Variance algorithm: \(config.varianceAlgorithm.rawValue).")
        }
        lines.append("")
        let shownGroups = groupsExplained
        for g in 0..<shownGroups {
            lines.append(contentsOf: explain(group: g))
            lines.append("")
        }
        if shownGroups < layout.groupCount {
            lines.append("The other \(layout.groupCount - shownGroups) groups:")
            lines.append(contentsOf: summaryTable(from: shownGroups))
            lines.append("")
        }
        lines.append(contentsOf: outputSummary)
        return lines.joined(separator: "\n") + "\n"
    }

    var groupingSentence: String {
        let per = layout.elementsPerGroup
        let count = layout.groupCount == 1 ? "1 group" : "\(layout.groupCount) groups"
        switch config.variant {
        case .batch:
            return "Statistics: one μ and σ per channel, over the batch and all positions (N·H·W = \(per) values): \(count)."
        case .layer:
            return "Statistics: one μ and σ per sample, over all channels and positions (C·H·W = \(per) values): \(count)."
        case .instance:
            return "Statistics: one μ and σ per sample and channel, over the positions (H·W = \(per) values): \(count)."
        case .group:
            return "Statistics: one μ and σ per sample and group of \(shape.c / config.groups) channels (C/G·H·W = \(per) values): \(count)."
        case .rms:
            return "Statistics: one mean square per sample, over all channels and positions (C·H·W = \(per) values), no centering: \(count)."
        case .none:
            return ""
        }
    }

    var formulaSentence: String {
        let eps = "ε = \(Self.format(config.eps))"
        let denominator = config.epsPlacement == .inside ? "√(σ² + ε)" : "(σ + ε)"
        let place = config.epsPlacement == .inside
            ? "inside the root, as PyTorch does" : "outside the root, as in the glossary's formula"
        if config.variant == .rms {
            let rmsDenominator = config.epsPlacement == .inside ? "√(ms + ε)" : "(√ms + ε)"
            return "y = γ·x / \(rmsDenominator), \(eps) \(place)."
        }
        var sentence = "y = γ·(x − μ) / \(denominator) + β, \(eps) \(place)."
        if result.statistics.fromRunningStatistics {
            sentence += " Eval mode: μ and σ² are the running statistics, not the batch's."
        }
        return sentence
    }

    func describe(group g: Int) -> String {
        switch config.variant {
        case .batch: return "channel \(g)"
        case .layer, .rms: return "sample \(g)"
        case .instance: return "sample \(g / shape.c), channel \(g % shape.c)"
        case .group:
            let perGroup = shape.c / config.groups
            let first = (g % config.groups) * perGroup
            return "sample \(g / config.groups), group \(g % config.groups) (channels \(first)–\(first + perGroup - 1))"
        case .none: return ""
        }
    }

    func explain(group g: Int) -> [String] {
        let indices = layout.elementIndices(ofGroup: g)
        let values = indices.map { Double(request.x[$0]) }
        let count = values.count
        let mean = result.statistics.mean.isEmpty ? 0 : result.statistics.mean[g]
        let variance = result.statistics.variance[g]
        var lines = ["Group \(g): \(describe(group: g)), \(count) values"]
        if count <= Self.elementsShownInFull {
            lines.append("  x  = " + values.map(Self.format).joined(separator: "  "))
        } else {
            lines.append("  x  = " + values.prefix(8).map(Self.format).joined(separator: "  ") + "  … (\(count - 8) more)")
        }
        let sum = values.reduce(0, +)
        if config.variant == .rms {
            lines.append("  ms = Σx² / \(count) = \(Self.format(variance))")
        } else if result.statistics.fromRunningStatistics {
            lines.append("  μ  = running mean = \(Self.format(mean))")
            lines.append("  σ² = running variance = \(Self.format(variance))")
        } else {
            lines.append("  μ  = Σx / \(count) = \(Self.format(sum)) / \(count) = \(Self.format(mean))")
            let squares = values.map { ($0 - mean) * ($0 - mean) }.reduce(0, +)
            lines.append("  σ² = Σ(x − μ)² / \(count) = \(Self.format(squares)) / \(count) = \(Self.format(variance))")
        }
        let sigma = variance.squareRoot()
        lines.append("  σ  = √σ² = \(Self.format(sigma))")
        let first = indices[0]
        let c = shape.channel(ofFlatIndex: first)
        let gamma = Double(result.layer.gamma?[c] ?? 1)
        let beta = Double(result.layer.beta?[c] ?? 0)
        let x0 = Double(request.x[first])
        let eps = Self.format(config.eps)
        let denominator = config.epsPlacement == .inside
            ? "√(\(Self.format(variance)) + \(eps))" : "(\(Self.format(sigma)) + \(eps))"
        let numerator = config.variant == .rms ? Self.format(x0) : "(\(Self.format(x0)) − \(Self.format(mean)))"
        let shift = config.variant == .rms ? "" : " + \(Self.format(beta))"
        lines.append(
            "  y\(position(first)) = \(Self.format(gamma))·\(numerator) / \(denominator)\(shift) = \(Self.format(Double(result.y[first])))")
        let outputs = indices.map { Double(result.y[$0]) }
        if count <= Self.elementsShownInFull {
            lines.append("  y  = " + outputs.map(Self.format).joined(separator: "  "))
        } else {
            lines.append("  y  = " + outputs.prefix(8).map(Self.format).joined(separator: "  ") + "  …")
        }
        return lines
    }

    /// `[n,c,h,w]` of a flat index.
    func position(_ index: Int) -> String {
        let w = index % shape.w, h = (index / shape.w) % shape.h
        let c = (index / shape.spatial) % shape.c, n = index / shape.perSample
        return "[\(n),\(c),\(h),\(w)]"
    }

    func summaryTable(from start: Int) -> [String] {
        let stats = result.statistics
        let header = config.variant == .rms ? "  group        ms" : "  group          μ         σ²"
        var lines = [header]
        let end = min(layout.groupCount, start + 16)
        for g in start..<end {
            let number = String(g).leftPadded(to: 7)
            if config.variant == .rms {
                lines.append("  \(number)  \(Self.format(stats.variance[g]).leftPadded(to: 9))")
            } else {
                lines.append(
                    "  \(number)  \(Self.format(stats.mean[g]).leftPadded(to: 9))  \(Self.format(stats.variance[g]).leftPadded(to: 9))")
            }
        }
        if end < layout.groupCount { lines.append("  … \(layout.groupCount - end) more") }
        return lines
    }

    var outputSummary: [String] {
        var lines: [String] = []
        lines.append("Output y: \(Self.range(result.y)).")
        if let runningMean = result.runningMean, let runningVar = result.runningVar {
            let verb = request.mode == .train ? "updated with momentum \(Self.format(config.momentum))" : "unchanged in eval mode"
            lines.append("Running statistics (\(verb); the variance unbiased, × n/(n−1)):")
            lines.append("  running_mean = " + runningMean.prefix(16).map { Self.format(Double($0)) }.joined(separator: "  "))
            lines.append("  running_var  = " + runningVar.prefix(16).map { Self.format(Double($0)) }.joined(separator: "  "))
        }
        if let dx = result.dx {
            lines.append("Backward pass (given dy):")
            lines.append("  dx: \(Self.range(dx)), ‖dx‖ = \(Self.format(Self.norm(dx)))")
            if let dgamma = result.dgamma {
                lines.append("  dγ = Σ dy·x̂ per channel: " + dgamma.prefix(16).map { Self.format(Double($0)) }.joined(separator: "  "))
            }
            if let dbeta = result.dbeta {
                lines.append("  dβ = Σ dy per channel:   " + dbeta.prefix(16).map { Self.format(Double($0)) }.joined(separator: "  "))
            }
        }
        return lines
    }

    static func range(_ values: [Float]) -> String {
        guard let low = values.min(), let high = values.max() else { return "empty" }
        return "\(values.count) values from \(format(Double(low))) to \(format(Double(high)))"
    }

    static func norm(_ values: [Float]) -> Double {
        values.reduce(0) { $0 + Double($1) * Double($1) }.squareRoot()
    }

    /// Four significant digits: enough to follow the arithmetic by hand.
    static func format(_ value: Double) -> String {
        if value == 0 { return "0" }
        return String(format: "%.4g", value)
    }
}

extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
