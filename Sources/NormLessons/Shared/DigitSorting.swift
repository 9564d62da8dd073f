import NormMath

/// Lesson 12's token task: sequences of random digits, and at every position the digit that
/// belongs there once the sequence is sorted. Fresh sequences every step, drawn from the run's
/// seed: the model never sees a batch twice, so the training loss is also a held-out loss.
public enum DigitSorting {
    /// V: the digits 0–9.
    public static let vocabulary = 10

    /// `count` sequences of `length` digits, `[count·length]`, and their sorted versions.
    public static func batch(count: Int, length: Int, using generator: inout SeededGenerator) -> (tokens: [Int], targets: [Int]) {
        var tokens: [Int] = [], targets: [Int] = []
        tokens.reserveCapacity(count * length)
        targets.reserveCapacity(count * length)
        for _ in 0..<count {
            let sequence = (0..<length).map { _ in generator.nextInt(below: vocabulary) }
            tokens += sequence
            targets += sequence.sorted()
        }
        return (tokens, targets)
    }
}
