import Foundation
import NormMath
import NormLessons
import NumberFormatting

/// The text form of `normtui compute`: the formula with the numbers filled in, group by group,
/// the way a teacher would write it on the board, then one element of the backward pass term
/// by term. Large tensors get a summary instead.
///
/// One notation throughout (as in the lessons): σ² is the variance, and the denominator is
/// written out — √(σ² + ε) with ε inside the root, √σ² + ε outside — and printed as the number
/// that y is divided by, so that a student who redoes the division gets the printed y.
struct WorkedExample {
    let request: ComputeRequest
    let result: ComputeResult
    /// The language of the sentences; the numbers follow `NumberFormat.style`, which the
    /// `compute` command sets to match (`text` in German writes decimal commas).
    var language = Language.en

    private var words: WorkedExampleText { UIText.catalogue.workedExample }

    /// Groups up to this size are written out element by element.
    static let elementsShownInFull = 24
    /// Up to this many groups are explained one by one in a small tensor…
    static let groupsShownInFull = 8
    /// …and a tensor larger than this is a summary: one group worked out, the rest a table.
    static let smallTensorLimit = 256
    /// Terms of a sum written out before "+ …".
    static let termsShown = 6

    var groupsExplained: Int {
        min(layout.groupCount, shape.count <= Self.smallTensorLimit ? Self.groupsShownInFull : 1)
    }

    var config: NormalizationConfig { request.config }
    var shape: TensorShape { request.shape }
    var layout: StatisticsLayout { result.statistics.layout }
    var isRMS: Bool { config.variant == .rms }

