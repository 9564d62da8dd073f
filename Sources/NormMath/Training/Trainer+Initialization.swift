extension Trainer {
    /// Replaces He initialization by a scheme of the caller's before the first step: `initialize`
    /// gets the network and the training set, e.g. to scale every block to unit variance on a
    /// first batch, as LSUV does (Mishkin & Matas 2016; lesson 16 pairs it with adaptive
    /// gradient clipping).
    /// - Precondition: no step has been taken yet.
    public mutating func initializeWeights(_ initialize: (inout Network, _ trainingSet: Dataset) throws -> Void) rethrows {
        precondition(stepCount == 0, "weights are initialized before the first step")
        try initialize(&network, trainingSet)
    }
}
