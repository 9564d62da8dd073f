/// The loss of the regression lessons (γ and β, RevIN): the mean of (y − t)² over every
/// element, and its gradient ∂L/∂y = 2(y − t)/count. Summed in Double.
public enum MeanSquaredError {
    public static func evaluate(_ y: [Float], _ t: [Float]) -> (loss: Double, dy: [Float]) {
        precondition(y.count == t.count && !y.isEmpty, "prediction and target must have the same, non-zero length")
        var sum = 0.0
        var dy = [Float](repeating: 0, count: y.count)
        let scale = 2 / Double(y.count)
        for i in y.indices {
            let difference = Double(y[i]) - Double(t[i])
            sum += difference * difference
            dy[i] = Float(scale * difference)
        }
        return (sum / Double(y.count), dy)
    }
}
