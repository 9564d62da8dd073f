import Foundation
import Testing
import NormMath
import NormLessons
@testable import NormTUI

/// `w` in a lesson saves the screen, the lesson's records and the experiment.
struct LessonExportTests {
    /// The records since the lesson opened, in the columns and numbers of
    /// `normtui lesson NAME --steps K`.
    @Test func wInALessonSavesItsRecordsAsTheHeadlessRunPrintsThem() throws {
        let folder = NSTemporaryDirectory() + "normtui-tests-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        var run = ScriptedRun(config: ExperimentConfig(), width: 80, height: 24, saveFolder: folder)
        run.open(ScaleInvarianceLesson.lesson)
        run.advanceLesson(untilStep: 6)
        run.press([.character("w")])
        #expect(run.state.status?.text.contains("scale-invariance.csv") == true)
        let files = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        #expect(files.count == 4)
        #expect(files.contains { $0.hasSuffix("-screen.txt") } && files.contains { $0.hasSuffix("-screen.svg") })
        #expect(files.contains { $0.hasSuffix("-config.json") })
        let csvName = try #require(files.first { $0.hasSuffix("-scale-invariance.csv") })
        let csv = try String(contentsOfFile: folder + "/" + csvName, encoding: .utf8)

        var engine = ScaleInvarianceLesson.lesson.makeEngine(.standard)
        var expected: [String] = []
        for _ in 0..<6 {
            engine.advance()
            let record = engine.record()
            if expected.isEmpty { expected.append(record.columns.joined(separator: ",")) }
            expected.append(record.values.map { $0.trainingValue.csv }.joined(separator: ","))
        }
        #expect(csv == expected.joined(separator: "\n") + "\n")
    }
}
