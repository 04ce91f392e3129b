import Foundation

/// Numbers for prose and captions.
public enum NumberFormat {
    /// At most four significant digits, plain when 1e-3 ≤ |v| < 1e5, else `1.5×10⁻⁷` style markup-free text.
    public static func short(_ v: Double) -> String { significant(v, 4) }

    /// `digits` significant digits, trailing zeros dropped; a true minus sign; NaN and ±∞ spelled out.
    public static func significant(_ v: Double, _ digits: Int) -> String {
        if v.isNaN { return "NaN" }
        if v.isInfinite { return v > 0 ? "∞" : "−∞" }
        if v == 0 { return "0" }
        let magnitude = abs(v)
        var text: String
        if magnitude < 1e-3 || magnitude >= 1e6 {
            let parts = String(format: "%.\(max(0, digits - 1))e", magnitude).split(separator: "e")
            var mantissa = String(parts[0])
            if mantissa.contains(".") {
                while mantissa.hasSuffix("0") { mantissa.removeLast() }
                if mantissa.hasSuffix(".") { mantissa.removeLast() }
            }
            let exponent = Int(parts[1]) ?? 0
            text = "\(mantissa)×10\(superscript(exponent))"
        } else {
            let decimals = max(0, digits - 1 - Int(floor(log10(magnitude))))
            text = String(format: "%.\(decimals)f", magnitude)
            if text.contains(".") {
                while text.hasSuffix("0") { text.removeLast() }
                if text.hasSuffix(".") { text.removeLast() }
            }
        }
        return (v < 0 ? "−" : "") + text
    }

    /// An integer in Unicode superscript digits (with a superscript minus).
    static func superscript(_ n: Int) -> String {
        let digits: [Character] = ["⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"]
        return (n < 0 ? "⁻" : "") + String(abs(n)).map { digits[Int(String($0))!] }
    }

    /// A vector as `(a, b, c)`.
    public static func vector(_ values: [Double], digits: Int = 6) -> String {
        "(" + values.map { significant($0, digits) }.joined(separator: ", ") + ")"
    }
}
