import Foundation
import NormMath
import NormLessons
import TerminalUI

/// What `w` saves in a lesson or in compare mode: the screen as text and as an SVG picture,
/// the lesson's records since it opened as CSV (the columns of `normtui lesson NAME --steps
/// K`, so one script reads both), and the experiment the main screen runs (`--config`).
struct LessonExport {
    let screen: Grid
    var colors = true
    let lessonID: String
    let records: [LessonRecord]
    let config: ExperimentConfig

    static func names(prefix: String, lessonID: String) -> (screen: String, picture: String, records: String, config: String) {
        let run = RunExport.names(prefix: prefix)
        return (run.screen, run.picture, "\(prefix)-\(lessonID).csv", run.config)
    }

    /// Writes the four files into `folder`; returns their names.
    func write(into folder: String, prefix: String) throws(AtomicFile.Failure) -> [String] {
        let names = Self.names(prefix: prefix, lessonID: lessonID)
        try AtomicFile.write(screen.text.joined(separator: "\n") + "\n", to: "\(folder)/\(names.screen)")
        try AtomicFile.write(screen.svg(title: prefix, colors: colors), to: "\(folder)/\(names.picture)")
        try AtomicFile.write(recordsCSV, to: "\(folder)/\(names.records)")
        try AtomicFile.write(config.json, to: "\(folder)/\(names.config)")
        return [names.screen, names.picture, names.records, names.config]
    }

    /// A header from the first record's columns, then one row per record.
    var recordsCSV: String {
        guard let first = records.first else { return "" }
        var lines = [first.columns.joined(separator: ",")]
        for record in records {
            lines.append(record.values.map { $0.trainingValue.csv }.joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
