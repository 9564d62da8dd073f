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

    @Test func monochromeHasNoColouredSpans() {
        let output = ExportSamples.chart.html(colors: false)
        #expect(!output.contains("<span"))
    }
}
