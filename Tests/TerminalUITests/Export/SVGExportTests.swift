import Foundation
import Testing
@testable import TerminalUI

@Suite struct SVGExportTests {
    @Test func isWellFormedXMLWithTheTerminalsProportions() throws {
        let grid = Grid(width: 10, height: 3)
        let svg = try ParsedXML(grid.svg(title: "t"))
        let root = try #require(svg.elements.first)
        // 10 cells of 12 px and a padding of 12 either side; a 36 px title bar, 3 rows of 24 px.
        #expect(root.name == "svg")
        #expect(root.attributes["width"] == "144")
        #expect(root.attributes["height"] == "132")
        #expect(root.attributes["viewBox"] == "0 0 144 132")
        let size = SVGLayout().size(columns: 10, rows: 3)
        #expect(size.width == 144 && size.height == 132)
    }

    @Test func escapesTextAndTitle() throws {
        var grid = Grid(width: 8, height: 1)
        grid.put(text: "a<&>\"b", at: Point(x: 0, y: 0))
        let output = grid.svg(title: "<T&>")
        #expect(output.contains("a&lt;&amp;&gt;&quot;b"))
        let svg = try ParsedXML(output)
        #expect(svg.all("title").first?.text == "<T&>")
        #expect(svg.all("text").contains { $0.text == "a<&>\"b" })
    }

    @Test func drawsAFullBlockAsARectangleFillingItsCell() throws {
        var grid = Grid(width: 3, height: 2)
        grid.put("█", at: Point(x: 1, y: 1), style: .foreground(.red))
        let svg = try ParsedXML(grid.svg())
        let red = ExportPalette.dark.rgb(for: .red).hex
        let rects = svg.all("rect").filter { $0.attributes["fill"] == red }
        #expect(rects.count == 1)
        #expect(rects.first?.attributes == ["x": "12", "y": "24", "width": "12", "height": "24", "fill": red])
        #expect(!svg.all("text").contains { $0.text.contains("█") })
    }

    @Test func placesEveryCharacterAtItsCell() throws {
        var grid = Grid(width: 6, height: 1)
        grid.put(text: "aμσ x̂", at: Point(x: 0, y: 0))
        let texts = try ParsedXML(grid.svg()).all("text").dropFirst()  // the title first
        #expect(texts.map(\.text) == ["aμσ", "x̂"])
        #expect(texts.map { $0.attributes["x"] } == ["0 12 24", "48"])
    }

    @Test func joinsAFramesEdgeIntoOneBar() throws {
        var grid = Grid(width: 5, height: 1)
        grid.put(text: "─────", at: Point(x: 0, y: 0))
        let bars = try ParsedXML(grid.svg()).all("rect").filter { $0.attributes["height"] == "2" }
        #expect(bars.count == 1)
        #expect(bars.first?.attributes["width"] == "60")
    }

    @Test func monochromeKeepsReverseButNoColour() throws {
        let grid = ExportSamples.styles
        let output = grid.svg(colors: false)
        let palette = ExportPalette.dark
        let used = Set(try ParsedXML(output).elements.filter { $0.name != "circle" }.compactMap { $0.attributes["fill"] })
        #expect(used.isSubset(of: [palette.foreground.hex, palette.background.hex,
                                   palette.foreground.mixed(with: palette.background, 0.5).hex, "#999999"]))
        // The reversed word: light cells behind dark text.
        #expect(output.contains("fill=\"\(palette.foreground.hex)\"/>") && output.contains(">rev<"))
        #expect(output.contains("class=\"b\""))
    }

    @Test(arguments: ["styles", "chart"])
    func matchesGolden(name: String) throws {
        let grid = name == "styles" ? ExportSamples.styles : ExportSamples.chart
        let svg = grid.svg(title: name)
        _ = try ParsedXML(svg)
        try GoldenFile.check(svg, named: "\(name).svg")
    }
}
