import ArgumentParser
import Foundation
import NormMath

/// `normtui bench`: times NormMath's kernels in this process, next to the machine's copy
/// bandwidth (docs/PERFORMANCE.md).
///
/// The experiment options are the shared ones (one definition for every subcommand), so
/// `--variant` and `--shape` mean one thing each, for the kernels and the training run alike:
/// - `--variant V` times V only (and trains with V); without it every variant but `none` is
///   timed (and the training run uses its default, batch norm).
/// - `--shape` is the tensor the kernels normalize and the activation shape of the training
///   run; without it the kernels use 32x64x32x32 and the training run its default 32x16x8x8.
/// The normalization options (`--groups`, `--eps`, `--eps-placement`, `--variance`) apply to
/// the kernels as well.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Time the normalization kernels (and a training step) on this machine.",
        discussion: """
            Without --variant (or with --variant all, which only bench takes) every variant but none is timed; \
            --variant V times V only. \
            --shape is the tensor the kernels normalize (default \(Self.defaultKernelShape.settingText)) \
            and, with --train, the activation shape of the training run (default \(ExperimentConfig().shape.settingText)); \
            the other experiment options describe the training run, and --groups, --eps, \
            --eps-placement and --variance the kernels too. Times are the best of several \
            repetitions after a warm-up, in ns per element, next to the copy floor (copy_ns_per_element); \
            train_step_ms is the median step, train_step_no_probes_ms the same without the probes \
            (as PyTorch's step is timed); with --threads T > 1 both are also given on 1 thread (…_1_thread_ms); \
            …_cpu_ms is the one-thread step's CPU time.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    /// The kernels' tensor when no `--shape` is given: the size docs/PERFORMANCE.md compares with PyTorch.
    static let defaultKernelShape = TensorShape(n: 32, c: 64, h: 32, w: 32)

    @OptionGroup var experiment: ExperimentOptions

    @Option(help: "text: a table for people; json: one object for programs.")
    var format: Format = .text

    @Option(parsing: .unconditional, help: "Threads the kernels and the training step may use; results are identical for every count.")
    var threads: Int = 1

    @Flag(help: "Also time training steps of the experiment, with and without the probes (medians: train_step_ms, train_step_no_probes_ms; with --threads T > 1 also on 1 thread).")
    var train = false

    @Option(help: "Also time a full UI frame at this size, WxH: render and diff, no terminal (adds frame_ms).")
    var render: ScreenSize?

    func validate() throws {
        guard (1...64).contains(threads) else {
            throw ValidationError("--threads must be between 1 and 64, got \(threads)")
        }
    }

    func run() throws {
        let shape = experiment.shape ?? Self.defaultKernelShape
        let variants = experiment.variant.map { [$0] } ?? NormVariant.allCases.filter { $0 != .none }  // --variant all, or none given
        var results: [KernelBenchmark.Result] = []
        for variant in variants {
            let benchmark = KernelBenchmark(config: try kernelConfig(variant), shape: shape, threads: threads)
            do { results.append(try benchmark.run()) } catch {
                throw CommandFailure("\(variant.rawValue) cannot normalize \(shape.dims): \(error.description)")
            }
        }
        var report = BenchReport(
            shape: shape, threads: threads, copyGigabytesPerSecond: CopyBandwidth.measure(elements: shape.count),
            results: results)
        report.extras = try optionalMeasurements()
        print(format == .json ? report.json : report.text, terminator: format == .json ? "\n" : "")
    }

    /// The measurements only some runs ask for, one function each, in the order they appear
    /// in the report.
    func optionalMeasurements() throws -> [BenchReport.Extra] {
        var extras: [BenchReport.Extra] = []
        if train { extras += try trainingSteps() }
        if let render { extras.append(try frame(render)) }
        return extras
    }

    /// `frame_ms`: the median time to render and diff one full screen of the experiment.
    func frame(_ size: ScreenSize) throws -> BenchReport.Extra {
        var config = try experiment.config(allowingAllVariants: true)
        if experiment.shape == nil { config.shape = ExperimentConfig().shape }  // the UI's run, not the kernels' tensor
        return BenchReport.Extra(
            key: "frame_ms", label: "UI frame \(size.width)×\(size.height) (render + diff)",
            value: FrameBenchmark.frameMilliseconds(config: config, width: size.width, height: size.height),
            unit: "ms, median")
    }

    /// The training step's medians: `train_step_ms` (probes included, as the UI runs it) and
    /// `train_step_no_probes_ms` (forward, backward and update only: what PyTorch's step in
    /// docs/bench/pytorch_train_step.py does), on `--threads` threads; with more than one, the
    /// same two on one thread as well, so that one run shows the scaling. The one-thread runs
    /// also give the stepping thread's CPU time (`train_step_cpu_ms`,
    /// `train_step_no_probes_cpu_ms`), which on a shared machine leaves out the waits for a core.
    func trainingSteps() throws -> [BenchReport.Extra] {
        let config = try experiment.config(allowingAllVariants: true)
        let description = "\(config.model.rawValue), \(config.variant.rawValue), depth \(config.depth), \(config.shape), \(config.dataset)"
        var extras: [BenchReport.Extra] = [], cpuTimes: [BenchReport.Extra] = []
        for count in threads > 1 ? [threads, 1] : [1] {
            let suffix = count == threads ? "" : "_1_thread"
            let threadText = "\(count) thread\(count == 1 ? "" : "s")"
            for probes in [true, false] {
                let milliseconds: (wall: Double, cpu: Double)
                do {
                    milliseconds = try TrainingBenchmark.stepMilliseconds(config: config, threads: count, probes: probes)
                } catch {
                    throw CommandFailure(error.description)
                }
                let key = "train_step\(probes ? "" : "_no_probes")"
                let label = "training step\(probes ? "" : " without probes") (\(description), \(threadText))"
                extras.append(BenchReport.Extra(key: key + suffix + "_ms", label: label, value: milliseconds.wall, unit: "ms, median"))
                if count == 1 { cpuTimes.append(BenchReport.Extra(key: key + "_cpu_ms", label: label, value: milliseconds.cpu, unit: "ms CPU time, median")) }
            }
        }
        return extras + cpuTimes
    }

    /// The normalization settings of the experiment (options and `--config` file), for `variant`.
    func kernelConfig(_ variant: NormVariant) throws -> NormalizationConfig {
        var config = try experiment.config(allowingAllVariants: true).normalization
        config.variant = variant
        return config
    }
}
