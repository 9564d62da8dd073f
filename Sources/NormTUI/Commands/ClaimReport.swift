import Foundation
import NormLessons

/// What `normtui lesson NAME --check` prints: every claim with the seeds it held on, as text
/// for people or as JSON for programs (docs/DESIGN.md, "Command-line contract").
struct ClaimReport {
    let lesson: Lesson
    let seeds: [UInt64]
    let results: [ClaimCheck.Result]
    let language: Language

    /// The first claim that did not hold, and on which seed, for the closing `claim:` line.
    var firstFailure: (claim: String, seed: UInt64, measured: String)? {
        for result in results {
            if let index = result.verdicts.firstIndex(where: { !$0.holds }) {
                return (result.claim.id, seeds[index], result.verdicts[index].measured(language))
            }
        }
        return nil
    }

    /// The report for people, in the lesson's language (`--lang de` for a German class); the
    /// marks, ids and counts stay the same in both, for scripts.
    var text: String {
        let (first, last) = (seeds[0], seeds[seeds.count - 1])
        let seedRange = seeds.count == 1
            ? Localized(en: "seed \(first)", de: "Seed \(first)") : Localized(en: "seeds \(first)–\(last)", de: "den Seeds \(first)–\(last)")
        let header = Localized(
            en: "Lesson \(lesson.number), \(lesson.title.en): \(results.count) claims on \(seedRange.en)",
            de: "Lektion \(lesson.number), \(lesson.title.de): \(results.count) Aussagen bei \(seedRange.de)")
        var lines = [header(language)]
        for result in results {
            let mark = result.holdsEverywhere ? "✓" : "✗"
            let judged = Localized(en: "judged at step \(result.claim.step)", de: "geprüft bei Schritt \(result.claim.step)")
            lines.append("")
            lines.append("\(mark) \(result.holdCount)/\(seeds.count)  \(result.claim.id) (\(judged(language)))")
            lines.append("  \(result.claim.text(language))")
            for (seed, verdict) in zip(seeds, result.verdicts) {
                let outcome = verdict.holds
                    ? Localized(en: "seed \(seed): holds", de: "Seed \(seed): gilt")
                    : Localized(en: "seed \(seed): does not hold", de: "Seed \(seed): gilt nicht")
                lines.append("  \(outcome(language)) — \(verdict.measured(language))")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `{"lesson": ID, "seeds": [..], "claims": [{"id", "text", "step", "holds": [..], "measured": [..]}]}`.
    var json: String {
        let object: [String: Any] = [
            "lesson": lesson.id,
            "seeds": seeds.map { NSNumber(value: $0) },
            "claims": results.map { result in
                [
                    "id": result.claim.id, "text": result.claim.text(language), "step": result.claim.step,
                    "holds": result.verdicts.map(\.holds), "measured": result.verdicts.map { $0.measured(language) },
                ] as [String: Any]
            },
        ]
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
