import Foundation

/// Softmax followed by the cross-entropy with integer labels, averaged over the batch — the
/// training loss, as PyTorch's `F.cross_entropy(logits, labels)`.
///
/// Fused, because the gradient of the pair is simply `(softmax(z) − onehot(label)) / N`, and
/// because log-softmax computed as `z − max − log Σ exp(z − max)` never overflows.
public enum SoftmaxCrossEntropy {
    public struct Result: Sendable {
        /// The mean cross-entropy over the batch.
        public var loss: Float
        /// Samples whose largest logit is the label's (the first one on ties).
        public var correct: Int
        /// ∂loss/∂logits, `[N, K]`.
        public var dlogits: [Float]
        /// The fraction of correctly classified samples.
        public var accuracy: Double
    }

    /// Loss, correct count and gradient for logits `[N, K]` and labels `[N]` in 0..<K.
    public static func evaluate(logits: [Float], labels: [Int], classes k: Int) -> Result {
        let n = labels.count
        precondition(k > 0 && n > 0 && logits.count == n * k, "logits must be [N, K] for N labels")
        precondition(labels.allSatisfy { (0..<k).contains($0) }, "every label must lie in 0..<K")
        var total = 0.0
        var correct = 0
        let dlogits = [Float](unsafeUninitializedCapacity: n * k) { d, initialized in
            logits.withUnsafeBufferPointer { zb in
                for row in 0..<n {
                    let z = zb.baseAddress! + row * k, g = d.baseAddress! + row * k
                    var best = 0
                    for j in 1..<k where z[j] > z[best] { best = j }
                    let largest = Double(z[best])
                    var sum = 0.0
                    for j in 0..<k { sum += exp(Double(z[j]) - largest) }
                    let logSum = log(sum)
                    let label = labels[row]
                    total += logSum - (Double(z[label]) - largest)
                    if best == label { correct += 1 }
                    for j in 0..<k {
                        let p = exp(Double(z[j]) - largest - logSum)
                        g[j] = Float((p - (j == label ? 1 : 0)) / Double(n))
                    }
                }
            }
            initialized = n * k
        }
        return Result(loss: Float(total / Double(n)), correct: correct, dlogits: dlogits, accuracy: Double(correct) / Double(n))
    }
}
