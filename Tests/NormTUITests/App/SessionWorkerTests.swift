import Foundation
import Testing
import NormMath
@testable import NormTUI
import TerminalUI

/// `s` is a request, not a flag: every press is one step, however fast they come, and the
/// header says how many are still to come.
struct SessionWorkerTests {
    /// `t` while paused shows eval mode on the last batch at once, without a training step.
    @Test func evalModeWhilePausedIsComputedAtOnce() {
        var worker = SessionWorker(config: ExperimentConfig.small)
        worker.step()
        #expect(worker.snapshot.history.latest?.layers.first?.evalModePost == nil)
        worker.apply([.measureEvalMode(true)])
        #expect(worker.stepCount == 1 && !worker.wantsStep)
        let latest = worker.snapshot.history.latest
        #expect(latest?.layers.allSatisfy { $0.evalModePost != nil } == true)
        #expect(latest?.evalModeBatch != nil)
        var state = AppState(config: .small, width: 120, height: 40)
        state.run = worker.snapshot
        state.showsEvalMode = true
        let text = Screen.render(state, glyphs: .unicode).text.joined(separator: "\n")
        #expect(text.contains("eval mode") && !text.contains("eval from the next step"))
    }

    @Test func tenStepRequestsAreTenSteps() {
        var worker = SessionWorker(config: ExperimentConfig.small)
        worker.step()  // the first step, asked for by the reset that builds the run
        #expect(worker.stepCount == 1 && !worker.stepRequested)
        worker.apply(Array(repeating: .stepOnce, count: 10))
        #expect(worker.requestedSteps == 10)
        #expect(worker.snapshot.requestedSteps == 10)
        while worker.wantsStep { worker.step() }
        #expect(worker.stepCount == 11)
        #expect(worker.requestedSteps == 0)
    }

    @Test func aResetDropsTheStepsAskedOfTheOldRun() {
        var worker = SessionWorker(config: ExperimentConfig.small)
        worker.apply([.stepOnce, .stepOnce, .stepOnce, .reset(ExperimentConfig.small, generation: 1)])
        #expect(worker.requestedSteps == 1, "only the new run's first step")
        #expect(worker.stepCount == 0)
    }

    @Test func aDivergedRunDropsItsRequests() {
        var config = ExperimentConfig.small
        config.variant = .none
        config.learningRate = 1e6
        var worker = SessionWorker(config: config)
        worker.apply(Array(repeating: .stepOnce, count: 50))
        while worker.wantsStep { worker.step() }
        #expect(worker.isDiverged)
        #expect(worker.requestedSteps == 0)
        #expect(worker.stepCount < 51)
    }

    @Test func tenStepKeysInABurstTakeTenSteps() {
        var run = ScriptedRun(config: ExperimentConfig.small, width: 120, height: 40)
        run.train(untilStep: 5)
        run.press(Array(repeating: .character("s"), count: 10))
        #expect(run.state.run.stepCount == 15)
        #expect(run.draw().text[0].contains("step 15"))
    }

    /// The keys come faster than a thread steps: none is lost, and the count of steps still
    /// to come is in the header meanwhile.
    @Test func aBurstOfStepKeysOnTheTrainingThreadIsNotLost() throws {
        let state = AppState(config: ExperimentConfig.small, width: 120, height: 40)
        var loop = AppLoop<TestBackend, TrainingSession, LessonRunner>(
            backend: TestBackend(width: 120, height: 40), state: state, saveFolder: nil)
        defer { loop.stop() }
        let deadline = Date().addingTimeInterval(30)
        while loop.state.run.stepCount < 1, Date() < deadline { _ = loop.handleInput(waitingUpTo: 10) }
        try #require(loop.state.run.stepCount == 1)
        loop.backend.type(Array(repeating: .character("s"), count: 10))
        while loop.state.run.stepCount < 11, Date() < deadline {
            loop.drawIfChanged()
            _ = loop.handleInput(waitingUpTo: 10)
        }
        // A little longer, to see that no step more is taken than asked for.
        for _ in 0..<10 { _ = loop.handleInput(waitingUpTo: 10) }
        #expect(loop.state.run.stepCount == 11)
        #expect(loop.state.run.requestedSteps == 0)
        loop.drawIfChanged()
        #expect(loop.backend.text[0].contains("step 11"))
        #expect(loop.backend.text[0].hasSuffix(" paused"))
    }

    @Test(arguments: [(1, "1 step queued"), (3, "3 steps queued")])
    func theHeaderSaysHowManyStepsAreQueued(count: Int, words: String) {
        var state = AppState(config: ExperimentConfig.small, width: 120, height: 40)
        state.run.stepCount = 4
        state.run.requestedSteps = count
        let header = Screen.render(state, glyphs: .unicode).text[0]
        #expect(header.hasSuffix(" \(words)"))
        state.run.requestedSteps = 0
        #expect(Screen.render(state, glyphs: .unicode).text[0].hasSuffix(" paused"))
    }
}

/// A reset never loses a run for good: `u` brings back the one it put aside, steps and all.
struct UndoResetTests {
    @Test func theWorkerSwapsThePreviousRunBack() {
        var worker = SessionWorker(config: ExperimentConfig.small)
        worker.apply(Array(repeating: .stepOnce, count: 4))
        while worker.wantsStep { worker.step() }
        #expect(worker.stepCount == 5)
        var layer = ExperimentConfig.small
        layer.variant = .layer
        worker.apply([.reset(layer, generation: 1)])
        while worker.wantsStep { worker.step() }
        #expect(worker.stepCount == 1 && worker.previous?.trainer?.stepCount == 5)
        worker.apply([.swapWithPrevious(generation: 2)])
        #expect(worker.stepCount == 5 && worker.config.variant == .batch && worker.snapshot.generation == 2)
        #expect(worker.snapshot.history.latest?.step == 5 && !worker.wantsStep)
        worker.apply([.swapWithPrevious(generation: 3)])
        #expect(worker.stepCount == 1 && worker.config.variant == .layer)
    }

    @Test func aVariantKeySaysWhatItDiscardedAndUBringsItBack() {
        var state = AppState(config: ExperimentConfig.small, width: 80, height: 24)
        state.run.stepCount = 425
        let commands = update(&state, .key(.character("2")))
        #expect(state.status?.text.hasSuffix("425 steps discarded — u brings them back") == true)
        #expect(state.config.variant == .layer && !commands.isEmpty)
        let undo = update(&state, .key(.character("u")))
        #expect(state.config.variant == .batch)
        #expect(undo.contains(.training(.swapWithPrevious(generation: state.run.generation))))
        #expect(state.status?.text.contains("425 steps is back") == true)
        #expect(state.previousRun == nil)  // the layer-norm run had taken no step
        _ = update(&state, .key(.character("u")))
        #expect(state.status?.text == UIText.catalogue.nothingToUndo(.en))
    }
}
