import Foundation
import NormMath

/// Lesson 8, "Numerische Stabilität": what ε is for, where it goes, and how the variance must
/// be computed. Three measurements with NormMath's own layer: ε → 0 on a constant channel,
/// ε inside vs outside the square root as σ shrinks, and the naive variance E[x²] − E[x]²
/// against two-pass and Welford on data with a large offset.
enum NumericalStabilityLesson {
    static let lesson = Lesson(
        id: "numerical-stability", number: 8, section: "Implementierungsaspekte / Numerische Stabilität",
        title: Localized(en: "Numerical stability: ε and the variance", de: "Numerische Stabilität: ε und die Varianz"),
        summary: Localized(
            en: "ε → 0 on a constant channel, ε inside vs outside the root, and the naive variance failing at a large offset",
            de: "ε → 0 auf einem konstanten Kanal, ε in oder außerhalb der Wurzel, und die naive Varianz bei großem Offset"),
        pages: [
            LessonPage(
                title: Localized(en: "ε → 0", de: "ε → 0"),
                text: Localized(
                    en: """
                    A dead channel — every value the same — has σ = 0. Then x − μ = 0 and the layer divides 0 by √(0 + ε).

                    Press space or e: ε falls by a decade per step. The output stays 0 as long as ε > 0, but the gradient dx grows like 1/√ε, and at ε = 0 it is 0/0: NaN.

                    A nearly constant channel (σ = 0.001) shows the other face: once ε ≪ σ², its noise is blown up to unit size.
                    """,
                    de: """
                    Ein toter Kanal — alle Werte gleich — hat σ = 0. Dann ist x − μ = 0, und die Schicht teilt 0 durch √(0 + ε).

                    Leertaste oder e: ε fällt pro Schritt um eine Zehnerpotenz. Die Ausgabe bleibt 0, solange ε > 0, aber der Gradient dx wächst wie 1/√ε, und bei ε = 0 ist es 0/0: NaN — die Division durch Null, die ε vermeiden soll.

                    Ein fast konstanter Kanal (σ = 0,001) zeigt die andere Seite: sobald ε ≪ σ², wird sein Rauschen auf Einheitsgröße aufgeblasen.
                    """)),
            LessonPage(
                title: Localized(en: "Inside or outside the root", de: "In oder außerhalb der Wurzel"),
                text: Localized(
                    en: """
                    The glossary writes (x − μ)/(σ + ε); PyTorch, TensorFlow and JAX compute (x − μ)/√(σ² + ε). For large σ both are the same.

                    The table normalizes x = σ·z with ε = 1e-5 both ways. As σ shrinks the outputs part: inside the root ε competes with σ², outside only with σ. At σ = 1e-3 the framework's output has a third of the spread, at σ = 1e-4 a thirtieth.

                    Checkpoints moved between conventions change small-variance channels.
                    """,
                    de: """
                    Das Glossar schreibt (x − μ)/(σ + ε); PyTorch, TensorFlow und JAX rechnen (x − μ)/√(σ² + ε). Für großes σ ist das dasselbe.

                    Die Tabelle normalisiert x = σ·z mit ε = 1e-5 auf beide Arten. Mit kleinerem σ gehen die Ausgaben auseinander: in der Wurzel konkurriert ε mit σ², außerhalb nur mit σ. Bei σ = 1e-3 hat die Ausgabe der Frameworks ein Drittel der Streuung, bei σ = 1e-4 ein Dreißigstel.

                    Die korrekte Handhabung der ε-Parameter heißt also auch: dieselbe Konvention wie beim Training.
                    """)),
            LessonPage(
                title: Localized(en: "The naive variance", de: "Die naive Varianz"),
                text: Localized(
                    en: """
                    σ² = E[x²] − E[x]² is one pass and one line — and wrong when the mean is large against the spread: two huge, nearly equal numbers are subtracted, and the rounding error of Float is all that is left.

                    The data are offset + 0.05·z (true σ² = 0.0025). At offset 100 the naive variance is off by far more than 10 %, at 1000 it is garbage or negative; two-pass (mean first) and Welford (a running update, as PyTorch's CPU kernels) stay exact.
                    """,
                    de: """
                    σ² = E[x²] − E[x]² ist ein Durchlauf und eine Zeile — und falsch, wenn der Mittelwert groß gegen die Streuung ist: zwei riesige, fast gleiche Zahlen werden subtrahiert, übrig bleibt der Rundungsfehler von Float.

                    Die Daten sind Offset + 0,05·z (wahres σ² = 0,0025). Bei Offset 100 liegt die naive Varianz weit mehr als 10 % daneben, bei 1000 ist sie Unsinn oder negativ; Two-Pass (erst der Mittelwert) und Welford (laufende Aktualisierung, wie PyTorchs CPU-Kernel) bleiben exakt. Das ist die Behandlung von Extremwerten, die das Glossar verlangt.
                    """)),
        ],
        makeEngine: { NumericalStabilityEngine() })
}

