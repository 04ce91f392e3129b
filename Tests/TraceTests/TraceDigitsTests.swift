import Foundation
import TestSupport
import Testing
import Trace

/// Rounded trace numbers: correctly rounded (checked against C's `%.*e`), written as Swift writes the
/// rounded value, and what a reader parses back.
@Suite struct TraceDigitsTests {
    func text(_ value: Double, _ digits: Int) -> String {
        var sink = ByteSink()
        sink.write(number: value, digits: .significant(digits))
        return String(decoding: sink.bytes, as: UTF8.self)
    }

    /// What the text must be: C's correctly rounded `%.*e` of the value, parsed, then Swift's
    /// `description` of that double.
    func expected(_ value: Double, _ digits: Int) -> String {
        Double(String(format: "%.*e", digits - 1, value))!.description
    }

    @Test func layoutFollowsSwiftsDescription() {
        #expect(text(0.00025, 9) == "0.00025")
        #expect(text(1, 9) == "1.0")
        #expect(text(-2, 9) == "-2.0")
        #expect(text(0, 9) == "0.0")
        #expect(text(-0.0, 9) == "-0.0")
        #expect(text(.nan, 9) == "nan")
        #expect(text(.infinity, 9) == "inf")
        #expect(text(-.infinity, 9) == "-inf")
        #expect(text(0.1 + 0.2, 9) == "0.3")
        #expect(text(10.497500250000002, 9) == "10.4975003")
        #expect(text(-0.0004999999999999449, 9) == "-0.0005")
        #expect(text(1.3173255520859684e-06, 9) == "1.31732555e-06")
        #expect(text(123456789012, 9) == "123456789000.0")
        #expect(text(1e16, 9) == "1e+16")
        #expect(text(.leastNonzeroMagnitude, 9) == "4.94065646e-324")  // the smallest subnormal, 4.9406564584…e-324
        #expect(text(.greatestFiniteMagnitude, 9) == "1.79769313e+308")
        // Rounding carries into a new leading digit, and across the fixed/exponent boundary.
        #expect(text(9.9999999996, 9) == "10.0")
        #expect(text(9.99999999996e-05, 9) == "0.0001")
        // Exact ties go to even, as %.*e does: 0.125 and 0.375 are exact doubles.
        #expect(text(0.125, 2) == "0.12")
        #expect(text(0.375, 2) == "0.38")
        #expect(text(2.5, 1) == "2.0")
    }

    /// Every value from 10⁻³⁰⁰ to 10³⁰⁰, with 1 to 15 digits, rounds as C does.
    @Test func roundingMatchesC() {
        var stream = SplitMix(state: 42)
        var mismatches: [String] = []
        for _ in 0..<200_000 {
            let bits = stream.next()
            let digits = Int(bits % 15) + 1
            // A random mantissa at a random decimal magnitude, half of them near the usual 10⁻¹⁰…10¹⁰.
            let wide = bits & (1 << 60) != 0
            let exponent = Double(Int((bits >> 8) % (wide ? 600 : 20)) - (wide ? 300 : 10))
            let mantissa = Double(stream.next() >> 11) / Double(1 << 53)
            let value = (1 + 9 * mantissa) * pow(10, exponent) * (bits & 1 == 0 ? 1 : -1)
            if text(value, digits) != expected(value, digits) {
                mismatches.append("\(value) at \(digits): \(text(value, digits)) != \(expected(value, digits))")
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(5))")
    }

    /// A value with few digits is written as it is; parsing the text and rounding again gives the same text.
    @Test func roundedTextIsStable() {
        var stream = SplitMix(state: 7)
        for _ in 0..<20_000 {
            let value = Double(bitPattern: stream.next() & 0x7FEF_FFFF_FFFF_FFFF)
            let once = text(value, 9)
            #expect(text(Double(once)!, 9) == once)
            #expect(once.filter(\.isNumber).count <= 9 + (once.contains("e") ? 3 : 0) + 16)
        }
        for value in [0.5, 0.001, 28.0, 1e-07, 0.05, 123.25] {
            #expect(text(value, 9) == value.description)
        }
    }

    /// A CSV written with `.significant(9)` has the exact CSV's columns and rows, each value within
    /// rounding of the exact one.
    @Test func roundedCSVKeepsEveryValue() {
        var trace = Trace(parameterNames: ["x", "y"], stateNames: ["velocity"])
        var x = 0.3
        for k in 0..<500 {
            x = 3.9 * x * (1 - x)
            trace.append(epoch: Int32(k / 10), batch: Int32(k % 10), learningRate: 0.01, loss: x * x,
                         parameters: [x, -x / 7], gradient: [x - 0.5, 1e-17 * x], update: [-0.01 * x, 3e-20], state: [x / 3, 1e30 * x])
        }
        var exact = ""
        trace.writeCSV(to: &exact)
        var rounded = ""
        trace.writeCSV(to: &rounded, digits: .significant(9))
        let exactLines = exact.split(separator: "\n")
        let roundedLines = rounded.split(separator: "\n")
        #expect(roundedLines.count == exactLines.count)
        #expect(roundedLines[0] == exactLines[0])
        #expect(rounded.utf8.count < exact.utf8.count * 3 / 4)
        for (e, r) in zip(exactLines.dropFirst(), roundedLines.dropFirst()) {
            let exactFields = e.split(separator: ",")
            let roundedFields = r.split(separator: ",")
            #expect(exactFields.count == roundedFields.count)
            for (a, b) in zip(exactFields, roundedFields) {
                let value = Double(a)!
                #expect(String(b) == expected(value, 9) || (a == b && !a.contains(".")))
            }
        }
    }
}
