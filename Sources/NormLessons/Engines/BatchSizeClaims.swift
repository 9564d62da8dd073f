/// What lesson 3's claims compare, as functions of the sweep's accuracies alone, so that a
/// test can feed numbers for which a claim must fail. Accuracies come per batch size, in the
/// order of the sweep's `batchSizes`, `nil` where a point is not done.
enum BatchSizeClaims {
    /// The lowest accuracy over the batch sizes that pass `include`, and its batch size; `nil`
    /// when one of them is not done (a claim about them cannot hold yet).
    static func lowest(
        _ accuracies: [Double?], of sizes: [Int], where include: (Int) -> Bool
    ) -> (batchSize: Int, accuracy: Double)? {
        var lowest: (batchSize: Int, accuracy: Double)?
        for (n, accuracy) in zip(sizes, accuracies) where include(n) {
            guard let accuracy else { return nil }
            if accuracy < lowest?.accuracy ?? .infinity { lowest = (n, accuracy) }
        }
        return lowest
    }

    /// The accuracy at batch size `n`, if that point is done.
    static func value(_ accuracies: [Double?], of sizes: [Int], at n: Int) -> Double? {
        zip(sizes, accuracies).first { $0.0 == n }?.1 ?? nil
    }

    /// Whether `leader` is more than `margin` (a fraction: 0.3 is 30 points) above `other`,
    /// with both numbers and the difference in points.
    static func ahead(_ leader: Double?, of other: Double?, by margin: Double, names: (Localized, Localized)) -> Verdict {
        guard let leader, let other else {
            return Verdict(holds: false, measured: Localized(en: "not measured", de: "nicht gemessen"))
        }
        let points = (leader - other) * 100
        return Verdict(
            holds: leader - other > margin,
            measured: Localized(
                en: "\(names.0.en): \(MeasuredNumber.percent(leader)), \(names.1.en): \(MeasuredNumber.percent(other)) (\(MeasuredNumber.short(points)) points apart)",
                de: "\(names.0.de): \(MeasuredNumber.percent(leader, .de)), \(names.1.de): \(MeasuredNumber.percent(other, .de)) (\(MeasuredNumber.short(points, .de)) Punkte Abstand)"))
    }

    /// "Batch Norm lowest 92.5% at N = 8".
    static func lowestText(_ lowest: (batchSize: Int, accuracy: Double)?, name: Localized) -> Localized {
        guard let lowest else { return Localized(en: "\(name.en): not all measured", de: "\(name.de): nicht alle gemessen") }
        return Localized(
            en: "\(name.en) lowest \(MeasuredNumber.percent(lowest.accuracy)) at N = \(lowest.batchSize)",
            de: "\(name.de) am niedrigsten: \(MeasuredNumber.percent(lowest.accuracy, .de)) bei N = \(lowest.batchSize)")
    }
}
