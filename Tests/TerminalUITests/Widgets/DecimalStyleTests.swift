import Testing
import NumberFormatting

/// German numbers: the decimal comma and "97,1 %", only where asked for; English unchanged.
struct DecimalStyleTests {
    @Test func englishIsTheDefault() {
        #expect(NumberFormat.short(0.938) == "0.938")
        #expect(NumberFormat.percent(0.9712) == "97.1%")
        #expect(NumberFormat.separated("0.5 and 1.25") == "0.5 and 1.25")
    }

    @Test func commaStyleWritesGermanNumbers() {
        NumberFormat.withStyle(.comma) {
            #expect(NumberFormat.short(0.938) == "0,938")
            #expect(NumberFormat.short(0.00123) == "1,23e-3")
            #expect(NumberFormat.short(12345) == "12,3k")
            #expect(NumberFormat.short(42) == "42")
            #expect(NumberFormat.fitting(0.938, width: 3) == "0,9")
            #expect(NumberFormat.percent(0.9712) == "97,1 %")
            #expect(NumberFormat.percent(-0.05) == "-5,0 %")
            // Only a point between two digits is a decimal point.
            #expect(NumberFormat.separated("lr 0.05. Datei normtui.csv, v1.2") == "lr 0,05. Datei normtui.csv, v1,2")
        }
        #expect(NumberFormat.short(0.938) == "0.938")
    }
}
