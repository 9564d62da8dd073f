import NormMath

/// How far one training step moved a network's weight units, relative to their size: for every
/// unit i (one output's row of weights, in the blocks and the head — the units adaptive gradient
/// clipping bounds), ‖W_i(after) − W_i(before)‖ / ‖W_i(before)‖. Lesson 16 says how large this can
/// get under clipping with momentum and measures it.
public enum UnitStepSize {
    /// The largest relative change of any weight unit between `before` and `after` (the same
    /// network one step apart); 0 for units of zero size.
    public static func largest(from before: Network, to after: Network) -> Double {
        let outputs = before.activationShape.c
        var largest = 0.0
        for index in before.blocks.indices {
            let weight = before.blocks[index].weight
            largest = max(largest, largestChange(weight, after.blocks[index].weight, unitSize: weight.count / outputs))
        }
        return max(largest, largestChange(before.head.weight, after.head.weight, unitSize: before.head.inFeatures))
    }

    /// The largest ‖b_i − a_i‖ / ‖a_i‖ over the units (consecutive runs of `unitSize` values).
    static func largestChange(_ a: [Float], _ b: [Float], unitSize: Int) -> Double {
        var largest = 0.0
        for start in stride(from: 0, to: a.count, by: unitSize) {
            var size = 0.0, change = 0.0
            for i in start..<(start + unitSize) {
                size += Double(a[i]) * Double(a[i])
                change += (Double(b[i]) - Double(a[i])) * (Double(b[i]) - Double(a[i]))
            }
            if size > 0 { largest = max(largest, (change / size).squareRoot()) }
        }
        return largest
    }
}
