#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How many digits a trace export writes for each number.
///
/// `exact` is what `steptrace trace` prints: Swift's shortest round-trip form, so parsing a value
/// gives back the engine's bits. Reports write their `traces/*.csv.gz` with `significant(9)`: every
/// step and column is kept and each value is correctly rounded to 9 significant digits (at most
/// 5 × 10⁻⁹ of the value away; every float32 still round-trips). The low bits of an iterate's
/// mantissa are as good as random, so the exact form compresses about 3× and the rounded one
/// above 5× (BENCHMARKS.md, "Compact traces").
public enum TraceDigits: Sendable, Hashable {
    /// Swift's shortest round-trip form of each `Double` (`0.1`, `1e-07`, `0.30000000000000004`).
    case exact
    /// Each value correctly rounded to this many significant digits (1…15), written as Swift
    /// writes the rounded value (`0.3`, `1.23456789e-07`, `2.0`).
    case significant(Int)

    /// What reports write: 9 significant digits.
    public static let report = TraceDigits.significant(9)
}

extension ByteSink {
    /// Appends `value` as `digits` asks: exact (`write(number:)`), or correctly rounded to that many
    /// significant digits in the layout Swift's `description` gives the rounded value: fixed from
    /// 0.0001 up to 2⁵³, otherwise `d.ddde±XX`; `nan`, `inf`, `-inf`; `0.0` and `-0.0`.
    @inlinable
    public mutating func write(number value: Double, digits: TraceDigits) {
        switch digits {
        case .exact: write(number: value)
        case .significant(let count): write(number: value, significantDigits: count)
        }
    }

    /// `write(number:digits:)` for `.significant(count)`; `count` is clamped to 1…15.
    public mutating func write(number value: Double, significantDigits count: Int) {
        guard value.isFinite, value != 0 else {
            write(number: value)
            return
        }
        let n = min(max(count, 1), 15)
        if value < 0 { write(byte: UInt8(ascii: "-")) }
        let (mantissa, exponent) = SignificantDigits.round(value.magnitude, digits: n)
        SignificantDigits.layout(mantissa: mantissa, digits: n, exponent: exponent, into: &self)
    }
}

/// Correct rounding of a double to a few significant decimal digits, and the text of the result.
enum SignificantDigits {
    /// 10⁰ … 10²², every one exact in a `Double`.
    static let powers: [Double] = (0...22).map { k in (0..<k).reduce(1.0) { value, _ in value * 10 } }
    /// 10²³ … 10⁴⁴ as exact sums `high + low` of two doubles (5⁴⁴ needs 103 bits), for values
    /// down to about 10⁻³⁵.
    static let widePowers: [(high: Double, low: Double)] = [
        (1e+23, 8388608.0), (1e+24, 16777216.0), (1e+25, -905969664.0), (1e+26, -4764729344.0),
        (1e+27, -13287555072.0), (1e+28, 416880263168.0), (1e+29, 8566849142784.0),
        (1e+30, -19884624838656.0), (1e+31, 364103705034752.0), (1e+32, -5366162204393472.0),
        (1e+33, 5.442476901295718e+16), (1e+34, 5.4424769012957184e+17), (1e+35, 3.1366338920820244e+18),
        (1e+36, -4.242063737401796e+19), (1e+37, 4.6123734179787886e+20), (1e+38, 2.251190176543966e+21),
        (1e+39, 6.029083362839682e+22), (1e+40, -3.037860284270037e+23), (1e+41, -6.200086450407783e+23),
        (1e+42, -4.488571267807592e+25), (1e+43, -1.393721169594141e+26), (1e+44, -8.821361405306423e+27),
    ]
    /// 10⁰ … 10¹⁵ as integers.
    static let integerPowers: [UInt64] = (0...15).map { k in (0..<k).reduce(UInt64(1)) { value, _ in value * 10 } }

    /// `magnitude` (finite, positive) as `mantissa × 10^(exponent − digits + 1)` with
    /// 10^(digits−1) ≤ mantissa < 10^digits, rounded to nearest, ties to even, as C's `%.*e` does.
    static func round(_ magnitude: Double, digits n: Int) -> (mantissa: UInt64, exponent: Int) {
        // log10 of the binary exponent gives the decimal exponent or one less; the loop settles it.
        var exponent = Int((Double(magnitude.exponent) * 0.30102999566398120).rounded(.down))
        for _ in 0..<3 {
            guard let mantissa = scaled(magnitude, by: n - 1 - exponent) else {
                return roundWithC(magnitude, digits: n)
            }
            if mantissa >= integerPowers[n] {
                exponent += 1
            } else if mantissa < integerPowers[n - 1] {
                // Rounding up can reach 10^n only from below it, never fall under 10^(n−1).
                exponent -= 1
            } else {
                return (mantissa, exponent)
            }
        }
        return roundWithC(magnitude, digits: n)
    }

