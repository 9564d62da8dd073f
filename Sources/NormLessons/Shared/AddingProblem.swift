import NormMath

/// The adding problem (Hochreiter & Schmidhuber 1997, §5.4; the form of Le et al. 2015): a
/// sequence of T steps, each with two features — a value drawn uniformly from [0, 1] and a
/// marker that is 1 at exactly two steps and 0 elsewhere. The target is the sum of the two
/// marked values. One marker lies in the first half, one in the second, so that the network
/// must keep a value for up to T steps: a long-range task in a few lines.
///
/// Predicting the mean, 1, without looking at the sequence has a mean squared error of
/// Var(u₁ + u₂) = 2/12 = 1/6: the yardstick of learning anything.
public enum AddingProblem {
    /// The two features of a step: value, marker.
    public static let features = 2
    /// The error of always predicting the mean sum, 1.
    public static let meanBaseline = 1.0 / 6.0

    /// N sequences of `length` steps, time-major `[T, N, 2]`, and their targets `[N]`.
    /// - Parameters:
    ///   - count: N.
    ///   - length: T, at least 2.
    public static func batch(count: Int, length: Int, using generator: inout SeededGenerator) -> (x: [Float], targets: [Float]) {
        var x = [Float](repeating: 0, count: length * count * features)
        var targets = [Float](repeating: 0, count: count)
        let half = length / 2
        for n in 0..<count {
            let first = generator.nextInt(below: half), second = half + generator.nextInt(below: length - half)
            var sum: Float = 0
            for t in 0..<length {
                let value = generator.nextUniform()
                let index = (t * count + n) * features
                x[index] = value
                if t == first || t == second {
                    x[index + 1] = 1
                    sum += value
                }
            }
            targets[n] = sum
        }
        return (x, targets)
    }
}
