/// What the status line says when a reset puts a run aside and when `u` brings it back: the
/// words in one place, so that they read the same everywhere (and are easy to translate).
enum DiscardedRun {
    static func discarded(_ steps: Int) -> String {
        "; \(steps) step\(steps == 1 ? "" : "s") discarded — u brings \(steps == 1 ? "it" : "them") back"
    }

    static func broughtBack(_ steps: Int) -> String {
        "the run of \(steps) step\(steps == 1 ? "" : "s") is back — u again returns to the other"
    }

    static let nothingToUndo = "nothing to bring back: no run was discarded"
}
