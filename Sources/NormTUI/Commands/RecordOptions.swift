import ArgumentParser
import TerminalUI

/// `--record FILE.cast`: the UI, a lesson or compare mode recorded as asciicast v2, for
/// asciinema to play.
struct RecordOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Record what the terminal shows, resizes included, as an asciicast v2 file (asciinema plays it).", valueName: "file.cast"))
    var record: String?

    /// The recording's file, opened now, before a terminal is taken over, so that a bad path
    /// ends with one `error:` line and status 2 instead of a recording that never was.
    func openFile() throws -> AsciicastWriter? {
        guard let record else { return nil }
        do {
            return try AsciicastWriter(path: record)
        } catch {
            throw CommandFailure(error.description)
        }
    }
}
