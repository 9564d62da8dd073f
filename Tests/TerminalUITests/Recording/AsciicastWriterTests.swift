import Foundation
import Testing
import TerminalUI

/// The asciicast file: a header and events that are each one valid JSON line, written as they
/// happen, with every awkward character escaped.
@Suite struct AsciicastWriterTests {
    @Test func headerAndEventsAreJSONLines() throws {
        let file = RecordingFile()
        defer { file.remove() }
        let writer = try AsciicastWriter(path: file.path)
        writer.writeHeader(width: 120, height: 40, title: "normtui \"lesson\"", timestamp: 1_700_000_000)
        writer.writeOutput("\u{1B}[1;1Hμ σ² ┃⣿\u{7}\\\"\r\n\t", at: 0)
        writer.writeResize(width: 80, height: 24, at: 1.5)
        writer.close()
        let (header, events) = try file.parsed()
        #expect(header["version"] as? Int == 2)
        #expect(header["width"] as? Int == 120)
        #expect(header["height"] as? Int == 40)
        #expect(header["timestamp"] as? Int == 1_700_000_000)
        #expect(header["title"] as? String == "normtui \"lesson\"")
        #expect(events.count == 2)
        #expect(events[0][1] as? String == "o")
        #expect(events[0][2] as? String == "\u{1B}[1;1Hμ σ² ┃⣿\u{7}\\\"\r\n\t")
        #expect(events[1][0] as? Double == 1.5)
        #expect(events[1][1] as? String == "r")
        #expect(events[1][2] as? String == "80x24")
    }

    @Test func escapeIsWrittenAsUnicodeEscapeAndTextAsUTF8() {
        #expect(JSONString.quoted("\u{1B}[0m") == "\"\\u001b[0m\"")
        #expect(JSONString.quoted("\u{0}\u{1F}\u{7F}") == "\"\\u0000\\u001f\\u007f\"")
        #expect(JSONString.quoted("Größe ⠿") == "\"Größe ⠿\"")
    }

    @Test func eachEventIsInTheFileAsSoonAsItIsWritten() throws {
        let file = RecordingFile()
        defer { file.remove() }
        let writer = try AsciicastWriter(path: file.path)
        writer.writeHeader(width: 10, height: 2, title: "t")
        writer.writeOutput("x", at: 0.25)
        // Not closed: a signal may end the process here, and the file must already be whole.
        #expect(file.lines == [file.lines[0], "[0.250000,\"o\",\"x\"]", ""])
        try _ = file.parsed()
        writer.close()
    }

    @Test func aBadPathIsAnErrorThatSaysWhy() {
        #expect(throws: RecordingError.self) { try AsciicastWriter(path: "/nonexistent-folder/x.cast") }
        do {
            _ = try AsciicastWriter(path: NSTemporaryDirectory())
            Issue.record("a folder opened as a recording")
        } catch {
            #expect(error.description.contains("Is a directory"))
        }
    }
}

/// A file that takes no more (a full disk, here /dev/full) keeps the first failure and
/// writes nothing after it, so the command can say why the recording ends early.
@Suite struct AsciicastWriterFailureTests {
    @Test func aFullDiskIsRememberedWithItsReason() throws {
        let writer = try AsciicastWriter(path: "/dev/full")
        #expect(writer.failure == nil)
        writer.writeHeader(width: 10, height: 2, title: "t")
        writer.writeOutput("x", at: 0)
        #expect(writer.failure?.description == "cannot write to \"/dev/full\": No space left on device")
    }
}
