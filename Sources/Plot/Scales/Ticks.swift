import Foundation

/// Nice tick values and their labels.
public enum Ticks {
    /// The smallest step from 1, 2, 2.5, 5 × 10ᵏ that is at least `raw`.
    ///
    /// ```
    /// 0.13 → 0.2,  0.7 → 1,  23 → 25,  4.1 → 5
    /// ```
    public static func niceStep(_ raw: Double) -> Double {
        guard raw.isFinite, raw > 0 else { return 1 }
        let magnitude = pow(10, floor(log10(raw)))
        let fraction = raw / magnitude
        for nice in [1.0, 2, 2.5, 5] where fraction <= nice * (1 + 1e-9) { return nice * magnitude }
        return 10 * magnitude
    }

    /// Ticks on a nice step covering `[lower, upper]`, about `target` of them.
    public static func linear(from lower: Double, to upper: Double, target: Int) -> [Tick] {
        let values = linearValues(from: lower, to: upper, target: target)
        guard values.count >= 2 else { return values.map { Tick(value: $0, label: format($0, step: 1)) } }
        let step = values[1] - values[0]
        return values.map { Tick(value: $0, label: format($0, step: step, largest: Swift.max(abs(lower), abs(upper)))) }
    }

    /// Ticks at whole numbers only (matrix rows and columns, indices), about `target` of them and
    /// at least 1 apart: every index of a short range, `0, 5, 10, 15` of a longer one.
    public static func whole(from lower: Double, to upper: Double, target: Int) -> [Tick] {
        guard lower.isFinite, upper.isFinite else { return [] }
        let first = (lower - 1e-9).rounded(.up), last = (upper + 1e-9).rounded(.down)
        guard last >= first else { return [] }
        let step = Swift.max(1, niceStep((last - first) / Double(Swift.max(1, target - 1))).rounded(.up))
        return stride(from: (first / step).rounded(.up) * step, through: last, by: step)
            .map { Tick(value: $0 == 0 ? 0 : $0, label: format($0, step: 1)) }
    }

    /// Multiples of a nice step inside `[lower, upper]`, about `target` of them, and at least two when
    /// `target` asks for two or more (a narrow panel over −4.5…1.5 gets −4, −2, 0, not 0 alone).
    public static func linearValues(from lower: Double, to upper: Double, target: Int) -> [Double] {
        guard lower.isFinite, upper.isFinite else { return [] }
        guard upper > lower else { return [lower] }
        var step = niceStep((upper - lower) / Double(Swift.max(1, target - 1)))
        while true {
            let first = (lower / step - 1e-9).rounded(.up)
            var values: [Double] = []
            var k = first
            while k * step <= upper + step * 1e-9 {
                let v = k * step
                values.append(v == 0 ? 0 : v)
                k += 1
            }
            if values.count >= 2 || target < 2 || step <= (upper - lower) / 8 { return values }
            step = smallerNiceStep(step)
        }
    }

    /// The next nice step below `step` among 1, 2, 2.5, 5 × 10ᵏ: 10 → 5 → 2.5 → 2 → 1.
    static func smallerNiceStep(_ step: Double) -> Double {
        let magnitude = pow(10, floor(log10(step) + 1e-9))
        let fraction = step / magnitude
        for nice in [5.0, 2.5, 2, 1] where nice < fraction * (1 - 1e-9) { return nice * magnitude }
        return 5 * magnitude / 10
    }

    /// Ticks for a base-10 log scale over `[lower, upper]` (both > 0).
    ///
    /// Decades are labelled; with fewer than three decades 2× and 5× are labelled too; unlabelled minor
    /// ticks mark 2…9 when every decade carries a label.
    public static func log(from lower: Double, to upper: Double, target: Int) -> [Tick] {
        guard lower > 0, upper > lower, lower.isFinite, upper.isFinite else {
            return linear(from: lower, to: upper, target: target)
        }
        let e0 = Int(floor(log10(lower) + 1e-9)), e1 = Int(ceil(log10(upper) - 1e-9))
        let decades = e1 - e0
        let inRange = { (v: Double) in v >= lower * (1 - 1e-9) && v <= upper * (1 + 1e-9) }
        let mantissas: [Double] = decades < 3 ? [1, 2, 5] : [1]
        let stride = Swift.max(1, Int(ceil(Double(decades + 1) / Double(Swift.max(2, target)))))
        let plain = (e0 >= -3 && e1 <= 4)
        // Labelled decades count from the lowest one inside the range, so the bottom of the axis has a
        // label to read the lowest values against; with labels every few decades, the others get minor ticks.
        let first = (e0...e1).first { inRange(pow(10, Double($0))) } ?? e0
        var ticks: [Tick] = []
        for e in e0...e1 {
            let decade = pow(10, Double(e))
            let labelled = (e - first) % stride == 0
            for m in 1...9 {
                let v = Double(m) * decade
                guard inRange(v) else { continue }
                if labelled && mantissas.contains(Double(m)) {
                    ticks.append(Tick(value: v, label: plain ? format(v, step: decade) : power(mantissa: m, exponent: e)))
                } else if stride == 1 || m == 1 {
                    ticks.append(Tick(value: v, label: "", isMinor: true))
                }
            }
        }
        if ticks.filter({ !$0.isMinor }).count < 2 {
            return linear(from: lower, to: upper, target: target)
        }
        return ticks
    }

