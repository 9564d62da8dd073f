import NormMath

extension ExperimentConfig {
    /// A run small enough that tests can step it many times: blobs at 16×8×6×6, depth 2.
    static var small: ExperimentConfig {
        var config = ExperimentConfig()
        config.shape = TensorShape(n: 16, c: 8, h: 6, w: 6)
        config.depth = 2
        config.dataset = "blobs"
        return config
    }
}
