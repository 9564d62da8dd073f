import Testing
@testable import TerminalUI

/// Text longer than its rectangle scrolls and says how much more there is.
@Suite struct ScrollingTextTests {
    let text = "one two three four five six seven eight"

    @Test func saysHowManyLinesFollowAndWhichAreAbove() {
        // Wrapped at 10 columns: 5 lines; 3 rows show 2 of them and the indicator.
        #expect(screen(ScrollingText(text), width: 10, height: 3) == ["one two", "three four", "↓ 3 more …"])
        #expect(ScrollingText.maximumScroll(of: text, width: 10, height: 3) == 3)
        #expect(screen(ScrollingText(text, scroll: 1), width: 12, height: 3) == ["three four", "five six", "↓ 1 more li…"])
        #expect(screen(ScrollingText(text, scroll: 99), width: 10, height: 3) == ["seven", "eight", "↑ 3 lines…"])
    }

    @Test func textThatFitsHasNoIndicator() {
        #expect(screen(ScrollingText(text), width: 40, height: 2) == [text, ""])
        #expect(ScrollingText.maximumScroll(of: text, width: 40, height: 2) == 0)
    }

    @Test func keysMoveWithinTheLimits() {
        #expect(Scrolling.movement(for: .down) == .lineDown)
        #expect(Scrolling.movement(for: .character("j")) == .lineDown)
        #expect(Scrolling.movement(for: .character("k"), vi: false) == nil)
        #expect(Scrolling.movement(for: .pageDown, pages: false) == nil)
        #expect(Scrolling.movement(for: .end) == .bottom)
        #expect(Scrolling.lineUp.applied(to: 0, page: 5, limit: 9) == 0)
        #expect(Scrolling.pageDown.applied(to: 7, page: 5, limit: 9) == 9)
        #expect(Scrolling.bottom.applied(to: 0, page: 5, limit: 9) == 9)
        #expect(Scrolling.top.applied(to: 4, page: 5, limit: 9) == 0)
    }
}

@Suite struct KeyBarMoreTests {
    @Test func endsWithTheMoreHintWhereHintsAreLeftOut() {
        let bar = KeyBar(items: [.init("q", "quit"), .init("space", "run"), .init("l", "lessons"), .init("w", "save")],
                         more: .init("?", "more keys"))
        #expect(screen(bar, width: 30, height: 1) == ["q quit  space run  ? more keys"])
        #expect(screen(bar, width: 36, height: 1) == ["q quit  space run  l lessons  w save"])
    }
}

/// Messages break between words, never inside one.
@Suite struct WrappedTextTests {
    @Test func breaksBetweenWordsAndEndsWithAWholeWord() {
        let text = "diverged: loss exploded at step 2 — press r to restart"
        #expect(Text.wrapped(text, width: 30, maxLines: 2, glyphs: .unicode) == ["diverged: loss exploded at", "step 2 — press r to restart"])
        #expect(Text.wrapped(text, width: 20, maxLines: 2, glyphs: .unicode) == ["diverged: loss", "exploded at step 2 …"])
    }
}

/// A German percentage stays on one line with its number.
@Suite struct PercentWrappingTests {
    @Test func theSignIsNotBrokenFromItsNumber() {
        #expect(TextBlock.wrap("Batch Norm 4,5 % und mehr", width: 14) == ["Batch Norm", "4,5 % und mehr"])
        #expect(TextBlock.wrap("the 45% mark", width: 7) == ["the 45%", "mark"])
        #expect(TextBlock.wrap("% alone", width: 10) == ["% alone"])
    }
}
