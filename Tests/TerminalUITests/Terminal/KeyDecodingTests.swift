import CNcurses
@testable import TerminalUI
import Testing

@Suite struct KeyDecodingTests {
    @Test(arguments: [
        (UInt32(3), Key.ctrlC), (27, .escape), (13, .enter), (10, .enter), (9, .tab),
        (127, .backspace), (8, .backspace), (12, .control("l")), (1, .control("a")),
        (113, .character("q")), (32, .character(" ")), (0x3BC, .character("μ")),
        (0x1F600, .character("😀")),
    ] as [(UInt32, Key)])
    func characters(value: UInt32, key: Key) {
        #expect(Key.decode(.character(value)) == key)
    }

    @Test func unusedAndInvalidCharactersAreDropped() {
        #expect(Key.decode(.character(0)) == nil)
        #expect(Key.decode(.character(28)) == nil)
        #expect(Key.decode(.character(0xD800)) == nil)
    }

    @Test(arguments: [
        (KEY_UP, Key.up), (KEY_DOWN, .down), (KEY_LEFT, .left), (KEY_RIGHT, .right),
        (KEY_PPAGE, .pageUp), (KEY_NPAGE, .pageDown), (KEY_HOME, .home), (KEY_END, .end),
        (KEY_ENTER, .enter), (KEY_BACKSPACE, .backspace), (KEY_DC, .delete), (KEY_IC, .insert),
        (KEY_BTAB, .backTab), (KEY_RESIZE, .resize),
        (nt_key_f(1), .function(1)), (nt_key_f(12), .function(12)),
    ] as [(Int32, Key)])
    func keyCodes(code: Int32, key: Key) {
        #expect(Key.decode(.keyCode(code)) == key)
    }

    @Test func unknownKeyCodesAreDropped() {
        #expect(Key.decode(.keyCode(KEY_MOUSE)) == nil)
        #expect(Key.decode(.keyCode(nt_key_f(0))) == nil)
    }
}