    /// `value` with as many decimals as `step` needs, a true minus sign, and ×10ᵏ notation for very
    /// large or small magnitudes.
    public static func format(_ value: Double, step: Double, largest: Double? = nil) -> String {
        guard value.isFinite else { return value.isNaN ? "NaN" : (value > 0 ? "∞" : "−∞") }
        let big = largest ?? abs(value)
        if big >= 1e5 || (big > 0 && big < 1e-3) {
            let e = Int(floor(log10(big)))
            let scaled = value / pow(10, Double(e))
            let mantissa = format(scaled, step: step / pow(10, Double(e)), largest: 1)
            if value == 0 { return "0" }
            return "\(mantissa)×10<sup>\(minus(String(e)))</sup>"
        }
        var decimals = 0
        if step > 0 && step.isFinite {
            let e = log10(step)
            decimals = Swift.max(0, Int(ceil(-e - 1e-9)))
            // Steps like 0.25 need one more digit than their magnitude suggests.
            let shifted = step * pow(10, Double(decimals))
            if abs(shifted - shifted.rounded()) > 1e-6 { decimals += 1 }
            decimals = Swift.min(decimals, 12)
        }
        let text = String(format: "%.\(decimals)f", value == 0 ? 0 : value)
        let cleaned = Double(text) == 0 ? String(format: "%.\(decimals)f", 0.0) : text
        return minus(grouped(cleaned))
    }

    /// The thin space that groups digits: U+202F, narrow and never broken across lines.
    public static let digitGroupSeparator = "\u{202F}"

    /// Digits before the point grouped in threes when there are five or more: "20000" → "20 000"
    /// (a narrow no-break space), "1234.5" stays.
    static func grouped(_ s: String) -> String {
        let negative = s.hasPrefix("-")
        let body = negative ? String(s.dropFirst()) : s
        let parts = body.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let integer = Array(parts[0])
        guard integer.count >= 5, integer.allSatisfy(\.isNumber) else { return s }
        var out = ""
        for (i, c) in integer.enumerated() {
            if i > 0 && (integer.count - i) % 3 == 0 { out += digitGroupSeparator }
            out.append(c)
        }
        if parts.count > 1 { out += "." + parts[1] }
        return (negative ? "-" : "") + out
    }

    /// A contour level's label, set like a tick label: as many decimals as the labelled levels' `step`
    /// needs, digits grouped, and ×10ᵏ only where a tick label would use it (`largest` ≥ 10⁵ or < 10⁻³).
    /// Levels that are not evenly spaced (logarithmic) pass nil and are each set by their own size.
    public static func levelLabel(_ value: Double, step: Double?, largest: Double) -> String {
        if let step { return format(value, step: step, largest: largest) }
        guard value.isFinite, value != 0 else { return format(value, step: 1) }
        // m × 10ᵏ with m from {1, 1.5, 2, 3, 5, 7}: the decade, or a tenth of it for 1.5.
        var own = pow(10, floor(log10(abs(value)) + 1e-9))
        if abs(value / own - (value / own).rounded()) > 1e-6 { own /= 10 }
        return format(value, step: own)
    }

    /// `m×10ᵉ` as markup, or `10ᵉ` when `m` is 1.
    static func power(mantissa m: Int, exponent e: Int) -> String {
        let p = "10<sup>\(minus(String(e)))</sup>"
        return m == 1 ? p : "\(m)×\(p)"
    }

    /// Replaces ASCII hyphen-minus with the typographic minus sign U+2212.
    static func minus(_ s: String) -> String { s.replacingOccurrences(of: "-", with: "−") }
}