/// The three measurements; a step (or `e`) lowers ε of the first one by a decade, down to 0.
struct NumericalStabilityEngine: LessonEngine {
    /// ε from 1e-1 down to 1e-12, then 0.
    static let epsilonLadder: [Double] = (1...12).map { pow(10, -Double($0)) } + [0]
    static let channelShape = TensorShape(n: 1, c: 1, h: 8, w: 8)
    static let constantValue: Float = 0.7
    /// σ of the nearly constant channel.
    static let nearlyConstantSpread: Float = 1e-3
    static let placementEpsilon = 1e-5
    static let placementSpreads: [Double] = [1, 1e-1, 1e-2, 1e-3, 1e-4]
    static let offsets: [Double] = [0, 1, 10, 100, 1000, 10000]
    static let offsetSpread: Float = 0.05

    /// What a constant and a nearly constant channel do at one ε.
    struct EpsilonRow: Sendable {
        var epsilon: Double
        /// max |y| and max |dx| on the constant channel (dy is standardized noise).
        var constantOutput: Double
        var constantGradient: Double
        /// The spread of y on the nearly constant channel.
        var nearlyConstantSpread: Double
    }

    /// The same data normalized with ε inside and outside the root.
    struct PlacementRow: Sendable {
        var sigma: Double
        var insideSpread: Double
        var outsideSpread: Double
        var largestDifference: Double
    }

    /// The variance of offset + 0.05·z by each algorithm, against the exact value.
    struct VarianceRow: Sendable {
        var offset: Double
        var exact: Double
        /// Relative errors of the naive, two-pass and Welford variances.
        var naiveError: Double
        var twoPassError: Double
        var welfordError: Double
        /// The spread of the naive layer's output (1 when the variance is right).
        var naiveOutputSpread: Double
    }

    private(set) var rung = 0
    private(set) var stepCount = 0
    private(set) var epsilonRows: [EpsilonRow] = []
    let placementRows: [PlacementRow]
    let varianceRows: [VarianceRow]

    init() {
        placementRows = Self.placementSpreads.map(Self.measurePlacement)
        varianceRows = Self.offsets.map(Self.measureVariance)
    }

    var epsilon: Double { Self.epsilonLadder[rung] }
    var isFinished: Bool { stepCount > 0 && rung == Self.epsilonLadder.count - 1 }
    var progress: Double? { Double(rung) / Double(Self.epsilonLadder.count - 1) }

    mutating func advance() {
        // The first step (taken when the lesson opens) measures ε = 0.1; later ones go down.
        if stepCount > 0 { rung = min(rung + 1, Self.epsilonLadder.count - 1) }
        stepCount += 1
        measureRung()
    }

    var keys: [LessonKey] {
        [
            LessonKey(key: .character("e"), label: "e", help: Localized(en: "ε ÷ 10", de: "ε ÷ 10")),
            LessonKey(key: .character("E"), label: "E", help: Localized(en: "ε × 10", de: "ε × 10")),
        ]
    }

    mutating func handle(_ key: Key) -> Localized? {
        switch key {
        case .character("e"): rung = min(rung + 1, Self.epsilonLadder.count - 1)
        case .character("E"): rung = max(rung - 1, 0)
        default: return nil
        }
        measureRung()
        let row = epsilonRows.last!
        return Localized(
            en: "ε = \(NumberFormat.short(row.epsilon)): constant channel max |dx| = \(NumberFormat.short(row.constantGradient))",
            de: "ε = \(NumberFormat.short(row.epsilon)): konstanter Kanal max |dx| = \(NumberFormat.short(row.constantGradient))")
    }

