/// Probing the loss landscape around the current weights, as Santurkar et al. (2018, "How
/// does batch normalization help optimization?", Fig. 4) do: take the gradient at this point
/// and look at the loss a step of size η along it would reach, for a range of η. A smooth
/// landscape keeps those losses close together; a rough one makes them scatter, which is
/// what forbids large learning rates.
extension Trainer {
    /// The loss on `batch` at w − η·g for each η in `stepSizes`, where g is the gradient of
    /// the loss on `batch` at the current weights w (every parameter: weights, biases, γ, β
    /// and the head). Train mode, as training sees the loss; the run itself is untouched —
    /// no update, no momentum, and the running statistics stay as they are.
    /// - Parameters:
    ///   - batch: the images to measure on; a fixed one (``probeBatch(size:)``) makes the
    ///     measurements of successive steps comparable.
    ///   - stepSizes: the η to try, in units of the parameters (not of the learning rate).
    public func lossAlongGradient(on batch: Batch, stepSizes: [Double]) -> LossAlongGradient {
        var copy = network
        guard let pass = try? copy.forward(batch.images, batch: batch.shape.n, mode: .train) else {
            return LossAlongGradient(stepSizes: stepSizes, lossHere: .nan, losses: stepSizes.map { _ in .nan }, gradientNorm: .nan)
        }
        let here = SoftmaxCrossEntropy.evaluate(logits: pass.logits, labels: batch.labels, classes: network.classCount)
        guard here.loss.isFinite else {
            return LossAlongGradient(
                stepSizes: stepSizes, lossHere: Double(here.loss), losses: stepSizes.map { _ in .nan }, gradientNorm: .nan)
        }
        let gradients = network.backward(dlogits: here.dlogits, pass: pass)
        let losses = stepSizes.map { eta -> Double in
            var moved = network
            moved.move(along: gradients, by: -Float(eta))
            guard let movedPass = try? moved.forward(batch.images, batch: batch.shape.n, mode: .train) else { return .nan }
            let result = SoftmaxCrossEntropy.evaluate(logits: movedPass.logits, labels: batch.labels, classes: network.classCount)
            return Double(result.loss)
        }
        return LossAlongGradient(
            stepSizes: stepSizes, lossHere: Double(here.loss), losses: losses, gradientNorm: gradients.norm)
    }
}

/// What ``Trainer/lossAlongGradient(on:stepSizes:)`` measured at one point of a run.
public struct LossAlongGradient: Sendable, Equatable {
    /// The η tried, in the order given.
    public var stepSizes: [Double]
    /// The loss at the current weights (η = 0).
    public var lossHere: Double
    /// The loss at w − η·g, one per step size; NaN where it was not finite.
    public var losses: [Double]
    /// ‖g‖ over every parameter.
    public var gradientNorm: Double

    /// The smallest and largest of ``losses``: the band Santurkar et al. plot; `nil` when a
    /// loss was not finite (the step left the numbers: the roughest landscape of all).
    public var range: ClosedRange<Double>? {
        guard !losses.isEmpty, losses.allSatisfy(\.isFinite) else { return nil }
        return losses.min()!...losses.max()!
    }
}

extension Network {
    /// Adds `scale`·g to every parameter that `gradients` has a gradient for.
    mutating func move(along gradients: NetworkGradients, by scale: Float) {
        for parameter in parameters {
            guard let gradient = gradients[parameter], self[parameter] != nil else { continue }
            self[parameter]!.withUnsafeMutableBufferPointer { values in
                for i in values.indices { values[i] += scale * gradient[i] }
            }
        }
    }
}
