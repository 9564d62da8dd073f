import CNcurses

extension Key {
    /// What `get_wch` returned: a character, or (with `KEY_CODE_YES`) a curses key code.
    public enum Raw: Hashable, Sendable {
        case character(UInt32)
        case keyCode(Int32)
        /// A `KEY_MOUSE`'s event as `getmouse` reads it: the cell and ncurses' button mask.
        case mouse(x: Int32, y: Int32, buttons: UInt)
    }

    /// Maps curses input to a key; `nil` for input the UI has no use for (mouse events,
    /// unknown key codes, invalid characters). Pure, so it is tested without a terminal.
    public static func decode(_ raw: Raw) -> Key? {
        switch raw {
        case .character(let value): return decode(character: value)
        case .keyCode(let code): return decode(keyCode: code)
        case .mouse(let x, let y, let buttons): return decode(mouseAt: x, y, buttons: buttons)
        }
    }

    /// The wheel is buttons 4 (up) and 5 (down); a left press or click is a press. Other
    /// buttons and releases are of no use.
    private static func decode(mouseAt x: Int32, _ y: Int32, buttons: UInt) -> Key? {
        let kind: MouseEvent.Kind
        if buttons & UInt(NT_BUTTON4_PRESSED) != 0 {
            kind = .wheelUp
        } else if buttons & UInt(NT_BUTTON5_PRESSED) != 0 {
            kind = .wheelDown
        } else if buttons & UInt(NT_BUTTON1_PRESSED | NT_BUTTON1_CLICKED) != 0 {
            kind = .press
        } else {
            return nil
        }
        return .mouse(MouseEvent(kind, x: Int(x), y: Int(y)))
    }

    private static func decode(character value: UInt32) -> Key? {
        switch value {
        case 3: return .ctrlC
        case 8, 127: return .backspace
        case 9: return .tab
        case 10, 13: return .enter
        case 27: return .escape
        case 1...26: return .control(Character(Unicode.Scalar(UInt8(value) + 96)))
        case 0..<32: return nil
        default: return Unicode.Scalar(value).map { .character(Character($0)) }
        }
    }

    private static func decode(keyCode code: Int32) -> Key? {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_PPAGE: return .pageUp
        case KEY_NPAGE: return .pageDown
        case KEY_HOME: return .home
        case KEY_END: return .end
        case KEY_ENTER: return .enter
        case KEY_BACKSPACE: return .backspace
        case KEY_DC: return .delete
        case KEY_IC: return .insert
        case KEY_BTAB: return .backTab
        case KEY_RESIZE: return .resize
        case nt_key_f(1)...nt_key_f(63): return .function(Int(code - nt_key_f(0)))
        default: return nil
        }
    }
}
