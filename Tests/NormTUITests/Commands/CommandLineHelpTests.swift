import Testing
import ArgumentParser
@testable import NormTUI

/// Each command's help lists --variant's values once, and only bench speaks of `all`.
struct CommandLineHelpTests {
    @Test func onlyBenchSpeaksOfAllAndValuesAreListedOnce() {
        for help in [TrainCommand.helpMessage(columns: 1000), SnapshotCommand.helpMessage(columns: 1000)] {
            let line = help.split(separator: "\n").first { $0.contains("--variant <variant>") } ?? ""
            #expect(!line.contains("all") && !line.contains("(values:"))
            #expect(line.contains("batch|layer|instance|group|rms|none"))
        }
        #expect(BenchCommand.helpMessage(columns: 1000).contains("--variant all"))
    }

    @Test func othersStillRefuseAll() throws {
        let options = try ExperimentOptions.parse(["--variant", "all"])
        #expect(throws: (any Error).self) { try options.config() }
        #expect(try options.config(allowingAllVariants: true).variant == .batch)
    }

    @Test func completionsKnowVariantsDataSetsLessonsAndFiles() {
        let script = NormTUICommand.completionScript(for: .bash)
        #expect(script.contains("'batch'$'\\n''layer'"))
        #expect(script.contains("'digits'$'\\n''blobs'"))
        #expect(script.contains("statistics-groups"))
        #expect(script.contains("json"))
    }
}
