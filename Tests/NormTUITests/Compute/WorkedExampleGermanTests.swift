import Foundation
import NormMath
import NormLessons
import NumberFormatting
@testable import NormTUI
import Testing

/// `compute --format text --lang de`: German sentences and decimal commas, the same
/// arithmetic; the English text is untouched by the German one.
@Suite struct WorkedExampleGermanTests {
    static func text(_ json: String, _ language: Language) throws -> String {
        let request = try ComputeRequest(json: Data(json.utf8))
        let result = try request.run()
        return NumberFormat.withStyle(language.decimalStyle) {
            WorkedExample(request: request, result: result, language: language).text
        }
    }

    @Test(arguments: WorkedExampleTests.cases)
    func germanHasGermanSentencesAndDecimalCommas(json: String) throws {
        let english = try Self.text(json, .en)
        let german = try Self.text(json, .de)
        #expect(english == (try WorkedExampleTests.text(json)))
        #expect(german.contains("Gruppe 0:") && german.contains("Werte"))
        #expect(german.contains("modus"))
        #expect(german.range(of: #"\d\.\d"#, options: .regularExpression) == nil, "a decimal point in:\n\(german)")
        #expect(german.range(of: #"\d,\d"#, options: .regularExpression) != nil)
        // The same lines, and the same formulas: only words and separators differ.
        #expect(german.split(separator: "\n").count == english.split(separator: "\n").count)
        for word in ["Group 0", "values", "channel", "Statistics", "Backward", "more)"] {
            #expect(!german.contains(word), "\"\(word)\" in:\n\(german)")
        }
    }
}
