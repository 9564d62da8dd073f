import Foundation
import Testing
import NormMath
@testable import NormTUI
import TerminalUI

/// The one loop on a test terminal: it ends on q or a signal, draws what changed, opens and
/// closes lessons, and saves where it was told to.
struct AppLoopTests {
    static func scriptedLoop(saveFolder: String? = nil) -> ScriptedLoop {
        ScriptedLoop(
            backend: TestBackend(width: 120, height: 40), state: AppState(config: .small, width: 120, height: 40),
            saveFolder: saveFolder)
    }

    @Test func runEndsOnQAfterTheKeysBeforeIt() {
        var loop = Self.scriptedLoop()
        loop.backend.type([.character("s"), .character("s"), .character("q"), .character("s")])
        #expect(loop.run() == 0)
        #expect(loop.state.run.stepCount == 3, "the first step and two s; none after q")
        #expect(loop.backend.frames.first?.text[0].contains("step 1") == true)
    }

    @Test func aSignalEndsTheRunWith128PlusItsNumber() {
        var loop = Self.scriptedLoop()
        loop.backend.pendingSignal = 15
        #expect(loop.run() == 143)
    }

    @Test func onlyAChangedStateIsDrawnAgain() {
        var loop = Self.scriptedLoop()
        loop.drawIfChanged()
        loop.drawIfChanged()
        #expect(loop.backend.frames.count == 1)
        loop.backend.type([.character("]")])
        _ = loop.handleInput(waitingUpTo: 0)
        loop.drawIfChanged()
        #expect(loop.backend.frames.count == 2)
        #expect(loop.backend.text.joined().contains("Layer 2/2"))
    }

    @Test func aResizeIsReadFromTheTerminal() {
        var loop = Self.scriptedLoop()
        loop.backend.resize(width: 60, height: 15)
        _ = loop.handleInput(waitingUpTo: 0)
        #expect(loop.state.width == 60 && loop.state.height == 15)
        loop.drawIfChanged()
        #expect(loop.backend.text.joined().contains("terminal too small: have 60×15, need 80×24"))
    }

    @Test func lessonsOpenAndCloseThroughTheLoop() {
        var loop = Self.scriptedLoop()
        loop.backend.type([.character("l"), .enter])
        _ = loop.handleInput(waitingUpTo: 0)
        #expect(loop.lesson != nil)
        #expect(loop.state.lesson?.snapshot?.engine?.stepCount == 1, "the lesson's first step is taken at once")
        loop.backend.type([.escape])
        _ = loop.handleInput(waitingUpTo: 0)
        #expect(loop.lesson == nil)
        #expect(loop.state.lesson == nil)
    }

    @Test func wSavesIntoTheFolderGivenAndSaysWhat() throws {
        let folder = NSTemporaryDirectory() + "normtui-loop-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var run = ScriptedRun(config: ExperimentConfig.small, width: 100, height: 30, saveFolder: folder)
        run.train(untilStep: 3)
        run.press([.character("w")])
        let written = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        #expect(written.count == 4, "screen .txt and .svg, history, experiment")
        #expect(written.allSatisfy { $0.hasPrefix("normtui-") })
        let status = try #require(run.state.status)
        #expect(!status.isError)
        #expect(status.text.hasPrefix("saved normtui-") && status.text.contains("screen.txt, screen.svg, history.csv, config.json"))
        let screen = try String(contentsOfFile: folder + "/" + #require(written.first { $0.hasSuffix("-screen.txt") }), encoding: .utf8)
        #expect(screen.contains("step 3"))
    }

    @Test func wWithoutAFolderSaysThatNothingIsSaved() {
        var run = ScriptedRun(config: ExperimentConfig.small, width: 100, height: 30)
        run.press([.character("w")])
        #expect(run.state.status == .error("nothing is saved in a scripted run"))
    }
}
