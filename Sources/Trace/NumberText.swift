/// Numbers as plain ASCII text, the same on every platform: as a reader writes them in an expression
/// or a lesson file (`plain`), and short `%g`-style values for verdicts and messages (`general`).
/// Prose, captions and figure labels use Plot's `NumberFormat` (true minus signs, superscripts).
public enum NumberText {
    /// A number as a reader writes it: `2` rather than `2.0`, `0.5`, `-3`, `0.001`, `1e-08`.
    public static func plain(_ value: Double) -> String {
        if value == value.rounded(), Swift.abs(value) < 1e15 { return String(Int64(value)) }
        return String(value)
    }

    /// `value` with `digits` significant digits in the style of C's `%g`:
    /// `8.1e-09`, `1e-08`, `0.0081`, `28`, `-1.5e+06`; `nan`, `inf`, `-inf`.
    ///
    /// Pure Swift so every platform prints the same text.
    public static func general(_ value: Double, digits: Int = 2) -> String {
        if value.isNaN { return "nan" }
        if value.isInfinite { return value < 0 ? "-inf" : "inf" }
        if value == 0 { return value.sign == .minus ? "-0" : "0" }
        let precision = max(digits, 1)
        var exponent = 0
        var mantissa = value.magnitude
        while mantissa >= 10 { mantissa /= 10; exponent += 1 }
        while mantissa < 1 { mantissa *= 10; exponent -= 1 }
        var scale = 1.0
        for _ in 1..<precision { scale *= 10 }
        var rounded = (mantissa * scale).rounded()
        if rounded >= scale * 10 {
            rounded = (rounded / 10).rounded()
            exponent += 1
        }
        var digitText = String(UInt64(rounded))
        let sign = value < 0 ? "-" : ""
        if exponent < -4 || exponent >= precision {
            let first = digitText.removeFirst()
            while digitText.last == "0" { digitText.removeLast() }
            let fraction = digitText.isEmpty ? "" : "." + digitText
            let exponentText = String(exponent.magnitude)
            let paddedExponent = exponentText.count < 2 ? "0" + exponentText : exponentText
            return "\(sign)\(first)\(fraction)e\(exponent < 0 ? "-" : "+")\(paddedExponent)"
        }
        // Fixed notation: the decimal point sits after exponent + 1 digits.
        var text: String
        if exponent >= 0 {
            let integerDigits = exponent + 1
            let integerPart = String(digitText.prefix(integerDigits))
            var fractionPart = String(digitText.dropFirst(integerDigits))
            while fractionPart.last == "0" { fractionPart.removeLast() }
            text = fractionPart.isEmpty ? integerPart : integerPart + "." + fractionPart
        } else {
            var fractionPart = String(repeating: "0", count: -exponent - 1) + digitText
            while fractionPart.last == "0" { fractionPart.removeLast() }
            text = "0." + fractionPart
        }
        return sign + text
    }
}
