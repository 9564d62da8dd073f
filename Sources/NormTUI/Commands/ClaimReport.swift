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

    var text: String {
        let seedRange = seeds.count == 1 ? "seed \(seeds[0])" : "seeds \(seeds[0])–\(seeds[seeds.count - 1])"
        var lines = ["Lesson \(lesson.number), \(lesson.title(language)): \(results.count) claims on \(seedRange)"]
        for result in results {
            let mark = result.holdsEverywhere ? "✓" : "✗"
            lines.append("")
            lines.append("\(mark) \(result.holdCount)/\(seeds.count)  \(result.claim.id) (judged at step \(result.claim.step))")
            lines.append("  \(result.claim.text(language))")
            for (seed, verdict) in zip(seeds, result.verdicts) {
                lines.append("  seed \(seed): \(verdict.holds ? "holds" : "does not hold") — \(verdict.measured(language))")
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