    /// Measures the current ε, keeping one row per ε in ladder order.
    mutating func measureRung() {
        let row = Self.measureEpsilon(epsilon)
        epsilonRows.removeAll { $0.epsilon == row.epsilon }
        epsilonRows.append(row)
        epsilonRows.sort { $0.epsilon > $1.epsilon }
    }

    // MARK: - Measurements

    static func layer(_ config: NormalizationConfig) -> Normalization {
        Normalization(config: config, channels: 1, affine: false)
    }

    static func forward(_ layer: inout Normalization, _ x: [Float]) -> NormalizationOutput {
        do {
            return try layer.forward(x, shape: channelShape, mode: .train)
        } catch {
            preconditionFailure("the lesson's channel fits layer norm: \(error)")
        }
    }

    static func largestMagnitude(_ values: [Float]) -> Double {
        values.reduce(0.0) { partial, value in value.isNaN || partial.isNaN ? .nan : max(partial, Double(abs(value))) }
    }

    static func measureEpsilon(_ epsilon: Double) -> EpsilonRow {
        var layer = layer(NormalizationConfig(variant: .layer, eps: epsilon))
        let count = channelShape.count
        let constant = [Float](repeating: constantValue, count: count)
        let constantOut = forward(&layer, constant)
        let dy = StandardizedNoise.make(count: count, seed: 2)
        let dx = layer.backward(dy: dy, x: constant, statistics: constantOut.statistics).dx
        let nearly = StandardizedNoise.make(count: count, seed: 3).map { constantValue + nearlyConstantSpread * $0 }
        let nearlyOut = forward(&layer, nearly)
        return EpsilonRow(
            epsilon: epsilon, constantOutput: largestMagnitude(constantOut.y), constantGradient: largestMagnitude(dx),
            nearlyConstantSpread: SampleStatistics(nearlyOut.y).standardDeviation)
    }

    static func measurePlacement(_ sigma: Double) -> PlacementRow {
        let x = StandardizedNoise.make(count: channelShape.count, seed: 4).map { Float(sigma) * $0 }
        var inside = layer(NormalizationConfig(variant: .layer, eps: placementEpsilon, epsPlacement: .inside))
        var outside = layer(NormalizationConfig(variant: .layer, eps: placementEpsilon, epsPlacement: .outside))
        let yInside = forward(&inside, x).y, yOutside = forward(&outside, x).y
        return PlacementRow(
            sigma: sigma, insideSpread: SampleStatistics(yInside).standardDeviation,
            outsideSpread: SampleStatistics(yOutside).standardDeviation,
            largestDifference: largestMagnitude(zip(yInside, yOutside).map { $0 - $1 }))
    }

    static func measureVariance(_ offset: Double) -> VarianceRow {
        let x = StandardizedNoise.make(count: channelShape.count, seed: 5).map { Float(offset) + offsetSpread * $0 }
        // The exact variance of the Float data, in Double around the exact mean.
        let spread = SampleStatistics(x).standardDeviation
        let exact = spread * spread
        func run(_ algorithm: VarianceAlgorithm) -> NormalizationOutput {
            var layer = layer(NormalizationConfig(variant: .layer, varianceAlgorithm: algorithm))
            return forward(&layer, x)
        }
        let naive = run(.naive), twoPass = run(.twoPass), welford = run(.welford)
        let error = { (output: NormalizationOutput) in abs(output.statistics.variance[0] - exact) / exact }
        return VarianceRow(
            offset: offset, exact: exact, naiveError: error(naive), twoPassError: error(twoPass),
            welfordError: error(welford), naiveOutputSpread: SampleStatistics(naive.y).standardDeviation)
    }

    // MARK: - Screen

    func render(_ context: LessonContext, into grid: inout Grid, in rect: Rect) {
        let parts: [Int]
        if rect.height >= 30 {
            parts = [0, 1, 2]
        } else {
            parts = [min(context.page, 2)]
        }
        let lengths: [Rect.Length] = parts.map { $0 == 0 ? .fill : .fixed($0 == 1 ? placementRows.count + 3 : varianceRows.count + 3) }
        for (part, area) in zip(parts, rect.rows(lengths)) {
            switch part {
            case 0: renderEpsilon(context, into: &grid, in: area)
            case 1: renderPlacement(context, into: &grid, in: area)
            default: renderVariance(context, into: &grid, in: area)
            }
        }
    }

