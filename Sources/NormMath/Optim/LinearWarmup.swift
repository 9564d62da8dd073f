/// A linear learning-rate warm-up (Goyal et al. 2017; Vaswani et al. 2017): the rate climbs
/// from lr/T to lr over the first T steps, then stays. Post-LN Transformers need it: at
/// initialization their gradients near the output are large, and full-size steps there undo
/// the start of training (Xiong et al. 2020, §3).
public struct LinearWarmup: Sendable, Hashable {
    /// T, the steps until the full rate; 0 means no warm-up.
    public let steps: Int

    public init(steps: Int) {
        precondition(steps >= 0, "a warm-up cannot take a negative number of steps")
        self.steps = steps
    }

    /// The fraction of the full rate for step `step` (1 for the first step): min(1, step/T).
    public func factor(atStep step: Int) -> Double {
        guard steps > 0 else { return 1 }
        return min(1, Double(max(step, 1)) / Double(steps))
    }
}