    /// `magnitude × 10^power` rounded to the nearest integer, ties to even, or nil when 10^power is
    /// not at hand (power above 44 or below −22). The product or quotient is rounded once; its error,
    /// exact from a fused multiply-add (for 10²³ … 10⁴⁴ within 2⁻¹⁰⁶ of the value), decides the cases
    /// where that rounding landed on a half.
    static func scaled(_ magnitude: Double, by power: Int) -> UInt64? {
        let approximate: Double
        let error: Double  // has the sign of (exact value − approximate)
        switch power {
        case 0...22:
            let scale = powers[power]
            approximate = magnitude * scale
            error = (-approximate).addingProduct(magnitude, scale)
        case -22 ..< 0:
            let scale = powers[-power]
            approximate = magnitude / scale
            // magnitude − approximate × scale is exact; its sign is the sign of the quotient's error.
            error = magnitude.addingProduct(-approximate, scale)
        case 23...44:
            // An exact half is impossible here: magnitude × 10^power = k + ½ would need 5^power to
            // divide an odd number below 2 × 10¹⁵. So the sign of the error is all that matters.
            let (high, low) = widePowers[power - 23]
            let product = magnitude * high
            let tail = (-product).addingProduct(magnitude, high) + magnitude * low
            // Renormalise (fast two-sum, |product| ≫ |tail|): approximate is the value rounded once.
            approximate = product + tail
            error = tail - (approximate - product)
        default:
            return nil
        }
        guard approximate < 1.8e19 else { return nil }
        let floor = approximate.rounded(.down)
        let fraction = approximate - floor
        var result = UInt64(floor)
        if fraction > 0.5 || (fraction == 0.5 && (error > 0 || (error == 0 && result % 2 == 1))) {
            result += 1
        }
        return result
    }

    /// The rare values whose scale is not at hand (below about 10⁻³⁵ or above 10³⁰ for 9 digits): C's `%.*e`, which rounds the exact binary value correctly, parsed back.
    static func roundWithC(_ magnitude: Double, digits n: Int) -> (mantissa: UInt64, exponent: Int) {
        var buffer = [CChar](repeating: 0, count: 40)
        let length = withVaList([Int32(n - 1), magnitude]) { arguments in
            vsnprintf(&buffer, buffer.count, "%.*e", arguments)
        }
        var mantissa: UInt64 = 0
        var exponent = 0
        var sign = 1
        var inExponent = false
        for byte in buffer.prefix(Int(max(length, 0))).map({ UInt8(bitPattern: $0) }) {
            switch byte {
            case UInt8(ascii: "e"): inExponent = true
            case UInt8(ascii: "-"): sign = -1
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                if inExponent { exponent = exponent * 10 + Int(byte - UInt8(ascii: "0")) } else { mantissa = mantissa * 10 + UInt64(byte - UInt8(ascii: "0")) }
            default: break
            }
        }
        return (mantissa, sign * exponent)
    }

    /// Writes `mantissa × 10^(exponent − digits + 1)` as Swift's `description` writes that value:
    /// trailing zeros dropped; fixed notation (`0.00025`, `12.5`, `3.0`) from 10⁻⁴ up to 2⁵³, else
    /// `1.25e-05`, `1e+16`.
    static func layout(mantissa: UInt64, digits n: Int, exponent: Int, into sink: inout ByteSink) {
        // The mantissa's digits without trailing zeros, most significant first, in a fixed buffer.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 16) { buffer in
            var rest = mantissa
            var count = 0
            while rest % 10 == 0, rest > 0 { rest /= 10 }
            while rest > 0 {
                buffer[15 - count] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
                count += 1
            }
            write(UnsafeBufferPointer(rebasing: buffer[(16 - count)...]), mantissa: mantissa, digits: n,
                  exponent: exponent, into: &sink)
        }
    }

    static func write(_ digitText: UnsafeBufferPointer<UInt8>, mantissa: UInt64, digits n: Int, exponent: Int,
                      into sink: inout ByteSink) {
        let fixed: Bool
        if exponent < -4 || exponent > 15 {
            fixed = false
        } else if exponent < 15 {
            fixed = true
        } else {
            // 10¹⁵ ≤ value < 10¹⁶: fixed only below 2⁵³ = 9007199254740992.
            fixed = mantissa * integerPowers[16 - n] < 9_007_199_254_740_992
        }
        if !fixed {
            sink.write(byte: digitText[0])
            if digitText.count > 1 {
                sink.write(byte: UInt8(ascii: "."))
                sink.bytes.append(contentsOf: UnsafeBufferPointer(rebasing: digitText[1...]))
            }
            sink.write(byte: UInt8(ascii: "e"))
            sink.write(byte: exponent < 0 ? UInt8(ascii: "-") : UInt8(ascii: "+"))
            if exponent.magnitude < 10 { sink.write(byte: UInt8(ascii: "0")) }
            sink.write(integer: Int(exponent.magnitude))
        } else if exponent >= 0 {
            let integerCount = exponent + 1
            if digitText.count <= integerCount {
                sink.bytes.append(contentsOf: digitText)
                for _ in digitText.count..<integerCount { sink.write(byte: UInt8(ascii: "0")) }
                sink.write(".0")
            } else {
                sink.bytes.append(contentsOf: UnsafeBufferPointer(rebasing: digitText[..<integerCount]))
                sink.write(byte: UInt8(ascii: "."))
                sink.bytes.append(contentsOf: UnsafeBufferPointer(rebasing: digitText[integerCount...]))
            }
        } else {
            sink.write("0.")
            for _ in 0..<(-exponent - 1) { sink.write(byte: UInt8(ascii: "0")) }
            sink.bytes.append(contentsOf: digitText)
        }
    }
}
