import Foundation
import Testing
import NormMath
import NormLessons
@testable import NormTUI

/// The UI's catalogue is complete in German: a new English string without its German fails
/// here, before a class sees English in the middle of a German screen.
struct UITextTests {
    /// Texts that are the same in both languages on purpose: symbols and the names the
    /// glossary itself uses in English.
    static let sameInBothLanguages: Set<String> = ["ε", "Batch Norm"]

    /// Every `Localized` in `value`, found through its stored properties, dictionaries and
    /// optionals, so that a new entry is checked without being listed here.
    static func entries(in value: Any, path: String = "UIText") -> [(path: String, text: Localized)] {
        if let text = value as? Localized { return [(path, text)] }
        return Mirror(reflecting: value).children.enumerated().flatMap { index, child in
            entries(in: child.value, path: path + "." + (child.label ?? "\(index)"))
        }
    }

    static func placeholders(_ text: String) -> Set<String> {
        Set((1...9).map { "{\($0)}" }.filter(text.contains))
    }

    @Test func everyEnglishEntryHasItsGerman() {
        let entries = Self.entries(in: UIText.catalogue)
        #expect(entries.count > 100)
        for (path, text) in entries {
            #expect(!text.en.isEmpty, "\(path): no English")
            #expect(!text.de.trimmingCharacters(in: .whitespaces).isEmpty, "\(path): no German for \"\(text.en)\"")
            if !Self.sameInBothLanguages.contains(text.en) {
                #expect(text.de != text.en, "\(path): the German is the English \"\(text.en)\"")
            }
            #expect(Self.placeholders(text.en) == Self.placeholders(text.de), "\(path): the values {n} differ")
        }
    }

    @Test func everySettingAndKeyHasGermanTexts() {
        let settings = UIText.catalogue.settings
        for setting in ExperimentSetting.all {
            #expect(settings.entries[setting.name] != nil, "no German label for the setting \(setting.name.rawValue)")
        }
        for name in CompareSetting.Name.allCases {
            #expect(UIText.catalogue.compareSettings[name] != nil, "no German name for the compared setting \(name.rawValue)")
        }
        for binding in KeyTable.bindings {
            #expect(binding.text.help(.de) != binding.text.help(.en), "key \(binding.keyLabel): help not in German")
        }
    }

    /// The catalogue's English sentences of two words or more never show on a German screen:
    /// catches a view that still writes a literal instead of asking the catalogue.
    @Test(arguments: ["", "?", "e", "e Right Right Right Down BSpace 5 Enter", "c s s", "4 t s x"])
    func germanScreensShowNoEnglishEntry(keys: String) throws {
        var run = ScriptedRun(config: ExperimentConfig(), width: 120, height: 40, language: .de)
        run.train(untilStep: 5)
        run.press(try KeyNames.parse(keys))
        let screen = run.render(glyphs: .unicode).text.joined(separator: "\n")
        let english = Self.entries(in: UIText.catalogue).map(\.text.en)
            .flatMap { $0.components(separatedBy: CharacterSet(charactersIn: "{}")) }
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { phrase in
                phrase.split(separator: " ").filter { $0.contains(where: \.isLetter) }.count >= 2
                    && !Self.sameInBothLanguages.contains(phrase)
            }
        for phrase in Set(english) where screen.contains(phrase) {
            Issue.record("\"\(phrase)\" is English on the German screen after \"\(keys)\"")
        }
    }

    @Test func refusalsFromNormMathAreSaidInGerman() throws {
        let text = UIText.catalogue
        for entry in text.problems { _ = try NSRegularExpression(pattern: entry.en) }
        #expect(text.problem("C = 16 is not divisible by G = 5", .de) == "C = 16 ist nicht durch G = 5 teilbar")
        #expect(text.problem("C = 16 is not divisible by G = 5", .en) == "C = 16 is not divisible by G = 5")
        var config = ExperimentConfig()
        config.shape = TensorShape(n: 2048, c: 4, h: 8, w: 8)
        let tooLarge = try #require(AppState.validate(config))
        #expect(text.problem(tooLarge.description, .de).hasPrefix("die Batch-Größe N = 2048 ist größer"))
        #expect(text.problem("loss exploded to 80.2 at step 2 (over 10× chance level, 23), layer 1 pre-norm std 5.1", .de)
            == "Verlust bei Schritt 2 auf 80.2 explodiert (über 10× Zufallsniveau 23), Schicht 1 vor der Norm: σ 5.1")
        #expect(text.problem("loss became NaN at step 4", .de) == "Verlust wurde bei Schritt 4 NaN")
    }

    @Test func germanNumbersHaveTheDecimalComma() {
        var run = ScriptedRun(config: ExperimentConfig(), width: 120, height: 40, language: .de)
        run.train(untilStep: 5)
        let screen = run.render(glyphs: .unicode).text.joined(separator: "\n")
        #expect(screen.contains("lr 0,05") && screen.contains(" %"))
        #expect(screen.range(of: #"\d\.\d"#, options: .regularExpression) == nil)
    }
}
