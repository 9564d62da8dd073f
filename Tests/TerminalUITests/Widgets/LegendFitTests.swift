@testable import TerminalUI
import Testing

/// A legend shortens its texts level by level, then leaves entries out — never cutting one.
@Suite struct LegendFitTests {
    static let names = ["train loss 2.41", "held-out 0.938"]
    static func text(_ index: Int, _ level: Int) -> String {
        level == 0 ? " " + names[index] : " " + names[index].split(separator: " ").last!
    }

    @Test func shortensBeforeItLeavesOut() {
        #expect(LegendFit.texts(entries: 2, levels: [0, 1], width: 40, text: Self.text) == [" train loss 2.41", " held-out 0.938"])
        #expect(LegendFit.texts(entries: 2, levels: [0, 1], width: 16, text: Self.text) == [" 2.41", " 0.938"])
        #expect(LegendFit.texts(entries: 2, levels: [0, 1], width: 12, text: Self.text) == [" 2.41"])
        #expect(LegendFit.texts(entries: 2, levels: [0, 1], width: 3, text: Self.text) == nil)
    }

    @Test func aLevelForALoneEntryIsNotUsedForTwo() {
        let texts = LegendFit.texts(entries: 2, levels: [0, 1], width: 17, allowsAlone: { $0 == 1 }, text: Self.text)
        #expect(texts == [" train loss 2.41"])
    }
}
