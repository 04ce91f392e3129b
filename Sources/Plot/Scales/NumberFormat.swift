import Foundation

/// Numbers for people: prose, captions, titles and labels. One rule for every place a value is
/// shown without an axis step: `digits` significant digits, trailing zeros dropped, a true minus
/// sign, NaN and ±∞ spelled out, and ×10ᵏ outside a range of ordinary magnitudes. Tick labels,
/// which take their decimals from the step between ticks, are `Ticks.format`; plain ASCII for
/// files and terminals (`2`, `1e-08`) is Trace's `NumberText`.
public enum NumberFormat {
    /// How a number is set: where ×10ᵏ starts and how the exponent and large numbers are written.
    public struct Style: Sendable {
        /// ×10ᵏ at and above this magnitude (and below 10⁻³).
        var scientificFrom: Double
        /// The exponent as `<sup>` markup (figures, drawn by Pango) rather than Unicode superscripts.
        var markupExponent: Bool
        /// Whole numbers with more digits than asked are rounded to them and grouped: `12 300`.
        var roundsLarge: Bool

        /// Prose and captions: `1.5×10⁻⁷`, `123456`; ×10ᵏ from 10⁶.
        public static let prose = Style(scientificFrom: 1e6, markupExponent: false, roundsLarge: false)
        /// Figure titles and labels: `1.5×10<sup>−7</sup>`, `12 300`; ×10ᵏ from 10⁵, as tick labels.
        public static let label = Style(scientificFrom: 1e5, markupExponent: true, roundsLarge: true)
    }

    /// At most four significant digits in prose style.
    public static func short(_ v: Double) -> String { significant(v, 4) }

    /// `v` with `digits` significant digits in `style` (prose unless told).
    public static func significant(_ v: Double, _ digits: Int, style: Style = .prose) -> String {
        if v.isNaN { return "NaN" }
        if v.isInfinite { return v > 0 ? "∞" : "−∞" }
        if v == 0 { return "0" }
        let magnitude = abs(v)
        var text: String
        if magnitude < 1e-3 || magnitude >= style.scientificFrom {
            let parts = String(format: "%.\(max(0, digits - 1))e", magnitude).split(separator: "e")
            let exponent = Int(parts[1]) ?? 0
            let power = style.markupExponent
                ? "10<sup>\(exponent < 0 ? "−" : "")\(abs(exponent))</sup>" : "10\(superscript(exponent))"
            text = "\(withoutTrailingZeros(String(parts[0])))×\(power)"
        } else if style.roundsLarge && magnitude >= pow(10, Double(digits)) {
            let unit = pow(10, floor(log10(magnitude)) - Double(digits - 1))
            text = Ticks.grouped(String(format: "%.0f", (magnitude / unit).rounded() * unit))
        } else {
            let decimals = max(0, digits - 1 - Int(floor(log10(magnitude))))
            text = withoutTrailingZeros(String(format: "%.\(decimals)f", magnitude))
        }
        return (v < 0 ? "−" : "") + text
    }

    /// A vector as `(a, b, c)`.
    public static func vector(_ values: [Double], digits: Int = 6) -> String {
        "(" + values.map { significant($0, digits) }.joined(separator: ", ") + ")"
    }

    /// An integer in Unicode superscript digits (with a superscript minus).
    static func superscript(_ n: Int) -> String {
        let digits: [Character] = ["⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"]
        return (n < 0 ? "⁻" : "") + String(abs(n)).map { digits[Int(String($0))!] }
    }

    /// `1.500` → `1.5`, `2.0` → `2`; text without a point is left alone.
    private static func withoutTrailingZeros(_ text: String) -> String {
        guard text.contains(".") else { return text }
        var t = text
        while t.hasSuffix("0") { t.removeLast() }
        if t.hasSuffix(".") { t.removeLast() }
        return t
    }
}
