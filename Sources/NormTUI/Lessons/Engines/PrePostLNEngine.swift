import NormMath

/// Lesson 10's experiment: a 12-block residual MLP with layer norm after (Post-LN) or before
/// (Pre-LN) the residual add. At initialization it measures every block's weight-gradient norm;
/// then it trains both placements with and without a linear warm-up, a step of each per advance.
struct PrePostLNEngine: LessonEngine {
    static let depth = 12
    static let width = 32
    static let hidden = 64
    static let batchSize = 32
    /// Small enough for Pre-LN with or without warm-up; Post-LN without warm-up does not survive it.
    static let learningRate = 0.03
    static let momentum = 0.9
    static let warmupSteps = 100
    static let seed: UInt64 = 1
    /// Held-out batches the gradient norms at initialization are averaged over.
    static let probeBatches = 8

    /// ‖∂L/∂W_l‖ of each block's two weight matrices at initialization, input side first.
    let initialGradientNorms: [LayerNormPlacement: [Double]]
    private(set) var runs: [ResidualRun]
    private let heldOut: Dataset
    private(set) var stepCount = 0

    init() {
        let (train, heldOut) = DigitsSplit.make()
        self.heldOut = heldOut
        var models: [LayerNormPlacement: ResidualMLP] = [:]
        var norms: [LayerNormPlacement: [Double]] = [:]
        for placement in LayerNormPlacement.allCases {
            var generator = SeededGenerator(seed: Self.seed, stream: 0)
            let model = ResidualMLP(
                placement: placement, inputSize: train.imageSize, width: Self.width, hidden: Self.hidden, depth: Self.depth,
                classCount: train.classCount, using: &generator)
            models[placement] = model
            norms[placement] = Self.gradientNorms(of: model, on: heldOut)
        }
        initialGradientNorms = norms
        runs = [(LayerNormPlacement.post, 0), (.post, Self.warmupSteps), (.pre, 0), (.pre, Self.warmupSteps)].map { placement, warmup in
            ResidualRun(
                name: (placement == .post ? "Post" : "Pre") + (warmup > 0 ? "+W" : ""), model: models[placement]!, data: train,
                batchSize: Self.batchSize, learningRate: Self.learningRate, momentum: Self.momentum,
                warmup: LinearWarmup(steps: warmup), seed: Self.seed)
        }
    }

    /// Per block, √(‖∂L/∂W₁‖² + ‖∂L/∂W₂‖²), averaged over the first ``probeBatches`` held-out batches.
    static func gradientNorms(of model: ResidualMLP, on data: Dataset) -> [Double] {
        var sums = [Double](repeating: 0, count: model.blocks.count)
        for index in 0..<probeBatches {
            let batch = data.batch((index * batchSize)..<((index + 1) * batchSize))
            let pass = model.forward(batch.images, batch: batchSize)
            let dlogits = SoftmaxCrossEntropy.evaluate(logits: pass.logits, labels: batch.labels, classes: model.classCount).dlogits
            for (block, g) in model.backward(dlogits: dlogits, pass: pass).blocks.enumerated() {
                sums[block] += (squaredNorm(g.expand.weight) + squaredNorm(g.project.weight)).squareRoot()
            }
        }
        return sums.map { $0 / Double(probeBatches) }
    }

    static func squaredNorm(_ values: [Float]) -> Double {
        values.reduce(0) { $0 + Double($1) * Double($1) }
    }

    /// The last block's gradient norm over the first's: > 1 grows toward the output.
    func lastToFirstRatio(_ placement: LayerNormPlacement) -> Double {
        let norms = initialGradientNorms[placement]!
        return norms[norms.count - 1] / norms[0]
    }

    mutating func advance() {
        for index in runs.indices { runs[index].step() }
        stepCount += 1
    }

    /// Mean training loss of each run over its last `window` steps.
    func recentLoss(window: Int = 50) -> [Double] {
        runs.map { LossCurve.recentMean($0.loss.elements, window: window) }
    }

