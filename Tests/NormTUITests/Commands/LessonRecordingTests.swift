import Foundation
import Testing
import NormLessons
@testable import NormTUI
import TerminalUI

/// `lesson NAME --steps K --record`: one output event per lesson step, at frame/fps seconds,
/// on a screen of the size asked for; sizes and paces that make no recording are refused.
@Suite struct LessonRecordingTests {
    @Test func oneFramePerStepAtTheGivenPace() throws {
        let path = NSTemporaryDirectory() + "normtui-lesson-\(UUID().uuidString).cast"
        defer { try? FileManager.default.removeItem(atPath: path) }
        let recording = try LessonRecording(width: 100, height: 30, fps: 4, display: DisplayOptions.parse(["--no-color", "--lang", "en"]))
        recording.record(try #require(LessonCatalog.find("6")), steps: 5, into: try AsciicastWriter(path: path), title: "lesson 6")
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map { line in
            try JSONSerialization.jsonObject(with: Data(line.utf8))
        }
        let header = try #require(lines.first as? [String: Any])
        #expect(header["width"] as? Int == 100)
        #expect(header["height"] as? Int == 30)
        #expect(header["title"] as? String == "lesson 6")
        let events = lines.dropFirst().compactMap { $0 as? [Any] }
        #expect(events.count == 5)
        #expect(events.compactMap { $0[0] as? Double } == [0, 0.25, 0.5, 0.75, 1])
        #expect(events.allSatisfy { $0[1] as? String == "o" })
        let first = try #require(events.first?[2] as? String)
        #expect(first.hasPrefix("\u{1B}[0m\u{1B}[H\u{1B}[2J"))
        #expect(first.contains("Internal covariate shift"))
        #expect(!first.contains("\u{1B}[0;3"), "--no-color writes no colour")
    }

    @Test func impossibleSizesAndPacesAreRefused() throws {
        let display = try DisplayOptions.parse([])
        #expect(throws: CommandFailure.self) { try LessonRecording(width: 0, height: 30, fps: 10, display: display) }
        #expect(throws: CommandFailure.self) { try LessonRecording(width: 100, height: 1001, fps: 10, display: display) }
        #expect(throws: CommandFailure.self) { try LessonRecording(width: 100, height: 30, fps: 0, display: display) }
        #expect(throws: CommandFailure.self) { try LessonRecording(width: 100, height: 30, fps: .infinity, display: display) }
    }
}
