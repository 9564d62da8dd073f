/// The speeds `+` and `-` step through: from single steps a class can follow one by one to
/// as fast as the machine goes.
enum Speed {
    /// Steps per second; `nil` is unlimited.
    static let levels: [Double?] = [1, 2, 5, 10, 25, 50, 100, 250, 1000, nil]
    static let defaultIndex = 5

    static func label(_ index: Int) -> String {
        guard let rate = levels[index] else { return "max" }
        return "\(Int(rate))/s"
    }
}
