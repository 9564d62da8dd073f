extension ExperimentSetting {
    /// What a value that runs but may surprise means, said where it is chosen (the settings
    /// editor) and when it is applied: ε = 0 and "eval every 0" are legal, and mean something
    /// a class should hear. `nil` for an ordinary value.
    public static func note(_ name: Name, in config: ExperimentConfig) -> String? {
        switch name {
        case .eps where config.eps == 0:
            "ε = 0: a constant channel (σ = 0) divides 0 by 0, and its output is NaN"
        case .evalEvery where config.evalEvery == 0:
            "eval every 0 means never: no held-out accuracy is measured"
        default:
            nil
        }
    }

    /// Every note that applies to `config`, in table order.
    public static func notes(for config: ExperimentConfig) -> [String] {
        all.compactMap { note($0.name, in: config) }
    }
}
