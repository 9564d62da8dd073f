/// The panels of the main screen, in Tab order. The focused one is drawn with a heavy border
/// and `z` zooms it to the whole body.
enum PanelID: Int, CaseIterable, Sendable {
    case histograms
    case statistics
    case gradients
    case progress

    var title: String {
        switch self {
        case .histograms: "Activations"
        case .statistics: "Running vs batch statistics"
        case .gradients: "Gradient norms"
        case .progress: "Loss & accuracy"
        }
    }
}
