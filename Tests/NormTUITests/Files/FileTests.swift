import Foundation
import Testing
import NormMath
@testable import NormTUI

/// Files are written whole (temporary file, then rename) and exports hold what the run did.
struct FileTests {
    func temporaryFolder() throws -> String {
        let folder = NSTemporaryDirectory() + "normtui-tests-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test func atomicWriteReplacesAndLeavesNoTemporaryFile() throws {
        let folder = try temporaryFolder()
        let path = folder + "/out.txt"
        try AtomicFile.write("first\n", to: path)
        try AtomicFile.write("second\n", to: path)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "second\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["out.txt"])
    }

    @Test func atomicWriteReportsAFolderItCannotWriteTo() {
        do {
            try AtomicFile.write("x", to: "/nonexistent-folder/out.txt")
            Issue.record("wrote into a missing folder")
        } catch {
            #expect(error.description.contains("cannot write /nonexistent-folder/out.txt: No such file or directory"))
        }
    }

    @Test func exportWritesScreenHistoryAndALoadableConfig() throws {
        var run = ScriptedRun(config: ExperimentConfig(), width: 100, height: 30)
        run.train(untilStep: 30)
        let export = RunExport(screen: run.render(glyphs: .unicode), config: run.state.run.config, history: run.state.run.history)
        let folder = try temporaryFolder()
        let names = try export.write(into: folder, prefix: "normtui-test")
        #expect(names == [
            "normtui-test-screen.txt", "normtui-test-screen.svg", "normtui-test-history.csv", "normtui-test-config.json",
        ])
        let screen = try String(contentsOfFile: folder + "/" + names[0], encoding: .utf8)
        #expect(screen.contains("step 30"))
        let picture = try String(contentsOfFile: folder + "/" + names[1], encoding: .utf8)
        #expect(picture.hasPrefix("<svg") || picture.hasPrefix("<?xml"))
        let csv = try String(contentsOfFile: folder + "/" + names[2], encoding: .utf8).split(separator: "\n")
        #expect(csv.count == 31)
        #expect(csv[0].hasPrefix("step,loss,accuracy,eval_accuracy,l1_pre_mean"))
        #expect(csv[25].split(separator: ",", omittingEmptySubsequences: false)[3] != "", "held-out accuracy at step 25")
        #expect(csv[24].split(separator: ",", omittingEmptySubsequences: false)[3] == "")
        let config = try ExperimentConfig(json: Data(contentsOf: URL(fileURLWithPath: folder + "/" + names[3])))
        #expect(config == ExperimentConfig())
    }

    /// `w` saves the history in the columns `normtui train` prints, running statistics included,
    /// with the same numbers.
    @Test func savedHistoryHasTheColumnsAndNumbersOfTrain() throws {
        let config = ExperimentConfig()
        var run = ScriptedRun(config: config, width: 100, height: 30)
        run.train(untilStep: 5)
        let export = RunExport(screen: run.render(glyphs: .unicode), config: config, history: run.state.run.history)
        let saved = export.historyCSV.split(separator: "\n").map(String.init)
        var trainer = try Trainer(config: config)
        let columns = TrainingRecord.Columns(layerCount: config.depth, hasRunningStatistics: true)
        var printed = [columns.names.joined(separator: ",")]
        for _ in 0..<5 { printed.append(columns.values(of: trainer.step()).map(\.csv).joined(separator: ",")) }
        #expect(saved[0].contains("l1_running_mean,l1_running_var"))
        #expect(saved == printed)
    }
}