    var text: String {
        var lines: [String] = []
        lines.append(words.title(language, UIText.catalogue.variantName(config.variant, language), shape, (request.mode == .train ? words.trainMode : words.evalMode)(language)))
        guard config.variant != .none else {
            lines.append(words.noNormalization(language))
            return lines.joined(separator: "\n") + "\n"
        }
        lines.append(groupingSentence)
        lines.append(formulaSentence)
        if let note = affineNote { lines.append(note) }
        if config.varianceAlgorithm != .twoPass {
            lines.append(words.varianceAlgorithm(language, config.varianceAlgorithm.rawValue))
        }
        lines.append("")
        let shownGroups = groupsExplained
        for g in 0..<shownGroups {
            lines.append(contentsOf: explain(group: g))
            lines.append("")
        }
        if shownGroups < layout.groupCount {
            lines.append(words.otherGroups(language, layout.groupCount - shownGroups))
            lines.append(contentsOf: summaryTable(from: shownGroups))
            lines.append("")
        }
        lines.append(contentsOf: outputSummary)
        if result.dx != nil {
            lines.append("")
            lines.append(contentsOf: backwardExample)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    var groupingSentence: String {
        let per = layout.elementsPerGroup
        let count = layout.groupCount == 1 ? words.oneGroup(language) : words.groups(language, layout.groupCount)
        switch config.variant {
        case .batch:
            return words.batchGrouping(language, per, count)
        case .layer:
            return words.layerGrouping(language, per, count)
        case .instance:
            return words.instanceGrouping(language, per, count)
        case .group:
            return words.groupGrouping(language, shape.c / config.groups, per, count)
        case .rms:
            return words.rmsGrouping(language, per, count)
        case .none:
            return ""
        }
    }

    /// The denominator in symbols: what y is divided by.
    var denominatorSymbol: String {
        switch (isRMS, config.epsPlacement) {
        case (false, .inside): "√(σ² + ε)"
        case (false, .outside): "(√σ² + ε)"
        case (true, .inside): "√(ms + ε)"
        case (true, .outside): "(√ms + ε)"
        }
    }

    var formulaSentence: String {
        let eps = "ε = \(Self.number(config.eps))"
        let place = config.epsPlacement == .inside
            ? words.epsInside(language) : words.epsOutside(language)
        if isRMS {
            return "y = γ·x / \(denominatorSymbol), \(words.msMeaning(language)), \(eps) \(place)."
        }
        var sentence = "y = γ·(x − μ) / \(denominatorSymbol) + β, \(eps) \(place)."
        if result.statistics.fromRunningStatistics {
            sentence += words.evalStatistics(language)
        }
        return sentence
    }

    /// Where this program's affine parameters differ from the PyTorch layer of the same name.
    var affineNote: String? {
        guard config.variant == .layer, result.layer.gamma != nil || result.layer.beta != nil else { return nil }
        return words.layerAffine(language)
    }

    func describe(group g: Int) -> String {
        switch config.variant {
        case .batch: return words.channel(language, g)
        case .layer, .rms: return words.sample(language, g)
        case .instance: return words.sampleChannel(language, g / shape.c, g % shape.c)
        case .group:
            let perGroup = shape.c / config.groups
            let first = (g % config.groups) * perGroup
            return words.sampleGroup(language, g / config.groups, g % config.groups, first, first + perGroup - 1)
        case .none: return ""
        }
    }

    /// Group `g`'s mean (0 for RMSNorm, which does not center) and variance or mean square.
    func moments(ofGroup g: Int) -> (mean: Double, variance: Double) {
        (result.statistics.mean.isEmpty ? 0 : result.statistics.mean[g], result.statistics.variance[g])
    }

    /// The number group `g`'s centred values are divided by.
    func denominator(ofGroup g: Int) -> Double {
        let variance = moments(ofGroup: g).variance
        switch config.epsPlacement {
        case .inside: return (variance + config.eps).squareRoot()
        case .outside: return variance.squareRoot() + config.eps
        }
    }

    /// The denominator with its numbers: "√(0.005469 + 1e−05) = 0.07402".
    func denominatorArithmetic(ofGroup g: Int) -> String {
        let variance = moments(ofGroup: g).variance
        let eps = Self.number(config.eps)
        let value = Self.number(denominator(ofGroup: g))
        switch config.epsPlacement {
        case .inside: return "\(denominatorSymbol) = √(\(Self.number(variance)) + \(eps)) = \(value)"
        case .outside:
            return "\(denominatorSymbol) = \(Self.number(variance.squareRoot())) + \(eps) = \(value)"
        }
    }

    func explain(group g: Int) -> [String] {
        let indices = layout.elementIndices(ofGroup: g)
        let values = indices.map { Double(request.x[$0]) }
        let count = values.count
        let (mean, variance) = moments(ofGroup: g)
        var lines = [words.groupHeading(language, g, describe(group: g), count)]
        lines.append("  x  = " + list(values, limit: Self.elementsShownInFull))
        if isRMS {
            let squares = values.map { $0 * $0 }.reduce(0, +)
            lines.append("  ms = Σx² / \(count) = \(Self.number(squares)) / \(count) = \(Self.number(variance))")
        } else if result.statistics.fromRunningStatistics {
            lines.append("  μ  = \(words.runningMean(language)) = \(Self.number(mean))")
            lines.append("  σ² = \(words.runningVariance(language)) = \(Self.number(variance))")
        } else {
            let sum = values.reduce(0, +)
            lines.append("  μ  = Σx / \(count) = \(Self.number(sum)) / \(count) = \(Self.number(mean))")
            let squares = values.map { ($0 - mean) * ($0 - mean) }.reduce(0, +)
            lines.append("  σ² = Σ(x − μ)² / \(count) = \(Self.number(squares)) / \(count) = \(Self.number(variance))")
        }
        lines.append("  " + denominatorArithmetic(ofGroup: g))
        let first = indices[0]
        let c = shape.channel(ofFlatIndex: first)
        let gamma = Double(result.layer.gamma?[c] ?? 1)
        let beta = Double(result.layer.beta?[c] ?? 0)
        let x0 = Double(request.x[first])
        let numerator = isRMS ? Self.factor(x0) : "(\(Self.number(x0)) \(Self.signed(-mean)))"
        let shift = isRMS ? "" : " \(Self.signed(beta))"
        lines.append(
            "  y\(position(first)) = \(Self.number(gamma))·\(numerator) / \(Self.number(denominator(ofGroup: g)))\(shift)"
                + " = \(Self.number(Double(result.y[first])))")
        lines.append("  y  = " + list(indices.map { Double(result.y[$0]) }, limit: Self.elementsShownInFull))
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
        let group = words.groupColumn(language).padding(toLength: 7, withPad: " ", startingAt: 0)
        let header = isRMS ? "  \(group)      ms" : "  \(group)        μ         σ²"
        var lines = [header]
        let end = min(layout.groupCount, start + 16)
        for g in start..<end {
            let number = String(g).leftPadded(to: 7)
            if isRMS {
                lines.append("  \(number)  \(Self.number(stats.variance[g]).leftPadded(to: 9))")
            } else {
                lines.append(
                    "  \(number)  \(Self.number(stats.mean[g]).leftPadded(to: 9))  \(Self.number(stats.variance[g]).leftPadded(to: 9))")
            }
        }
        if end < layout.groupCount { lines.append("  " + words.more(language, layout.groupCount - end)) }
        return lines
    }

    var outputSummary: [String] {
        var lines: [String] = []
        lines.append(words.output(language, range(result.y)))
        if let runningMean = result.runningMean, let runningVar = result.runningVar {
            let verb = request.mode == .train ? words.updatedWithMomentum(language, Self.number(config.momentum)) : words.unchangedInEval(language)
            lines.append(words.runningStatistics(language, verb))
            lines.append("  running_mean = " + list(runningMean.map(Double.init), limit: 16))
            lines.append("  running_var  = " + list(runningVar.map(Double.init), limit: 16))
        }
        return lines
    }

    // MARK: - The backward pass, one element worked

    /// dx, dγ and dβ for the first element of group 0, term by term, then the whole result.
    /// With g = γ·dy and x̂ = (x − μ)/d (d the denominator), the hand-written backward pass
    /// (Normalization+Backward.swift) computes per group
    ///     dx = (g − mean g)/d − x̂·mean(g·x̂)·k,  k = 1/d with ε inside the root, 1/√σ² outside;
    /// RMSNorm has no mean g term (it does not center), and eval mode's fixed statistics leave
    /// dx = g/d.
    var backwardExample: [String] {
        guard let dx = result.dx, let dy = request.dy else { return [] }
        let g = 0
        let indices = layout.elementIndices(ofGroup: g)
        let count = Double(indices.count)
        let (mean, variance) = moments(ofGroup: g)
        let d = denominator(ofGroup: g)
        let gammaOf = { (index: Int) in Double(self.result.layer.gamma?[self.shape.channel(ofFlatIndex: index)] ?? 1) }
        let xHat = indices.map { (Double(request.x[$0]) - mean) / d }
        let upstream = indices.map { gammaOf($0) * Double(dy[$0]) }
        let first = indices[0]
        let at = position(first)
        var lines = [words.backwardHeading(language, at, indices.count)]
        lines.append("  x̂ = (x − μ) / \(Self.number(d)) = " + list(xHat, limit: Self.elementsShownInFull))
        lines.append("  g = γ·dy = " + list(upstream, limit: Self.elementsShownInFull))
        let dxValue = Self.number(Double(dx[first]))
        if result.statistics.fromRunningStatistics {
            lines.append(words.evalBackward(language, Self.number(d)))
            lines.append("  dx\(at) = \(Self.factor(upstream[0])) / \(Self.number(d)) = \(dxValue)")
        } else {
            let meanG = upstream.reduce(0, +) / count
            let meanGXHat = zip(upstream, xHat).map(*).reduce(0, +) / count
            let kText = "1/" + Self.number(config.epsPlacement == .inside ? d : variance.squareRoot())
            lines.append("  mean(g·x̂) = \(Self.number(meanGXHat))" + (isRMS ? "" : ",  mean g = \(Self.number(meanG))"))
            let centred = isRMS ? Self.number(upstream[0]) : "\(Self.number(upstream[0])) \(Self.signed(-meanG))"
            let symbol = isRMS
                ? "dx = g/\(denominatorSymbol) − x̂·mean(g·x̂)·k"
                : "dx = (g − mean g)/\(denominatorSymbol) − x̂·mean(g·x̂)·k"
            let kMeaning = config.epsPlacement == .inside ? "k = 1/\(denominatorSymbol)" : (isRMS ? "k = 1/√ms" : "k = 1/√σ²")
            lines.append("  \(symbol), \(kMeaning) = \(kText)")
            lines.append(
                "  dx\(at) = (\(centred))/\(Self.number(d)) − \(Self.factor(xHat[0]))·\(Self.factor(meanGXHat))·\(kText)"
                    + " = \(dxValue)")
        }
        // dγ and dβ sum over every element of the first element's channel, whatever its group.
        let channel = shape.channel(ofFlatIndex: first)
        let channelIndices = (0..<shape.n).flatMap { n in
            (0..<shape.spatial).map { n * shape.perSample + channel * shape.spatial + $0 }
        }
        if let dgamma = result.dgamma {
            let terms = channelIndices.map { index -> (Double, Double) in
                let group = layout.group(ofFlatIndex: index)
                let (mu, _) = moments(ofGroup: group)
                return (Double(dy[index]), (Double(request.x[index]) - mu) / denominator(ofGroup: group))
            }
            let written = terms.prefix(Self.termsShown).map { "\(Self.factor($0.0))·\(Self.factor($0.1))" }
            lines.append(
                "  dγ[\(channel)] = Σ dy·x̂ \(words.overChannel(language, channel)) = " + sum(written, total: terms.count)
                    + " = \(Self.number(Double(dgamma[channel])))")
        }
        if let dbeta = result.dbeta {
            let written = channelIndices.prefix(Self.termsShown).map { Self.factor(Double(dy[$0])) }
            lines.append(
                "  dβ[\(channel)] = Σ dy \(words.overChannel(language, channel)) = " + sum(written, total: channelIndices.count)
                    + " = \(Self.number(Double(dbeta[channel])))")
        }
        lines.append("  dx: \(range(dx)), ‖dx‖ = \(Self.number(dx.euclideanNorm))")
        if let dgamma = result.dgamma {
            lines.append("  dγ \(words.perChannel(language)): " + list(dgamma.map(Double.init), limit: 16))
        }
        if let dbeta = result.dbeta {
            lines.append("  dβ \(words.perChannel(language)): " + list(dbeta.map(Double.init), limit: 16))
        }
        return lines
    }

    // MARK: - Numbers as a teacher writes them

    func range(_ values: [Float]) -> String {
        guard let low = values.min(), let high = values.max() else { return words.empty(language) }
        return words.valuesRange(language, values.count, Self.number(Double(low)), Self.number(Double(high)))
    }

    /// Four significant digits: enough to follow the arithmetic by hand. (ASCII minus: the
    /// lesson screens use it in tables.) The decimal separator is `NumberFormat.style`'s.
    static func format(_ value: Double) -> String {
        if value == 0 { return "0" }
        return NumberFormat.separated(String(format: "%.4g", value))
    }

    /// `format` with a true minus sign, for formulas: "−0.09062".
    static func number(_ value: Double) -> String {
        format(value).replacingOccurrences(of: "-", with: "−")
    }

    /// A number added to what stands before it: "+ 0.1", or "− 0.02321" for a negative one.
    static func signed(_ value: Double) -> String {
        value < 0 ? "− \(number(-value))" : "+ \(number(value))"
    }

    /// A factor in a product: negative numbers in parentheses, "1.237·(−124.7)".
    static func factor(_ value: Double) -> String {
        value < 0 ? "(\(number(value)))" : number(value)
    }

    /// Values separated by two spaces, the first `limit` of them and a count of the rest.
    /// (German numbers have a comma inside, so the separator stays spaces.)
    func list(_ values: [Double], limit: Int) -> String {
        let shown = values.count <= limit ? values : Array(values.prefix(8))
        let rest = values.count - shown.count
        return shown.map(Self.number).joined(separator: "  ") + (rest > 0 ? "  " + words.moreInParentheses(language, rest) : "")
    }

    /// Terms joined by " + ", with "+ … (k more)" when not all are written.
    func sum(_ terms: [String], total: Int) -> String {
        terms.joined(separator: " + ") + (total > terms.count ? " + " + words.moreInParentheses(language, total - terms.count) : "")
    }
}

extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
