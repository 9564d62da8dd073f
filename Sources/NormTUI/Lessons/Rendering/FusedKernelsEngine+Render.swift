import Foundation
import NormMath
import TerminalUI
import NormLessons
import NumberFormatting

/// Lesson 13's screen: the sweep's progress, the time per element of every kernel against the
/// tensor's size (log–log: sizes double from point to point) with the copy as the floor, and
/// a table of bytes, ns and GB/s per element at the largest size measured so far.
extension FusedKernelsEngine: LessonRendering {
    func render(_ context: LessonContext, into grid: inout Grid, in rect: Rect) {
        let language = context.language, glyphs = context.glyphs
        let tall = rect.height >= 30
        let rows = rect.rows([.fixed(tall ? 5 : 3), .fill, .fixed(tall ? 8 : 7)])
        renderProgress(language, glyphs, tall: tall, into: &grid, in: rows[0])
        renderChart(language, glyphs, into: &grid, in: rows[1])
        renderTable(language, glyphs, into: &grid, in: rows[2])
    }

    /// "16 KiB", "256 MiB".
    static func sizeName(bytes: Int) -> String {
        bytes >= 1 << 20 ? "\(bytes >> 20) MiB" : "\(bytes >> 10) KiB"
    }

    /// "16K", "256M": the x-axis' labels.
    static func shortSizeName(bytes: Int) -> String {
        bytes >= 1 << 20 ? "\(bytes >> 20)M" : "\(bytes >> 10)K"
    }

    static func variantName(_ variant: NormVariant) -> String { variant == .batch ? "Batch Norm" : "Layer Norm" }

    /// The size the table describes: the one measured last.
    var shownSize: Int? {
        guard stepCount > 0 else { return nil }
        return min((stepCount - 1) / Self.rounds, Self.sizes.count - 1)
    }

    func renderProgress(_ language: Language, _ glyphs: GlyphSet, tall: Bool, into grid: inout Grid, in rect: Rect) {
        let time = timeLine(language)
        let title = tall
            ? Localized(en: "Sweep: 16 KiB to 256 MiB, \(Self.rounds) rounds per size",
                        de: "Sweep: 16 KiB bis 256 MiB, \(Self.rounds) Runden je Größe")(language)
            : Localized(en: "Sweep", de: "Sweep")(language) + " — " + time
        let inner = Panel(title: title).render(into: &grid, in: rect, glyphs: glyphs).inset(left: 1, right: 1)
        guard !inner.isEmpty else { return }
        let label: String
        if let index = currentSize {
            label = Localized(en: "measuring", de: "misst")(language)
                + " \(Self.sizeName(bytes: points[index].bytes)) \(points[index].roundsDone + 1)/\(Self.rounds)"
        } else {
            label = Localized(en: "done", de: "fertig")(language)
        }
        ProgressBar(fraction: progress ?? 0, label: label)
            .render(into: &grid, in: Rect(x: inner.x, y: inner.y, width: inner.width, height: 1), glyphs: glyphs)
        guard tall else { return }
        var lines = [time]
        if let index = shownSize, let gbps = points[index].copyGigabytesPerSecond, let ns = points[index].copyNanoseconds {
            lines.append(Localized(
                en: "copy (memcpy) of \(Self.sizeName(bytes: points[index].bytes)): \(NumberFormat.short(gbps)) GB/s = \(NumberFormat.short(ns)) ns per element",
                de: "Kopie (memcpy) von \(Self.sizeName(bytes: points[index].bytes)): \(NumberFormat.short(gbps)) GB/s = \(NumberFormat.short(ns)) ns je Element")(language))
        }
        for (offset, line) in lines.prefix(inner.height - 1).enumerated() {
            grid.put(text: Text.truncated(line, to: inner.width, glyphs: glyphs), at: Point(x: inner.x, y: inner.y + 1 + offset), clip: inner)
        }
    }

