import Testing
import NormMath
import NormLessons
import TerminalUI
import CNcurses
@testable import NormTUI

/// The mouse does what keys do: focus, layer, scroll, open a lesson.
struct MouseInputTests {
    @Test func aClickFocusesThePanelUnderIt() {
        var state = AppState(config: ExperimentConfig(), width: 80, height: 24)
        _ = update(&state, .mouse(MouseEvent(.press, x: 60, y: 15)))
        #expect(state.focus == .progress)
        _ = update(&state, .mouse(MouseEvent(.press, x: 10, y: 15)))
        #expect(state.focus == .gradients)
    }

    @Test func theWheelOverTheActivationsChangesTheLayer() {
        var state = AppState(config: ExperimentConfig(), width: 80, height: 24)
        _ = update(&state, .mouse(MouseEvent(.wheelDown, x: 20, y: 4)))
        #expect(state.selectedLayer == 1)
        _ = update(&state, .mouse(MouseEvent(.wheelUp, x: 20, y: 4)))
        #expect(state.selectedLayer == 0)
        _ = update(&state, .mouse(MouseEvent(.wheelDown, x: 60, y: 15)))
        #expect(state.selectedLayer == 0)
    }

    @Test func aClickInTheLessonListOpensThatLesson() {
        var state = AppState(config: ExperimentConfig(), width: 80, height: 24)
        _ = update(&state, .key(.character("l")))
        // The list is centred, so its rows move as the catalogue grows: click where lesson 4 is.
        let row = (0..<24).first { LessonPicker.lesson(atRow: $0, width: 80, height: 24) == 3 } ?? -1
        let commands = update(&state, .mouse(MouseEvent(.press, x: 20, y: row)))
        #expect(state.lesson?.guide.lesson?.number == 4)
        #expect(commands.contains(.openLesson(generation: state.lessonGeneration)))
    }

    @Test func theWheelScrollsTheHelp() {
        var state = AppState(config: ExperimentConfig(), width: 80, height: 24)
        _ = update(&state, .key(.character("?")))
        _ = update(&state, .mouse(MouseEvent(.wheelDown, x: 40, y: 10)))
        #expect(state.helpScroll == MouseInput.wheelLines)
    }

    @Test func ncursesMasksDecodeToClicksAndWheel() {
        #expect(Key.decode(.mouse(x: 3, y: 4, buttons: UInt(NT_BUTTON1_PRESSED))) == .mouse(MouseEvent(.press, x: 3, y: 4)))
        #expect(Key.decode(.mouse(x: 3, y: 4, buttons: UInt(NT_BUTTON4_PRESSED))) == .mouse(MouseEvent(.wheelUp, x: 3, y: 4)))
        #expect(Key.decode(.mouse(x: 3, y: 4, buttons: UInt(NT_BUTTON5_PRESSED))) == .mouse(MouseEvent(.wheelDown, x: 3, y: 4)))
        #expect(Key.decode(.mouse(x: 3, y: 4, buttons: 0)) == nil)
    }

    /// The test terminal takes mouse events as it takes keys.
    @Test func theLoopTakesMouseEventsFromTheTestTerminal() {
        var run = ScriptedRun(config: ExperimentConfig(), width: 80, height: 24)
        run.press([.mouse(MouseEvent(.press, x: 60, y: 15))])
        #expect(run.state.focus == .progress)
    }
}
