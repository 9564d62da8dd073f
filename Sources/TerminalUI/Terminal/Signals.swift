import CNcurses
import Glibc
import Synchronization

/// Signal handling for a terminal in curses mode.
///
/// SIGINT, SIGTERM and SIGHUP only record the signal: the main loop polls input with a
/// timeout, sees `pending`, restores the terminal outside the handler (curses is not
/// async-signal-safe) and exits with 128 + signal.
///
/// Crashes (a Swift trap is SIGILL or SIGTRAP) would otherwise leave the shell in the
/// alternate screen, in raw mode, with no cursor, and Swift's backtrace unreadable. The fatal
/// handler leaves curses mode, reinstalls whatever handler was there before (Swift's
/// backtracer) and lets the signal reach it.
public enum Signals {
    /// The last termination signal received, 0 if none.
    public static let pending = Atomic<Int32>(0)
    /// Whether curses mode is on, so a crash after `restore()` does not call `endwin` again.
    public static let cursesActive = Atomic<Bool>(false)

    /// Whether the terminal changed size since the last `takeResize()`. Curses reports a
    /// resize only when the size it then reads differs from the one it knows: resized to
    /// another size and back before the UI reads its input, the terminal has redrawn its
    /// contents but curses says nothing. This flag says so, so the next frame repaints all.
    public static let resized = Atomic<Bool>(false)

    public static let terminating: [Int32] = [SIGINT, SIGTERM, SIGHUP]
    public static let fatal: [Int32] = [SIGILL, SIGTRAP, SIGSEGV, SIGBUS, SIGFPE, SIGABRT]

    /// The handlers in place before `install()`, indexed by signal number. Fixed storage, so
    /// the fatal handler reads it without allocating.
    nonisolated(unsafe) private static let previous = UnsafeMutablePointer<sigaction>.allocate(capacity: 65)

    public static func install() {
        pending.store(0, ordering: .relaxed)
        for signal in terminating { install(signal, handler: { Signals.pending.store($0, ordering: .relaxed) }) }
        for signal in fatal {
            var action = sigaction()
            action.__sigaction_handler.sa_sigaction = leaveCursesAndForward
            sigemptyset(&action.sa_mask)
            action.sa_flags = SA_SIGINFO
            sigaction(signal, &action, previous + Int(signal))
        }
        resized.store(false, ordering: .relaxed)
        var action = sigaction()
        action.__sigaction_handler.sa_sigaction = noteResizeAndForward
        sigemptyset(&action.sa_mask)
        // SA_RESTART as curses has it: a resize does not end the input poll by itself.
        action.sa_flags = SA_SIGINFO | SA_RESTART
        sigaction(SIGWINCH, &action, previous + Int(SIGWINCH))
    }

    /// Puts back the handlers that were there before `install()`.
    public static func uninstall() {
        for signal in terminating + fatal + [SIGWINCH] { sigaction(signal, previous + Int(signal), nil) }
    }

    /// Whether the terminal was resized since the last call (and clears the note).
    public static func takeResize() -> Bool { resized.exchange(false, ordering: .relaxed) }

    /// Notes the resize, then lets curses' own handler (installed by `initscr`) see it too.
    private static let noteResizeAndForward: @convention(c) (Int32, UnsafeMutablePointer<siginfo_t>?, UnsafeMutableRawPointer?) -> Void = { signal, info, context in
        Signals.resized.store(true, ordering: .relaxed)
        let before = Signals.previous[Int(signal)]
        if before.sa_flags & SA_SIGINFO != 0 {
            before.__sigaction_handler.sa_sigaction?(signal, info, context)
        } else if let handler = before.__sigaction_handler.sa_handler,
                  UInt(bitPattern: unsafeBitCast(handler, to: Int.self)) > 1 {  // not SIG_DFL or SIG_IGN
            handler(signal)
        }
    }

    private static func install(_ signal: Int32, handler: @convention(c) (Int32) -> Void) {
        var action = sigaction()
        action.__sigaction_handler.sa_handler = handler
        sigemptyset(&action.sa_mask)
        // No SA_RESTART: a signal interrupts the input poll, so the main loop sees it at once.
        action.sa_flags = 0
        sigaction(signal, &action, previous + Int(signal))
    }

    private static let leaveCursesAndForward: @convention(c) (Int32, UnsafeMutablePointer<siginfo_t>?, UnsafeMutableRawPointer?) -> Void = { signal, info, _ in
        if Signals.cursesActive.exchange(false, ordering: .relaxed) { endwin() }
        // si_code <= 0: the signal was sent (kill, raise, abort), not raised by a fault.
        let sent = (info?.pointee.si_code ?? 0) <= 0
        if sent, info?.pointee._sifields._kill.si_pid != getpid() {
            // Another process sent it: nothing here crashed, so no backtrace. Swift's
            // backtracer would return to the interrupted code and the UI would run on without
            // curses; the default action ends the process as the sender meant.
            Glibc.signal(signal, SIG_DFL)
            raise(signal)  // delivered when this handler returns
            return
        }
        sigaction(signal, Signals.previous + Int(signal), nil)
        // A faulting instruction (SIGILL from a Swift trap, SIGSEGV, …) runs again on return
        // and reaches the previous handler by itself; SIGTRAP and a signal we raised ourselves
        // (abort) would not, so they are raised again (blocked until this handler returns).
        if sent || signal == SIGTRAP || signal == SIGABRT { raise(signal) }
    }
}
