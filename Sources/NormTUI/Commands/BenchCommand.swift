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
            repetitions after a warm-up, in ns per element; train_step_ms is the median step.
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

    @Option(help: "Threads the kernels may use; results are identical for every count.")
    var threads: Int = 1

    @Flag(help: "Also time training steps of the experiment (median, adds train_step_ms).")
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
        if train { extras.append(try trainingStep()) }
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

    /// `train_step_ms`: the median `Trainer.step()` of the experiment the options describe.
    func trainingStep() throws -> BenchReport.Extra {
        let config = try experiment.config(allowingAllVariants: true)
        let milliseconds: Double
        do { milliseconds = try TrainingBenchmark.stepMilliseconds(config: config) } catch {
            throw CommandFailure(error.description)
        }
        return BenchReport.Extra(
            key: "train_step_ms",
            label: "training step (\(config.model.rawValue), \(config.variant.rawValue), depth \(config.depth), \(config.shape), \(config.dataset))",
            value: milliseconds, unit: "ms, median")
    }

    /// The normalization settings of the experiment (options and `--config` file), for `variant`.
    func kernelConfig(_ variant: NormVariant) throws -> NormalizationConfig {
        var config = try experiment.config(allowingAllVariants: true).normalization
        config.variant = variant
        return config
    }
}
