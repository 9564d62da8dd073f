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
        #expect(names == ["normtui-test-screen.txt", "normtui-test-history.csv", "normtui-test-config.json"])
        let screen = try String(contentsOfFile: folder + "/" + names[0], encoding: .utf8)
        #expect(screen.contains("step 30"))
        let csv = try String(contentsOfFile: folder + "/" + names[1], encoding: .utf8).split(separator: "\n")
        #expect(csv.count == 31)
        #expect(csv[0].hasPrefix("step,loss,accuracy,eval_accuracy,l1_pre_mean"))
        #expect(csv[25].split(separator: ",", omittingEmptySubsequences: false)[3] != "", "held-out accuracy at step 25")
        #expect(csv[24].split(separator: ",", omittingEmptySubsequences: false)[3] == "")
        let config = try ExperimentConfig(json: Data(contentsOf: URL(fileURLWithPath: folder + "/" + names[2])))
        #expect(config == ExperimentConfig())
    }
}
