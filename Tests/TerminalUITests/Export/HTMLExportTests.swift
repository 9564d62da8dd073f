import Testing
@testable import TerminalUI

@Suite struct HTMLExportTests {
    @Test func isAWellFormedPageWithTitleAndColours() throws {
        let output = ExportSamples.styles.html(title: "A & B")
        #expect(output.hasPrefix("<!DOCTYPE html>"))
        let page = try ParsedXML(output)
        #expect(page.all("meta").first?.attributes["charset"] == "utf-8")
        #expect(page.all("title").first?.text == "A & B")
        #expect(page.all("pre").count == 1)
        let spans = page.all("span")
        let cyan = ExportPalette.dark.rgb(for: .cyan).hex
        #expect(spans.contains { $0.text == "μ=1" && $0.attributes["style"] == "color:\(cyan);font-weight:bold" })
        #expect(spans.contains { $0.text == "a&b<c>" })
        #expect(spans.contains { $0.text == "under" && $0.attributes["style"]?.contains("underline") == true })
    }

    @Test func keepsEveryRowAndItsText() throws {
        let grid = ExportSamples.chart
        let output = grid.html()
        let start = try #require(output.range(of: "<pre>"))
        let end = try #require(output.range(of: "</pre>"))
        let body = output[start.upperBound..<end.lowerBound]
            .replacing(/<[^>]*>/, with: "")
        #expect(body.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init) == grid.text)
    }

    @Test func keepsEveryCharacterInItsColumn() throws {
        var grid = Grid(width: 4, height: 1)
        grid.put(text: "a⣿μ<", at: Point(x: 0, y: 0))
        let pre = try #require(try ParsedXML(grid.html()).all("pre").first)
        #expect(pre.text == "a⣿μ<\n")
        #expect(grid.html().contains("a<span class=\"c\">⣿</span><span class=\"c\">μ</span>&lt;\n"))
    }

    @Test func monochromeHasNoColouredSpans() {
        let output = ExportSamples.chart.html(colors: false)
        #expect(!output.contains("<span style"))
    }
}
