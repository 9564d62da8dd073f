import NormLessons
import TerminalUI

/// The last page of a lesson that declares claims: each result its text states, with ✓ once
/// the run has shown it, ✗ and the numbers when it has not, and when it will be judged — so
/// that what a class is told is checked on the screen beside it.
struct ClaimsPage {
    let claims: [Claim]
    let snapshot: LessonSnapshot?

    /// The page's text: one paragraph per claim.
    func text(_ language: Language, glyphs: GlyphSet) -> String {
        let ui = UIText.catalogue
        let (yes, no) = Self.marks(glyphs)
        var paragraphs: [String] = []
        if snapshot?.isCustomized == true {
            paragraphs.append(ui.claimsCustomized(language))
        }
        for claim in claims {
            guard let verdicts = snapshot?.verdicts[claim.id], let first = verdicts.first else {
                paragraphs.append("… \(claim.text(language))\n  " + ui.claimJudgedAt(language, claim.step))
                continue
            }
            let held = verdicts.filter(\.holds).count
            let mark = held == verdicts.count ? yes : no
            var lines = ["\(mark) \(claim.text(language))", "  \(first.measured(language))"]
            if verdicts.count > 1 {
                lines.append("  " + ui.claimHoldsOn(language, held, verdicts.count))
            }
            paragraphs.append(lines.joined(separator: "\n"))
        }
        return paragraphs.joined(separator: "\n\n")
    }

    /// "✓ 2/3" for the header once a claim is judged: how many of the claims held so far.
    func summary(glyphs: GlyphSet) -> String? {
        guard let verdicts = snapshot?.verdicts, !verdicts.isEmpty else { return nil }
        let held = claims.filter { verdicts[$0.id]?.allSatisfy(\.holds) == true }.count
        return "\(Self.marks(glyphs).yes) \(held)/\(claims.count)"
    }

    /// ✓ and ✗, or + and x where the terminal draws ASCII only.
    static func marks(_ glyphs: GlyphSet) -> (yes: String, no: String) {
        (String(glyphs.check), String(glyphs.cross))
    }
}
