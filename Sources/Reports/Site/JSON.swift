/// Small pieces of JSON text in a fixed order (nothing here iterates a dictionary), safe inside an
/// HTML `<script>` element.
enum JSON {
    /// `{a,b,…}` of pairs already written.
    static func object(_ pairs: [String]) -> String { "{" + pairs.joined(separator: ",") + "}" }
    /// `[a,b,…]` of values already written.
    static func array(_ values: [String]) -> String { "[" + values.joined(separator: ",") + "]" }
    /// `"key":value`.
    static func pair(_ key: String, _ value: String) -> String { string(key) + ":" + value }

    /// A JSON string; `<` is written `\u003c` so no `</script>` can end the element early.
    static func string(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "<": out += "\\u003c"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    /// The shortest decimal text that reads back as `v` (Swift's `description`, which round-trips),
    /// without a trailing `.0`; NaN and ±∞ as the strings `"NaN"`, `"Infinity"`, `"-Infinity"`.
    static func number(_ v: Double) -> String {
        if v.isNaN { return "\"NaN\"" }
        if v.isInfinite { return v < 0 ? "\"-Infinity\"" : "\"Infinity\"" }
        let text = v.description
        return text.hasSuffix(".0") ? String(text.dropLast(2)) : text
    }

    /// A column: one number when every value is the same (bit for bit), else an array.
    static func column(_ values: [Double]) -> String {
        if let first = values.first, values.allSatisfy({ $0.bitPattern == first.bitPattern }) { return number(first) }
        return array(values.map(number))
    }
}
