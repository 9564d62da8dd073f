import NormMath

/// The digits, split into training and held-out images exactly as every ``Trainer`` splits
/// them, for lessons that train models of their own.
public enum DigitsSplit {
    /// - Parameter height: and width: the size the images are resampled to (8 is their own).
    public static func make(height: Int = 8, width: Int = 8) -> (train: Dataset, heldOut: Dataset) {
        do {
            let data = try Dataset.make("digits", height: height, width: width, seed: 1)
            let trainer = try Trainer(config: ExperimentConfig(), data: data)
            return (trainer.trainingSet, trainer.heldOutSet)
        } catch {
            preconditionFailure("the digits are part of the package: \(error)")
        }
    }
}
