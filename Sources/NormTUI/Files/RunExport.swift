import Foundation
import NormMath
import TerminalUI

/// What `w` saves: the screen as text and as an SVG picture, the run's history as CSV (the
/// columns of `normtui train`) and the experiment as a config file that `--config` loads again.
struct RunExport {
    let screen: Grid
    /// Whether the SVG picture of the screen is in colour (not with --no-color or NO_COLOR).
    var colors = true
    let config: ExperimentConfig
    let history: TrainingHistory

    /// The four files' names, from a common prefix such as `normtui-20261128-173512`.
    static func names(prefix: String) -> (screen: String, picture: String, history: String, config: String) {
        ("\(prefix)-screen.txt", "\(prefix)-screen.svg", "\(prefix)-history.csv", "\(prefix)-config.json")
    }

    static func prefix(at date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyyMMdd-HHmmss"
        return "normtui-\(formatter.string(from: date))"
    }

    /// Writes the four files into `folder`; returns their names.
    func write(into folder: String, prefix: String) throws(AtomicFile.Failure) -> [String] {
        let names = Self.names(prefix: prefix)
        try AtomicFile.write(screen.text.joined(separator: "\n") + "\n", to: "\(folder)/\(names.screen)")
        try AtomicFile.write(screen.svg(title: prefix, colors: colors), to: "\(folder)/\(names.picture)")
        try AtomicFile.write(historyCSV, to: "\(folder)/\(names.history)")
        try AtomicFile.write(config.json, to: "\(folder)/\(names.config)")
        return [names.screen, names.picture, names.history, names.config]
    }

    /// One row per kept step, in the columns `normtui train` prints (TrainingRecord), so a
    /// saved history and a headless run can be read by the same script.
    var historyCSV: String {
        let columns = TrainingRecord.Columns(layerCount: config.depth, hasRunningStatistics: config.variant == .batch)
        var lines = [columns.names.joined(separator: ",")]
        for values in columns.rows(of: history) {
            lines.append(values.map(\.csv).joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
