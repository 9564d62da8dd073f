/// Changes a training step's gradients between the backward pass and the update: a hook on
/// ``Trainer`` for methods that act on gradients rather than being a layer, such as adaptive
/// gradient clipping (Brock et al. 2021, see ``AdaptiveGradientClipping``).
public protocol GradientTransform: Sendable {
    /// Changes `gradients`, which belong to `network`'s parameters before this step's update.
    /// A transform may remember what it did, for a lesson to show (e.g. how much it clipped).
    mutating func transform(_ gradients: inout NetworkGradients, of network: Network)
}
