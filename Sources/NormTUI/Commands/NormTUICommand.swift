import ArgumentParser
import Foundation

/// `normtui`: the interactive UI when no subcommand is given, and the headless commands that
/// share its numbers (docs/DESIGN.md, "Command-line contract").
@main
struct NormTUICommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "normtui",
        abstract: "Watch normalization layers (batch, layer, instance, group, RMS) train, live in the terminal.",
        version: Version.current,
        subcommands: [
            InteractiveCommand.self, ComputeCommand.self, TrainCommand.self, SnapshotCommand.self, BenchCommand.self,
            LessonsCommand.self, OpenLessonCommand.self, HandoutCommand.self,
        ],
        defaultSubcommand: InteractiveCommand.self
    )

    /// Parses and runs like `ParsableCommand.main()`, except that every usage error exits
    /// with status 2 and one `error: …` line, as docs/DESIGN.md ("Command-line contract")
    /// promises for bad input.
    static func main() {
        if let problem = ProcessorCheck.problem() {
            // Not FileHandle and Data: their copies may be the ones the linker took from
            // NormMath, compiled for the level this CPU lacks (a BMI2 instruction in Data's
            // copy killed a release build on a CPU without AVX before this line was printed).
            var line = "error: \(problem)\n"
            line.withUTF8 { _ = write(STDERR_FILENO, $0.baseAddress, $0.count) }
            Foundation.exit(2)
        }
        MallocTuning.keepFreedMemory()
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let failure as CommandFailure {
            FileHandle.standardError.write(Data("\(failure.label): \(oneLine(failure.message))\n".utf8))
            Foundation.exit(failure.status)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                exit(withError: error)  // --help and friends print to stdout
            }
            let message = self.message(for: error).trimmingCharacters(in: .whitespacesAndNewlines)
            let oneLine = message.split(separator: "\n").first.map(String.init) ?? "unknown failure"
            FileHandle.standardError.write(Data("error: \(oneLine)\n".utf8))
            Foundation.exit(code == .validationFailure ? 2 : code.rawValue)
        }
    }
}

/// `text` as one line: messages quote what the user typed (`--dataset $'a\nb'`), so line
/// breaks and other control characters are shown escaped.
func oneLine(_ text: String) -> String {
    var line = ""
    for scalar in text.unicodeScalars {
        switch scalar.properties.generalCategory {
        case .control, .lineSeparator, .paragraphSeparator: line += scalar.escaped(asASCII: true)
        default: line.unicodeScalars.append(scalar)
        }
    }
    return line
}

/// A failure the program explains itself: one line on stderr, then the exit status. The line
/// is English whatever `--lang` says: it is a contract for scripts, which match it.
struct CommandFailure: Error {
    var message: String
    var status: Int32
    /// What the line starts with: "error" for bad input, another word for an outcome that
    /// is no mistake (a run that diverged).
    var label: String

    init(_ message: String, status: Int32 = 2, label: String = "error") {
        self.message = message
        self.status = status
        self.label = label
    }
}
