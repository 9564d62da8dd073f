import Foundation
import Testing
import NormMath
@testable import NormTUI
import TerminalUI

/// Runs pushed over the edge on purpose, in every variant: the screen must say "diverged" and
/// where it started, keep drawing at every size, refuse to step on, and `r` must start a
/// fresh run. Driven through ``ScriptedRun``, so the steps and resets really happen.
struct DivergenceTests {
    struct Push: CustomTestStringConvertible, Sendable {
        let variant: NormVariant
        let learningRate: Double
        let eps: Double
        var testDescription: String { "\(variant.rawValue) lr \(learningRate) eps \(eps)" }
    }

    /// lr 1000 makes the loss explode (over 20× chance level) at step 2 in every variant — batch
    /// norm included: it is invariant to the scale of the weights before it, but not to the
    /// head's. lr 1e30 with ε = 0 overflows the weights to infinity and the activations to NaN.
    static let pushes: [Push] = NormVariant.allCases.flatMap { variant in
        [Push(variant: variant, learningRate: 1000, eps: 1e-5), Push(variant: variant, learningRate: 1e30, eps: 0)]
    }

    static func config(_ push: Push) -> ExperimentConfig {
        var config = ExperimentConfig()
        config.variant = push.variant
        config.learningRate = push.learningRate
        config.eps = push.eps
        config.evalEvery = 5
        return config
    }

    @Test(arguments: pushes)
    func divergenceIsShownAndRRecovers(push: Push) throws {
        var run = ScriptedRun(config: Self.config(push), width: 120, height: 40)
        run.press([.character(" ")])  // running, as a class would watch it
        run.train(untilStep: 100)
        let divergence = try #require(run.state.run.divergence, "\(push) did not diverge in 100 steps")
        #expect(divergence.step > 1, "the first step, from the initial weights, is still finite")
        #expect(run.state.run.stepCount == divergence.step, "the run stops at the step that diverged")
        #expect(!run.state.isRunning)
        // Where it started: the step, and what left the finite numbers (a layer or the loss).
        #expect(divergence.description.contains("at step \(divergence.step)"))
        #expect(divergence.description.contains("layer") || divergence.description.contains("loss"))

        for (width, height) in [(120, 40), (80, 24), (250, 80), (160, 50), (60, 15), (1, 1), (120, 40)] {
            run.resize(width: width, height: height)
            let grid = run.render(glyphs: .unicode)
            #expect(grid.width == width && grid.height == height)
            let text = grid.text
            if width >= Screen.minimumWidth, height >= Screen.minimumHeight {
                #expect(text[0].contains("diverged"), "header at \(width)×\(height): \(text[0])")
                #expect(text[0].contains("step \(divergence.step)"))
                // A long message takes two lines above the key bar (never cut in a word).
                let status = text[(height - 3)...(height - 2)].joined(separator: " ")
                #expect(status.contains("diverged:") && status.contains("at step \(divergence.step)"),
                        "status line: \(status)")
            }
        }
        // Every panel and overlay still draws the diverged history (NaN and huge values included).
        for keys in [[Key.tab], [.character("z")], [.tab, .tab, .character("z")], [.character("x"), .character("t")],
                     [.character("]"), .character("]")], [.character("?")], [.escape], [.character("e")], [.escape]] {
            run.press(keys)
            for glyphs in [GlyphSet.unicode, .ascii] {
                #expect(run.render(glyphs: glyphs).text.count == 40)
            }
        }
        // It will not step on…
        run.press([.character("s")])
        #expect(run.state.run.stepCount == divergence.step)
        #expect(run.state.status?.text.contains("press r") == true)
        run.press([.character(" ")])
        #expect(!run.state.isRunning && run.state.run.stepCount == divergence.step)

        // …and r starts a fresh run with the same settings: not diverged, one step taken.
        let generation = run.state.run.generation
        run.press([.character("r")])
        #expect(run.state.run.generation == generation + 1)
        #expect(run.state.run.divergence == nil)
        #expect(run.state.run.stepCount == 1)
        let header = run.render(glyphs: .unicode).text[0]
        #expect(!header.contains("diverged") && header.contains("step 1"), "after r: \(header)")
        // It diverges again where it did before: same seed, same numbers.
        run.train(untilStep: 100)
        #expect(run.state.run.divergence == divergence)
    }

    /// Constant input (every image zero) with ε = 0: every variant that normalizes sees a zero
    /// variance at layer 1 in step 1 and divides 0 by 0. The report names the layer and the
    /// cause; the screen shows it; `r` asks for a fresh run. (The synthetic data sets have no
    /// constant images, so the data set is built here and the run driven by hand.)
    @Test(arguments: NormVariant.allCases)
    func constantInputWithZeroEpsDividesByZero(variant: NormVariant) throws {
        var config = ExperimentConfig()
        config.variant = variant
        config.eps = 0
        config.shape = TensorShape(n: 8, c: 4, h: 4, w: 4)
        config.depth = 2
        config.evalEvery = 0
        let count = 40
        let data = Dataset(name: "constant", images: [Float](repeating: 0, count: count * 16),
                           labels: (0..<count).map { $0 % 4 }, classCount: 4, height: 4, width: 4)
        var trainer = try Trainer(config: config, data: data)
        var snapshot = RunSnapshot(config: config, generation: 0)
        for _ in 0..<20 where !trainer.isDiverged {
            snapshot.history.record(trainer.step())
        }
        snapshot.stepCount = trainer.stepCount
        snapshot.divergence = trainer.divergence

        guard variant != .none else {
            // Without normalization there is nothing to divide: the all-zero input gives
            // all-zero activations, the loss stays at chance level (ln 4), and nothing diverges.
            #expect(trainer.divergence == nil)
            #expect(abs(snapshot.history.latest!.loss - log(4)) < 0.05, "loss \(snapshot.history.latest!.loss)")
            return
        }
        let divergence = try #require(trainer.divergence)
        #expect(divergence.step == 1)
        #expect(divergence.description.contains("layer 1 post-norm activations became NaN at step 1"), "\(divergence)")
        #expect(divergence.description.contains("a division by zero"))

        var state = AppState(config: config, width: 120, height: 40)
        _ = update(&state, .progress(snapshot))
        let text = Screen.render(state, glyphs: .unicode).text
        #expect(text[0].contains("diverged"))
        // The message may take the two lines above the key bar.
        let status = text[37...38].joined(separator: " ")
        #expect(status.contains("division by zero") || status.contains("layer 1 post-norm"), "\(status)")
        for (width, height) in [(80, 24), (250, 80), (30, 10)] {
            _ = update(&state, .resize(width: width, height: height))
            #expect(Screen.render(state, glyphs: .ascii).text.count == height)
        }
        let commands = update(&state, .key(.character("r")))
        #expect(commands == [.reset(config, generation: 1)])
        #expect(state.run.divergence == nil && state.run.generation == 1)
    }
}