    /// How long the sweep has measured, and about how long it still needs.
    func timeLine(_ language: Language) -> String {
        let elapsed = BatchSizeEngine.clock(elapsedSeconds)
        if isFinished { return Localized(en: "done in \(elapsed)", de: "fertig nach \(elapsed)")(language) }
        guard let remaining = estimatedRemainingSeconds else {
            return Localized(en: "\(elapsed) so far", de: "bisher \(elapsed)")(language)
        }
        let left = BatchSizeEngine.clock(remaining)
        return Localized(en: "\(elapsed) so far, about \(left) left", de: "bisher \(elapsed), noch etwa \(left)")(language)
    }

    /// One chart line per kernel of the shown variant and thread count, and the copy as the
    /// floor: ns per element, log scale, sizes evenly spaced (each double the one before, so
    /// the x-axis is log₂ of the size). Three lines, so that the legend fits at 80 columns.
    func renderChart(_ language: Language, _ glyphs: GlyphSet, into grid: inout Grid, in rect: Rect) {
        let variant = shownVariant, threads = shownThreads
        let threadText = threads == 1 ? Localized(en: "1 thread", de: "1 Thread")(language) : Localized(en: "2 threads", de: "2 Threads")(language)
        let titles = [
            Localized(en: "ns per element (log) by tensor size — \(Self.variantName(variant)), \(threadText) (v, t switch)",
                      de: "ns je Element (log) nach Tensorgröße — \(Self.variantName(variant)), \(threadText) (v, t wechseln)"),
            Localized(en: "ns per element (log) — \(Self.variantName(variant)), \(threadText)",
                      de: "ns je Element (log) — \(Self.variantName(variant)), \(threadText)"),
        ].map { $0(language) }
        let inner = Panel(title: LessonFormat.panelTitle(titles, width: rect.width)).render(into: &grid, in: rect, glyphs: glyphs)
            .inset(left: 1, right: 1)
        guard inner.height >= 5, inner.width >= 20 else { return }
        func values(_ time: (SizePoint) -> Double?) -> [Double] { points.map { time($0) ?? .nan } }
        let series = [true, false].enumerated().map { index, fused in
            let kernel = Kernel(variant: variant, fused: fused, threads: threads)
            return LineChart.Series(
                name: Self.kernelName(kernel, language), values: values { $0.nanoseconds(kernel) },
                color: .series(index))
        } + [LineChart.Series(name: Localized(en: "copy", de: "Kopie")(language), values: values(\.copyNanoseconds), color: .gray)]
        let chart = LineChart(series: series, scale: .log10)
        chart.render(into: &grid, in: inner, glyphs: glyphs)
        drawSizeLabels(chart, into: &grid, in: inner)
    }

    /// The x-axis labelled with sizes instead of point numbers: as many as fit, from the first.
    func drawSizeLabels(_ chart: LineChart, into grid: inout Grid, in rect: Rect) {
        let range = chart.yRange
        // The gutter LineChart leaves for its decade labels: the top and the bottom one are
        // always drawn, and with the powers of ten in between neither is narrower.
        let top = NumberFormat.short(pow(10, range.upperBound)), bottom = NumberFormat.short(pow(10, range.lowerBound))
        let gutter = max(top.count, bottom.count) + 1
        let plot = Rect(x: rect.x + gutter, y: rect.y, width: rect.width - gutter, height: rect.height)
        let row = rect.maxY - 1
        guard plot.width > 0 else { return }
        grid.put(text: String(repeating: " ", count: plot.width), at: Point(x: plot.x, y: row), clip: plot)
        let count = Self.sizes.count
        let labels = Self.sizes.map { Self.shortSizeName(bytes: $0 * MemoryLayout<Float>.stride) }
        // Every k-th size, k the smallest that leaves a blank column between labels.
        let spacing = Double(plot.width - 1) / Double(count - 1)
        let every = (1...count).first { Double($0) * spacing >= Double((labels.map(\.count).max() ?? 4) + 2) } ?? count
        var lastEnd = plot.x - 1
        for index in stride(from: 0, to: count, by: every) {
            let column = plot.x + Int((Double(index) * spacing).rounded())
            let start = min(max(column - labels[index].count / 2, plot.x), plot.maxX - labels[index].count)
            guard start > lastEnd else { continue }
            lastEnd = grid.put(text: labels[index], at: Point(x: start, y: row), clip: plot)
        }
    }

