import Foundation
import Testing
import NormMath
@testable import NormTUI
import TerminalUI

/// 10,000 seeded random keys and resizes through the real state machine (``ScriptedRun``:
/// every requested step and reset really happens), with the screen rendered every few keys
/// and checked against the state: the grid has the state's size, the header names the running
/// variant and step, the key bar is there, and below 80×24 the too-small message is shown.
///
/// `STORM_KEYS=N` presses N keys instead (longer runs outside CI); `STORM_SEED=S` another storm.
@Suite(.timeLimit(.minutes(3)))
struct KeyStormTests {
    static let keyCount = ProcessInfo.processInfo.environment["STORM_KEYS"].flatMap(Int.init) ?? 10_000
    static let seed = ProcessInfo.processInfo.environment["STORM_SEED"].flatMap(UInt64.init) ?? 0x570_4A
    /// Render and check after every this many events (rendering the debug build is the cost).
    static let renderEvery = 7

    /// A small run, so that thousands of resets and steps stay fast; the editor can change it.
    static func baseConfig() -> ExperimentConfig {
        var config = ExperimentConfig()
        config.shape = TensorShape(n: 16, c: 8, h: 6, w: 6)
        config.depth = 2
        config.dataset = "blobs"
        config.evalEvery = 10
        return config
    }

    /// Settings the storm may apply through the editor without making steps slow: larger
    /// ones are cancelled with Esc instead of applied (they are refused or accepted by the same
    /// code either way; only the time to train them differs).
    static func isCheap(_ config: ExperimentConfig) -> Bool {
        config.shape.count * config.depth <= 1 << 16 && (config.evalEvery == 0 || config.evalEvery >= 5)
    }

    enum Event: CustomStringConvertible {
        case key(Key)
        case resize(Int, Int)

        var description: String {
            switch self {
            case .key(let key): "\(key)"
            case .resize(let width, let height): "resize \(width)×\(height)"
            }
        }
    }

    struct Storm {
        var rng: SeededGenerator

        mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &rng) }
        mutating func pick<T>(_ values: [T]) -> T { values[int(0...(values.count - 1))] }

        static let bound: [Key] = KeyTable.bindings.flatMap(\.keys).filter { $0 != .ctrlC && $0 != .character("q") }
        static let special: [Key] = [
            .escape, .escape, .enter, .enter, .tab, .backTab, .up, .down, .left, .right, .backspace, .delete,
            .insert, .pageUp, .pageDown, .home, .end, .function(1), .function(12), .control("u"), .control("a"),
            .control("l"), .resize,
        ]
        static let text: [Character] = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.,-+eEx×/ é💥\u{301}\u{0}")

        /// A key, an editor burst or a resize; the quit keys are rare so that the screens between
        /// restarts get many keys.
        mutating func next() -> [Event] {
            switch int(0...99) {
            case 0..<45: return [.key(pick(Self.bound))]
            case 45..<65: return [.key(pick(Self.special))]
            case 65..<80: return [.key(.character(pick(Self.text)))]
            case 80..<84:  // open the editor, type into a few fields, then Enter or Esc
                var events: [Event] = [.key(.character("e"))]
                for _ in 0..<int(1...4) {
                    for _ in 0..<int(0...6) { events.append(.key(pick([.down, .down, .up, .tab, .left, .right]))) }
                    for _ in 0..<int(0...3) { events.append(.key(pick([.backspace, .backspace, .delete]))) }
                    for _ in 0..<int(0...4) { events.append(.key(.character(pick(Array("0123456789.x-e"))))) }
                }
                events.append(.key(pick([.enter, .enter, .escape])))
                return events
            case 84..<96:
                return [.resize(int(1...250), int(1...80))]
            case 96..<98:
                return [.resize(pick([79, 80, 81, 119, 120, 121]), pick([23, 24, 25, 39, 40, 41]))]
            default:
                return [.key(pick([.character("q"), .ctrlC]))]
            }
        }
    }

    @Test func tenThousandKeysKeepTheScreenConsistent() throws {
        let start = ContinuousClock.now
        var storm = Storm(rng: SeededGenerator(seed: Self.seed, stream: 3))
        var run = ScriptedRun(config: Self.baseConfig(), width: 120, height: 40)
        var pressed = 0, renders = 0, quits = 0, resizes = 0, applied = 0, steps = 0, divergences = 0
        var recent: [String] = []
        var sinceRender = 0
        while pressed < Self.keyCount {
            for var event in storm.next() {
                // An expensive configuration is cancelled rather than trained (see `isCheap`).
                if case .key(.enter) = event, case .editor(let editor) = run.state.overlay,
                   case .success(let config) = editor.makeConfig(), !Self.isCheap(config) {
                    event = .key(.escape)
                }
                let before = run.state
                switch event {
                case .key(let key):
                    run.press([key])
                    pressed += 1
                case .resize(let width, let height):
                    run.resize(width: width, height: height)
                    resizes += 1
                }
                // The real UI's training thread goes on by itself while running; here a few steps
                // between keys stand in for it.
                if run.state.isRunning, run.state.run.divergence == nil, storm.int(0...3) == 0 {
                    run.train(untilStep: run.state.run.stepCount + storm.int(1...3))
                }
                recent.append(event.description)
                if recent.count > 12 { recent.removeFirst() }
                if run.state.config != before.config { applied += 1 }
                if run.state.run.stepCount > before.run.stepCount { steps += 1 }
                if run.state.run.divergence != nil, before.run.divergence == nil { divergences += 1 }

                sinceRender += 1
                if sinceRender >= Self.renderEvery || run.state.shouldQuit {
                    sinceRender = 0
                    renders += 1
                    let problems = Self.problems(in: run)
                    if !problems.isEmpty {
                        Issue.record("after \(pressed) keys (last: \(recent.joined(separator: ", "))): \(problems.joined(separator: "; "))")
                        return
                    }
                }
                if run.state.shouldQuit {
                    quits += 1
                    // Start again where the user would: the same size, the last settings.
                    run = ScriptedRun(config: Self.isCheap(run.state.config) ? run.state.config : Self.baseConfig(),
                                      width: run.state.width, height: run.state.height)
                }
            }
        }
        // Ctrl-C quits from anywhere, also from an open overlay.
        run.press([.character("e"), .ctrlC])
        #expect(run.state.shouldQuit)
        let elapsed = ContinuousClock.now - start
        print("key storm: \(pressed) keys, \(resizes) resizes, \(renders) screens checked, \(steps) steps, \(applied) settings changes, \(divergences) divergences, \(quits) quits and restarts in \(elapsed)")
        #expect(renders > Self.keyCount / Self.renderEvery / 2)
        #expect(quits > 0 && resizes > 0 && steps > 0 && applied > 0)
    }

    /// What is wrong with the screen for the run's state, if anything.
    static func problems(in run: ScriptedRun) -> [String] {
        let state = run.state
        var problems: [String] = []
        for glyphs in [GlyphSet.unicode, .ascii] where glyphs == .unicode || state.width % 5 == 0 {
            let grid = run.render(glyphs: glyphs)
            let text = grid.text
            if grid.width != state.width || grid.height != state.height || text.count != state.height {
                problems.append("grid is \(grid.width)×\(grid.height) (\(text.count) lines), state \(state.width)×\(state.height)")
                continue
            }
            if let long = text.first(where: { $0.count > state.width }) {
                problems.append("a line is \(long.count) characters wide, more than \(state.width): \(long)")
            }
            if glyphs == .ascii, !text.allSatisfy({ $0.allSatisfy(\.isASCII) }) {
                problems.append("ASCII screen has non-ASCII characters")
            }
            let joined = text.joined(separator: "\n")
            if state.width < Screen.minimumWidth || state.height < Screen.minimumHeight {
                let message = "terminal too small: have \(state.width)×\(state.height), need 80×24"
                var visible = Text.truncated(message, to: state.width, glyphs: glyphs)
                if glyphs == .ascii { visible = visible.replacingOccurrences(of: "×", with: "x").replacingOccurrences(of: "…", with: "~") }
                if !joined.contains(visible) { problems.append("too small, but no \"\(visible)\" on screen") }
                continue
            }
            if joined.contains("terminal too small") { problems.append("too-small message at \(state.width)×\(state.height)") }
            guard state.overlay == nil else { continue }
            let header = text[0]
            let variant = state.run.config.variant.displayName
            if state.lesson == nil {
                if !header.contains(variant) { problems.append("header does not name \(variant): \(header)") }
                if !header.contains("step \(state.run.stepCount)") { problems.append("header does not say step \(state.run.stepCount): \(header)") }
                if state.run.divergence != nil, !header.contains("diverged") { problems.append("diverged run, header: \(header)") }
            }
            if !text[state.height - 1].hasPrefix("q quit") { problems.append("no key bar: \(text[state.height - 1])") }
        }
        return problems
    }
}