    func renderEpsilon(_ context: LessonContext, into grid: inout Grid, in rect: Rect) {
        let de = context.language == .de
        let title = de ? "ε → 0: konstanter Kanal (σ = 0) und fast konstanter (σ = 1e-3)"
            : "ε → 0: constant channel (σ = 0) and nearly constant (σ = 1e-3)"
        let inner = Panel(title: title).render(into: &grid, in: rect, glyphs: context.glyphs)
        let rows = epsilonRows.map { row in
            [NumberFormat.short(row.epsilon), NumberFormat.short(row.constantOutput),
             NumberFormat.short(row.constantGradient), NumberFormat.short(row.nearlyConstantSpread)]
        }
        Table(
            columns: [Table.Column("ε", alignment: .right),
                      Table.Column(de ? "konst.: max |y|" : "const.: max |y|", alignment: .right),
                      Table.Column(de ? "konst.: max |dx|" : "const.: max |dx|", alignment: .right),
                      Table.Column(de ? "fast konst.: σ(y)" : "nearly const.: σ(y)", alignment: .right)],
            rows: rows, selectedRow: epsilonRows.firstIndex { $0.epsilon == epsilon }
        ).render(into: &grid, in: inner.inset(left: 1, right: 1), glyphs: context.glyphs)
    }

    func renderPlacement(_ context: LessonContext, into grid: inout Grid, in rect: Rect) {
        let de = context.language == .de
        let title = de ? "ε = 1e-5 in der Wurzel √(σ² + ε) oder außerhalb σ + ε (Glossar)"
            : "ε = 1e-5 inside the root √(σ² + ε) or outside σ + ε (glossary)"
        let inner = Panel(title: title).render(into: &grid, in: rect, glyphs: context.glyphs)
        let rows = placementRows.map { row in
            [NumberFormat.short(row.sigma), NumberFormat.short(row.insideSpread), NumberFormat.short(row.outsideSpread),
             NumberFormat.short(row.outsideSpread / row.insideSpread), NumberFormat.short(row.largestDifference)]
        }
        Table(
            columns: [Table.Column("σ", alignment: .right), Table.Column("σ(y) √(σ²+ε)", alignment: .right),
                      Table.Column("σ(y) σ+ε", alignment: .right), Table.Column(de ? "Verhältnis" : "ratio", alignment: .right),
                      Table.Column("max |Δy|", alignment: .right)],
            rows: rows
        ).render(into: &grid, in: inner.inset(left: 1, right: 1), glyphs: context.glyphs)
    }

    func renderVariance(_ context: LessonContext, into grid: inout Grid, in rect: Rect) {
        let de = context.language == .de
        let title = de ? "σ² von Offset + 0,05·z: relativer Fehler |σ² − σ²exakt|/σ²exakt"
            : "σ² of offset + 0.05·z: relative error |σ² − σ²exact|/σ²exact"
        let inner = Panel(title: title).render(into: &grid, in: rect, glyphs: context.glyphs)
        let rows = varianceRows.map { row in
            [NumberFormat.short(row.offset), NumberFormat.short(row.naiveError), NumberFormat.short(row.twoPassError),
             NumberFormat.short(row.welfordError), NumberFormat.short(row.naiveOutputSpread)]
        }
        Table(
            columns: [Table.Column("offset", alignment: .right), Table.Column("E[x²]−E[x]²", alignment: .right),
                      Table.Column("two-pass", alignment: .right), Table.Column("Welford", alignment: .right),
                      Table.Column(de ? "σ(y) naiv" : "σ(y) naive", alignment: .right)],
            rows: rows
        ).render(into: &grid, in: inner.inset(left: 1, right: 1), glyphs: context.glyphs)
    }

    // MARK: - Headless record

    func record() -> LessonRecord {
        let row = epsilonRows.first { $0.epsilon == epsilon }
        let placement = placementRows.first { $0.sigma == 1e-3 }
        let variance = varianceRows.first { $0.offset == 100 }
        var record = LessonRecord(step: stepCount)
        record.append("eps", epsilon)
        record.append("constant_y_max", row?.constantOutput)
        record.append("constant_dx_max", row?.constantGradient)
        record.append("nearly_constant_y_std", row?.nearlyConstantSpread)
        record.append("placement_ratio_sigma_1e-3", placement.map { $0.outsideSpread / $0.insideSpread })
        record.append("naive_rel_error_offset_100", variance?.naiveError)
        record.append("two_pass_rel_error_offset_100", variance?.twoPassError)
        return record
    }
}
