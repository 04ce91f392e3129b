import Foundation

/// How one numeric table column turns numbers into aligned, printable markup.
///
/// A column uses one notation for all its numbers, as a textbook table does,
/// and aligns on the decimal point. Fixed notation shares one number of
/// decimals, chosen so the largest value shows exactly `significantDigits`
/// significant digits:
///
/// ```
/// e_max    = max over values of ⌊log10 |x|⌋ (after rounding)
/// decimals = max(0, significantDigits − 1 − e_max)
/// ```
///
/// The whole column is written in scientific notation instead
/// (`1.23457×10<sup>−5</sup>`, every mantissa with `significantDigits`
/// digits) as soon as one value would need it in fixed notation:
/// `|x| ≥ 10^significantDigits`, `|x| < 10^smallestFixedExponent`, or the
/// shared decimals would leave it with fewer than `minimumSignificantDigits`
/// digits. A scientific value whose exponent is 0 is written as its mantissa
/// alone (never `×10⁰`), still aligned on its point. Exact zeros print as
/// `0`, NaN as `NaN`, infinities as `∞` and `−∞`, and every minus sign is a
/// true minus (U+2212).
public struct ColumnNumberFormat: Equatable, Sendable {
    /// Significant digits of the column's largest value and of every scientific mantissa.
    public var significantDigits: Int
    /// Fewest significant digits a fixed-notation value may show before it goes scientific.
    public var minimumSignificantDigits: Int
    /// Values below `10^smallestFixedExponent` in magnitude are written in scientific notation.
    public var smallestFixedExponent: Int

    /// A format with `significantDigits` (at least 1) significant digits.
    public init(significantDigits: Int = 6, minimumSignificantDigits: Int = 3, smallestFixedExponent: Int = -3) {
        self.significantDigits = max(1, significantDigits)
        self.minimumSignificantDigits = max(1, min(minimumSignificantDigits, self.significantDigits))
        self.smallestFixedExponent = smallestFixedExponent
    }

    /// The true minus sign, U+2212.
    public static let minus = "\u{2212}"

    /// One formatted cell, split at the decimal point so a column can align on it.
    public struct Cell: Equatable, Sendable {
        /// Sign and integer digits (or a whole special value such as `NaN`), drawn left of the point.
        public var lead: String
        /// The point, the fraction and any `×10<sup>k</sup>` suffix; empty for integers and specials.
        public var rest: String
        /// The whole cell as Pango markup.
        public var markup: String { lead + rest }
        /// A cell from its two halves.
        public init(lead: String, rest: String = "") { self.lead = lead; self.rest = rest }
    }

    /// Formats a whole column at once, in one notation, so all values share their decimals or their style.
    public func format(_ values: [Double]) -> [Cell] {
        let exponents = values.map(roundedExponent).compactMap { $0 }
        let decimals = max(0, significantDigits - 1 - (exponents.max() ?? 0))
        let fixed = exponents.allSatisfy { fitsFixedRange($0) && $0 + 1 + decimals >= minimumSignificantDigits }
        return values.map { x in
            guard x.isFinite else { return special(x) }
            guard x != 0 else { return Cell(lead: "0") }
            return fixed ? self.fixed(x, decimals: decimals) : scientific(x)
        }
    }

    /// Formats an integer with a true minus sign.
    public static func integer(_ n: Int) -> Cell {
        Cell(lead: n < 0 ? minus + String(n.magnitude) : String(n))
    }

    /// Decimal exponent of `x` after rounding to the significant digits; nil for zero and non-finite values.
    private func roundedExponent(_ x: Double) -> Int? {
        guard x.isFinite, x != 0 else { return nil }
        // "%.*e" rounds first, so 9.999996 reports exponent 1, not 0.
        let s = String(format: "%.*e", significantDigits - 1, x.magnitude)
        guard let eIndex = s.firstIndex(of: "e"), let e = Int(s[s.index(after: eIndex)...]) else { return nil }
        return e
    }

    private func fitsFixedRange(_ e: Int) -> Bool { e >= smallestFixedExponent && e < significantDigits }

    private func special(_ x: Double) -> Cell {
        if x.isNaN { return Cell(lead: "NaN") }
        return Cell(lead: x < 0 ? Self.minus + "∞" : "∞")
    }

    private func fixed(_ x: Double, decimals: Int) -> Cell {
        let s = String(format: "%.*f", decimals, x.magnitude)
        let sign = x < 0 ? Self.minus : ""
        guard let dot = s.firstIndex(of: ".") else { return Cell(lead: sign + s) }
        return Cell(lead: sign + s[..<dot], rest: String(s[dot...]))
    }

    private func scientific(_ x: Double) -> Cell {
        let s = String(format: "%.*e", significantDigits - 1, x.magnitude)
        guard let eIndex = s.firstIndex(of: "e"), let e = Int(s[s.index(after: eIndex)...]) else {
            return Cell(lead: s)
        }
        let mantissa = s[..<eIndex]
        let sign = x < 0 ? Self.minus : ""
        let power = e == 0 ? "" : "×10<sup>" + (e < 0 ? Self.minus + String(-e) : String(e)) + "</sup>"
        guard let dot = mantissa.firstIndex(of: ".") else { return Cell(lead: sign + mantissa, rest: power) }
        return Cell(lead: sign + mantissa[..<dot], rest: String(mantissa[dot...]) + power)
    }
}