    func heldOutAccuracy() -> [Double] { runs.map { $0.accuracy(on: heldOut) } }

    func render(_ context: LessonContext, into grid: inout Grid, in rect: Rect) {
        let language = context.language, glyphs = context.glyphs
        let rows = rect.rows([.fraction(0.5), .fill])
        let top = Panel(title: language == .de
            ? "‖∂L/∂W‖ je Block bei der Initialisierung, relativ zu Block 1 (Tiefe \(Self.depth))"
            : "‖∂L/∂W‖ per block at initialization, relative to block 1 (depth \(Self.depth))")
            .render(into: &grid, in: rows[0], glyphs: glyphs).inset(left: 1, right: 1)
        let post = initialGradientNorms[.post]!, pre = initialGradientNorms[.pre]!
        let relative = { (norms: [Double]) in norms.map { Optional($0 / norms[0]) } }
        let ratios = (relative(post) + relative(pre)).compactMap { $0 }
        let high = max(1.5, (ratios.max() ?? 1).rounded(.up)), low = min(0.5, (ratios.min() ?? 1) * 0.9)
        let change = { (norms: [Double]) in
            "\(NumberFormat.short(norms[0])) → \(NumberFormat.short(norms[norms.count - 1]))"
        }
        let summary = (language == .de ? "Block \(Self.depth) / Block 1" : "block \(Self.depth) / block 1")
            + ": Post-LN \(NumberFormat.short(lastToFirstRatio(.post)))× (\(change(post))),"
            + " Pre-LN \(NumberFormat.short(lastToFirstRatio(.pre)))× (\(change(pre)))"
        let topRows = top.rows([.fill, .fixed(1)])
        CategoryChart(
            categories: (1...Self.depth).map(String.init), axisTitle: language == .de ? "Block" : "block",
            series: [
                .init(name: language == .de ? "Post-LN (LN nach der Addition)" : "Post-LN (LN after the add)", marker: "A", color: .series(0), values: relative(post)),
                .init(name: language == .de ? "Pre-LN (LN vor F)" : "Pre-LN (LN before F)", marker: "B", color: .series(2), values: relative(pre)),
            ],
            range: low...high, format: { NumberFormat.short($0) + "×" }
        ).render(into: &grid, in: topRows[0], glyphs: glyphs)
        grid.put(text: Text.truncated(summary, to: topRows[1].width, glyphs: glyphs), at: Point(x: topRows[1].x, y: topRows[1].y), clip: topRows[1])

        let bottom = Panel(title: language == .de
            ? "Trainingsverlust, lr \(NumberFormat.short(Self.learningRate)), +W: linearer Warm-up über \(Self.warmupSteps) Schritte"
            : "training loss, lr \(NumberFormat.short(Self.learningRate)), +W: linear warm-up over \(Self.warmupSteps) steps")
            .render(into: &grid, in: rows[1], glyphs: glyphs).inset(left: 1, right: 1)
        let points = max(2, bottom.width)
        let series = runs.enumerated().map { index, run in
            LineChart.Series(
                name: run.name + (run.divergedAt.map { " NaN@\($0)" } ?? ""),
                values: LossCurve.smoothed(run.loss.elements, to: points), color: .series(index))
        }
        let first = max(1, stepCount - (runs.first?.loss.count ?? 0) + 1)
        LineChart(series: series, scale: .log10, steps: first...max(first, stepCount)).render(into: &grid, in: bottom, glyphs: glyphs)
    }

    func record() -> LessonRecord {
        var record = LessonRecord(step: stepCount)
        for run in runs {
            record.append("loss_" + run.name.lowercased().replacingOccurrences(of: "+w", with: "_warmup"), run.loss.last)
        }
        record.append("post_ln_grad_ratio_last_first", lastToFirstRatio(.post))
        record.append("pre_ln_grad_ratio_last_first", lastToFirstRatio(.pre))
        return record
    }
}