    /// "fused", "unfused": the legend's and the table's names.
    static func kernelName(_ kernel: Kernel, _ language: Language) -> String {
        kernel.fused ? Localized(en: "fused", de: "fusioniert")(language) : Localized(en: "unfused", de: "getrennt")(language)
    }

    /// Bytes, ns and GB/s per element of the shown variant's kernels and the copy, on 1 and 2
    /// threads, at the size measured last; then the unfused/fused ratios.
    func renderTable(_ language: Language, _ glyphs: GlyphSet, into grid: inout Grid, in rect: Rect) {
        let sizeText = shownSize.map { Self.sizeName(bytes: points[$0].bytes) } ?? LessonFormat.missing
        let inner = Panel(title: Localized(
            en: "\(Self.variantName(shownVariant)) at \(sizeText): 1 thread | 2 threads",
            de: "\(Self.variantName(shownVariant)) bei \(sizeText): 1 Thread | 2 Threads")(language))
            .render(into: &grid, in: rect, glyphs: glyphs).inset(left: 1, right: 1)
        guard !inner.isEmpty else { return }
        let point = shownSize.map { points[$0] }
        func kernelRow(fused: Bool) -> [String] {
            let kernels = [1, 2].map { Kernel(variant: shownVariant, fused: fused, threads: $0) }
            return [Self.kernelName(kernels[0], language), NumberFormat.short(kernels[0].bytesPerElement)]
                + kernels.flatMap { kernel in
                    [LessonFormat.short(point?.nanoseconds(kernel)), LessonFormat.short(point?.gigabytesPerSecond(kernel))]
                }
        }
        let copyRow = [Localized(en: "copy", de: "Kopie")(language), String(CopyBandwidth.bytesPerElement),
                       LessonFormat.short(point?.copyNanoseconds), LessonFormat.short(point?.copyGigabytesPerSecond),
                       LessonFormat.missing, LessonFormat.missing]
        let perElement = Localized(en: "/el", de: "/El.")(language)
        Table(
            columns: [Table.Column(""), Table.Column("B" + perElement, alignment: .right)]
                + (0..<2).flatMap { _ in [Table.Column("ns" + perElement, alignment: .right), Table.Column("GB/s", alignment: .right)] },
            rows: [kernelRow(fused: true), kernelRow(fused: false), copyRow]
        ).render(into: &grid, in: Rect(x: inner.x, y: inner.y, width: inner.width, height: min(4, inner.height)), glyphs: glyphs)
        guard inner.height >= 5, let size = shownSize else { return }
        var lines: [String] = []
        let ratios = [1, 2].map { slowdown(shownVariant, threads: $0, size: size).map { "×" + NumberFormat.short($0, significant: 2) } ?? LessonFormat.missing }
        lines.append(Localized(
            en: "unfused ÷ fused: \(ratios[0]) (1 thread), \(ratios[1]) (2)",
            de: "getrennt ÷ fusioniert: \(ratios[0]) (1 Thread), \(ratios[1]) (2)")(language))
        let fused = Kernel(variant: shownVariant, fused: true, threads: 1), unfused = Kernel(variant: shownVariant, fused: false, threads: 1)
        if let fusedAtCopySpeed = point?.nanosecondsAtCopySpeed(fused), let unfusedAtCopySpeed = point?.nanosecondsAtCopySpeed(unfused) {
            lines.append(Localized(
                en: "time at copy speed: fused \(NumberFormat.short(fusedAtCopySpeed)) ns, unfused \(NumberFormat.short(unfusedAtCopySpeed)) ns",
                de: "Zeit im Kopiertempo: fusioniert \(NumberFormat.short(fusedAtCopySpeed)) ns, getrennt \(NumberFormat.short(unfusedAtCopySpeed)) ns")(language))
        }
        for (offset, line) in lines.prefix(inner.height - 4).enumerated() {
            grid.put(text: Text.truncated(line, to: inner.width, glyphs: glyphs), at: Point(x: inner.x, y: inner.y + 4 + offset), style: .dim, clip: inner)
        }
    }
}
