@testable import TerminalUI
import Testing
import NumberFormatting

@Suite struct NumberFormatTests {
    @Test(arguments: [
        (0.0, "0"), (-0.0, "0"), (1, "1"), (-1, "-1"), (1.5, "1.5"), (2.50, "2.5"),
        (0.1, "0.1"), (0.123456, "0.123"), (0.0123, "0.0123"), (0.01, "0.01"),
        (0.00999, "9.99e-3"), (0.00123, "1.23e-3"), (1e-5, "1e-5"), (-2.5e-7, "-2.5e-7"),
        (12.345, "12.3"), (99.95, "100"), (123.4, "123"), (999.4, "999"), (999.6, "1k"),
        (1000, "1k"), (1234, "1.23k"), (12345, "12.3k"), (-12345, "-12.3k"), (123456, "123k"),
        (1_234_567, "1.23M"), (2e9, "2G"), (4.56e12, "4.56T"), (999.9e12, "1e15"), (1.5e20, "1.5e20"),
    ] as [(Double, String)])
    func short(value: Double, expected: String) {
        #expect(NumberFormat.short(value) == expected)
    }

    @Test func powersOfTenAreExact() {
        for exponent in -30...30 {
            let text = NumberFormat.short(Double("1e\(exponent)")!)
            let mantissa = text.prefix { $0 != "e" && !"kMGT".contains($0) }
            #expect([0.01, 0.1, 1, 10, 100].contains(Double(mantissa)), "1e\(exponent) → \(text)")
        }
    }

    @Test func nonFiniteValuesAreWords() {
        #expect(NumberFormat.short(.nan) == "nan")
        #expect(NumberFormat.short(.infinity) == "inf")
        #expect(NumberFormat.short(-.infinity) == "-inf")
        #expect(NumberFormat.percent(.nan) == "nan")
    }

    @Test func extremeMagnitudesDoNotOverflow() {
        #expect(NumberFormat.short(.leastNonzeroMagnitude) == "4.94e-324")
        #expect(NumberFormat.short(.greatestFiniteMagnitude) == "1.8e308")
        #expect(NumberFormat.short(Double(Float.leastNormalMagnitude)) == "1.18e-38")
    }

    @Test func floatValuesShowWithoutBinaryNoise() {
        #expect(NumberFormat.short(Double(Float(0.1))) == "0.1")
        #expect(NumberFormat.short(Double(Float(1e-5))) == "1e-5")
    }

    @Test func fitsInNineColumnsForMagnitudesUpTo1e99() {
        for value in [-1.23e-99, -1.23e99, -999.9e12, -0.0123, -123.456, -1.23e-3] {
            #expect(NumberFormat.short(value).count <= 9)
        }
    }

    @Test(arguments: [
        (0.9712, "97.1%"), (1.0, "100.0%"), (0.0, "0.0%"), (0.00049, "0.0%"), (0.5, "50.0%"),
        (-0.25, "-25.0%"), (0.123456, "12.3%"),
    ] as [(Double, String)])
    func percent(value: Double, expected: String) {
        #expect(NumberFormat.percent(value) == expected)
    }

    @Test(arguments: [
        (0.938, 2, "0.94"), (0.938, 1, "0.9"), (9.05e-3, 2, "9.1e-3"), (9.05e-3, 1, "9e-3"),
        (99.6, 2, "100"), (12345, 2, "12k"), (-0.0123, 1, "-0.01"), (0.996, 2, "1"), (1, 1, "1"),
    ])
    func fewerDigits(value: Double, significant: Int, expected: String) {
        #expect(NumberFormat.short(value, significant: significant) == expected)
    }

    /// A number is shortened to fit, never cut: the widest form that fits, or none.
    @Test func fittingShortensInsteadOfCutting() {
        #expect(NumberFormat.fitting(0.938, width: 5) == "0.938")
        #expect(NumberFormat.fitting(0.938, width: 4) == "0.94")
        #expect(NumberFormat.fitting(0.938, width: 3) == "0.9")
        #expect(NumberFormat.fitting(0.938, width: 2) == nil)
        #expect(NumberFormat.fitting(9.05e-3, width: 6) == "9.1e-3")
        for value in [0.00123, 1.5, 999.6, 12345, -2.5e-7, 3e40] {
            for width in 0...9 {
                if let text = NumberFormat.fitting(value, width: width) {
                    #expect(text.count <= width)
                    #expect(abs(Double(text.replacingOccurrences(of: "k", with: "e3")) ?? .nan) > 0, "\(text) reads as a number")
                }
            }
        }
    }
}
