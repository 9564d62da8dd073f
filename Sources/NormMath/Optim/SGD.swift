/// Stochastic gradient descent with momentum and weight decay, with PyTorch's update rule
/// (`torch.optim.SGD`, dampening 0, no Nesterov), per parameter p with gradient ∇:
///
///     g = ∇ + λ·p                       (weight decay, added to the gradient first)
///     buf = g            on the first step
///     buf = μ·buf + g    afterwards
///     p  -= lr·buf
///
/// The optimizer owns one momentum buffer per parameter *slot*: the caller numbers its
/// parameter arrays 0, 1, 2, … and passes the same slot for the same array on every step.
public struct SGD: Sendable {
    public var learningRate: Float
    /// μ; 0 disables momentum (and its buffers).
    public var momentum: Float
    /// λ, the L2 penalty's coefficient.
    public var weightDecay: Float
    /// Momentum buffers by slot; empty until a slot's first step.
    var buffers: [[Float]] = []

    public init(learningRate: Float, momentum: Float = 0, weightDecay: Float = 0) {
        self.learningRate = learningRate
        self.momentum = momentum
        self.weightDecay = weightDecay
    }

    /// Updates `parameter` in place with its `gradient`.
    /// - Parameters:
    ///   - parameter: the weights, updated in place.
    ///   - gradient: ∂L/∂parameter.
    ///   - slot: which parameter this is, 0-based and stable across steps.
    /// - Precondition: the gradient has the parameter's length, and the slot has always been
    ///   used for arrays of that length.
    public mutating func step(_ parameter: inout [Float], gradient: [Float], slot: Int) {
        precondition(parameter.count == gradient.count, "the gradient must have the parameter's length")
        precondition(slot >= 0, "slots are numbered from 0")
        let (lr, mu, lambda) = (learningRate, momentum, weightDecay)
        let count = parameter.count
        guard mu != 0 else {
            parameter.withUnsafeMutableBufferPointer { p in
                gradient.withUnsafeBufferPointer { grad in
                    for i in 0..<count { p[i] -= lr * (grad[i] + lambda * p[i]) }
                }
            }
            return
        }
        if buffers.count <= slot {
            buffers.append(contentsOf: Array(repeating: [], count: slot + 1 - buffers.count))
        }
        let first = buffers[slot].isEmpty
        if first { buffers[slot] = Array(repeating: 0, count: count) }
        precondition(buffers[slot].count == count, "slot \(slot) was used for a parameter of another length")
        parameter.withUnsafeMutableBufferPointer { p in
            gradient.withUnsafeBufferPointer { grad in
                buffers[slot].withUnsafeMutableBufferPointer { buf in
                    for i in 0..<count {
                        let g = grad[i] + lambda * p[i]
                        buf[i] = first ? g : mu * buf[i] + g
                        p[i] -= lr * buf[i]
                    }
                }
            }
        }
    }

    /// Forgets all momentum, as a freshly built optimizer.
    public mutating func reset() {
        buffers = []
    }
}
