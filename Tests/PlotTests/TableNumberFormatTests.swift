import Testing
@testable import Plot

@Suite("Table number formatting")
struct TableNumberFormatTests {
    let six = ColumnNumberFormat(significantDigits: 6)

    private func markup(_ values: [Double], _ format: ColumnNumberFormat? = nil) -> [String] {
        (format ?? six).format(values).map(\.markup)
    }

    @Test func columnSharesDecimalsChosenByItsLargestValue() {
        #expect(markup([3, 12.5, 0.25]) == ["3.0000", "12.5000", "0.2500"])
        #expect(markup([0.5, 0.125]) == ["0.500000", "0.125000"])
    }

    @Test func significantDigitsAreConfigurable() {
        let three = ColumnNumberFormat(significantDigits: 3)
        #expect(markup([3.14159, 2.71828], three) == ["3.14", "2.72"])
        #expect(markup([123456.0], ColumnNumberFormat(significantDigits: 8)) == ["123456.00"])
    }

    @Test func exactZeroIsAPlainZero() {
        #expect(markup([0, 1.5, -0.0]) == ["0", "1.50000", "0"])
    }

    @Test func negativesUseTheTrueMinusSign() {
        #expect(markup([-1.5, 2]) == ["\u{2212}1.50000", "2.00000"])
        #expect(ColumnNumberFormat.integer(-42).markup == "\u{2212}42")
        #expect(!markup([-1.5]).joined().contains("-"))
    }

    @Test func nanAndInfinities() {
        #expect(markup([.nan, .infinity, -.infinity, 1]) == ["NaN", "∞", "\u{2212}∞", "1.00000"])
    }

    @Test func largeMagnitudesGoScientific() {
        #expect(markup([1_234_567, 2]) == ["1.23457×10<sup>6</sup>", "2.00000"])
        #expect(markup([-9.9e12]) == ["\u{2212}9.90000×10<sup>12</sup>"])
    }

    @Test func smallMagnitudesGoScientific() {
        #expect(markup([1, 0.00001234]) == ["1.00000", "1.23400×10<sup>\u{2212}5</sup>"])
        #expect(markup([0.001]) == ["0.00100000"])
    }

    @Test func oneValueNeedingScientificTakesTheWholeColumnWithIt() {
        #expect(markup([1_234_567, 25]) == ["1.23457×10<sup>6</sup>", "2.50000×10<sup>1</sup>"])
        #expect(markup([12, 0.00001234]) == ["1.20000×10<sup>1</sup>", "1.23400×10<sup>\u{2212}5</sup>"])
        #expect(markup([100, 0.0123]) == ["1.00000×10<sup>2</sup>", "1.23000×10<sup>\u{2212}2</sup>"])
        #expect(markup([1, 0.0123]) == ["1.00000", "0.01230"])
        // custom-loss's diverging run: loss and a gradient that no shared decimals can hold.
        #expect(markup([121, 113434, 3.12507e8]) == ["1.21000×10<sup>2</sup>", "1.13434×10<sup>5</sup>", "3.12507×10<sup>8</sup>"])
        #expect(markup([-1.26354, -447.8, 39069.9]) == ["\u{2212}1.26354", "\u{2212}4.47800×10<sup>2</sup>", "3.90699×10<sup>4</sup>"])
    }

    @Test func neverTimesTenToTheZero() {
        let values: [Double] = [-3.995, 47.9507, 1e-9, 8e7, 0, .nan]
        #expect(markup(values).allSatisfy { !$0.contains("10<sup>0</sup>") })
        #expect(six.format([-3.995, 1e9])[0] == .init(lead: "\u{2212}3", rest: ".99500"))
    }

    @Test func roundingThatCarriesIntoANewDigitWidensTheIntegerPart() {
        #expect(markup([9.9999996]) == ["10.0000"])
    }

    @Test func cellsSplitAtTheDecimalPoint() {
        let cells = six.format([-12.5, 0.00001234])
        #expect(cells[0] == .init(lead: "\u{2212}1", rest: ".25000×10<sup>1</sup>"))
        #expect(cells[1] == .init(lead: "1", rest: ".23400×10<sup>\u{2212}5</sup>"))
    }
}
