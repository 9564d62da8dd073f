import ArgumentParser
import Foundation
import NormMath
import TerminalUI
import NormLessons
import NumberFormatting

/// `normtui train`: the UI's training run without the UI, one record per step.
struct TrainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Train headless and print one record per step (csv or jsonl).",
        discussion: """
            Columns: step, loss, accuracy, eval_accuracy (held-out, eval mode; empty between \
            evaluations), and per normalized layer l = 1…D: l<l>_pre_mean, l<l>_pre_std, \
            l<l>_post_mean, l<l>_post_std, l<l>_grad_norm, l<l>_act_grad_norm, l<l>_update_ratio, \
            and for batch norm l<l>_running_mean, l<l>_running_var (averaged over channels). \
            A run whose numbers stop being finite ends at that step, says where on stderr and \
            exits with status 3.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case csv, jsonl
    }

    @OptionGroup var experiment: ExperimentOptions

    @Option(parsing: .unconditional, help: "Number of training steps.")
    var steps: Int

    @Option(help: "csv or jsonl.")
    var format: Format = .csv

    @Option(parsing: .unconditional, help: "Threads a training step may use (default: all cores); the records are the same bits for every count.")
    var threads: Int?

    /// A row of the settings table that only `train` offers as an option.
    @Option(name: .customLong(ExperimentSetting[.evalEvery].flag), parsing: .unconditional, help: .setting(.evalEvery),
            transform: ExperimentSetting[.evalEvery].argument)
    var evalEvery: ExperimentSetting.Value?

    func run() throws {
        guard steps >= 1 else { throw CommandFailure("--steps must be at least 1, got \(steps)") }
        let threads = threads ?? ProcessInfo.processInfo.activeProcessorCount
        guard (1...64).contains(threads) else { throw CommandFailure("--threads must be between 1 and 64, got \(threads)") }
        var config = try experiment.config()
        if let evalEvery {
            evalEvery.apply(to: &config)
            do { try config.validate() } catch { throw CommandFailure(error.description) }
        }
        var trainer: Trainer
        do { trainer = try Trainer(config: config) } catch { throw CommandFailure(error.description) }
        trainer.threads = threads
        let table = TrainingRecord.Columns(layerCount: config.depth, hasRunningStatistics: config.variant == .batch)
        let output = BufferedOutput()
        if format == .csv { output.write(table.names.joined(separator: ",") + "\n") }
        let progress = ProgressReporter(total: steps)
        for _ in 0..<steps {
            let report = trainer.step()
            let values = table.values(of: report)
            switch format {
            case .csv: output.write(values.map { $0.csv }.joined(separator: ",") + "\n")
            case .jsonl:
                let fields = zip(table.names, values).map { "\"\($0)\":\($1.json)" }
                output.write("{" + fields.joined(separator: ",") + "}\n")
            }
            progress.update(step: report.step, loss: report.loss)
            if let divergence = report.divergence {
                output.flush()
                progress.finish()
                throw CommandFailure(divergence.description, status: 3, label: "diverged")
            }
        }
        output.flush()
        progress.finish()
    }
}

/// Collects output and writes it in large chunks: a long run prints thousands of lines.
final class BufferedOutput {
    private var buffer = ""

    func write(_ text: String) {
        buffer += text
        if buffer.utf8.count > 1 << 16 { flush() }
    }

    func flush() {
        FileHandle.standardOutput.write(Data(buffer.utf8))
        buffer = ""
    }
}

/// A progress bar on stderr, only when stderr is a terminal, redrawn at most ten times a second.
final class ProgressReporter {
    let total: Int
    let enabled = isatty(STDERR_FILENO) == 1
    private var lastDraw = Date.distantPast

    init(total: Int) { self.total = total }

    func update(step: Int, loss: Double) {
        guard enabled, step == total || Date().timeIntervalSince(lastDraw) > 0.1 else { return }
        lastDraw = Date()
        let width = 30
        let filled = total > 0 ? width * step / total : width
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        FileHandle.standardError.write(Data("\r\(bar) \(step)/\(total)  loss \(NumberFormat.short(loss))\u{1B}[K".utf8))
    }

    func finish() {
        if enabled { FileHandle.standardError.write(Data("\n".utf8)) }
    }
}
