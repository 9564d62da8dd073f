import NormMath

/// Times `Trainer.step()` of an experiment — forward, backward, update and probes, everything
/// the UI waits for between two frames — or the same step without the probes, which is what
/// PyTorch's time in docs/bench/pytorch_train_step.py measures.
enum TrainingBenchmark {
    /// The median milliseconds of one training step of `config` on `threads` threads, with or
    /// without the probes, after a few warm-up steps; about two seconds of steps are timed (at
    /// least 10, at most 200). `wall` is wall-clock time; `cpu` the stepping thread's CPU time,
    /// the whole step's only on one thread — on a busy machine the steadier of the two.
    static func stepMilliseconds(
        config: ExperimentConfig, threads: Int, probes: Bool
    ) throws(ExperimentError) -> (wall: Double, cpu: Double) {
        func makeTrainer() throws(ExperimentError) -> Trainer {
            var trainer = try Trainer(config: config)
            trainer.threads = threads
            trainer.computesProbes = probes
            return trainer
        }
        var trainer = try makeTrainer()
        let warmUp = 3
        let t0 = Stopwatch.now()
        for _ in 0..<warmUp { keep(trainer.step()) }
        let estimate = max((Stopwatch.now() - t0) / Double(warmUp), 1e-6)
        let repetitions = min(200, max(10, Int(2 / estimate)))
        let seconds = Stopwatch.medians(warmUp: 0, repetitions: repetitions) {
            // A run that diverges stops stepping; time a fresh one instead.
            if trainer.isDiverged, let fresh = try? makeTrainer() { trainer = fresh }
            keep(trainer.step())
        }
        return (seconds.wall * 1e3, seconds.cpu * 1e3)
    }
}
