/// A growable UTF-8 byte buffer that numbers and text are written into without per-value allocation.
public struct ByteSink: TextOutputStream, Sendable {
    /// The bytes written so far.
    public var bytes: [UInt8]

    /// Creates an empty sink with `capacity` bytes reserved.
    public init(capacity: Int = 0) {
        bytes = []
        bytes.reserveCapacity(capacity)
    }

    /// Appends the UTF-8 bytes of `string`.
    public mutating func write(_ string: String) {
        var string = string
        string.withUTF8 { bytes.append(contentsOf: $0) }
    }

    // The standard library's `Double.write(to:)` hands its digits to this
    // requirement; taking them directly skips building a String per number,
    // which halves the time of a large export.
    /// Appends ASCII bytes as they are.
    public mutating func _writeASCII(_ buffer: UnsafeBufferPointer<UInt8>) {
        bytes.append(contentsOf: buffer)
    }

    /// Appends one byte.
    @inlinable
    public mutating func write(byte: UInt8) { bytes.append(byte) }

    /// Appends a finite double in Swift's shortest round-trip form (`28.0`, `1e-07`);
    /// NaN as `nan`, infinities as `inf` and `-inf`.
    public mutating func write(number value: Double) {
        if value.isNaN {
            write("nan")
        } else {
            // Swift prints ±infinity as "inf" / "-inf" already.
            value.write(to: &self)
        }
    }

    /// Appends a double as a JSON value: a number (written as `digits` says) when finite, else the
    /// string `"nan"`, `"inf"` or `"-inf"`.
    public mutating func write(jsonNumber value: Double, digits: TraceDigits = .exact) {
        if value.isFinite {
            write(number: value, digits: digits)
        } else {
            write(byte: UInt8(ascii: "\""))
            write(number: value)
            write(byte: UInt8(ascii: "\""))
        }
    }

    /// Appends an integer in decimal.
    public mutating func write(integer value: Int) {
        if value == 0 {
            write(byte: UInt8(ascii: "0"))
            return
        }
        var magnitude = value.magnitude
        if value < 0 { write(byte: UInt8(ascii: "-")) }
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)
        var count = 0
        withUnsafeMutableBytes(of: &digits) { raw in
            while magnitude > 0 {
                raw[count] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
                count += 1
            }
            for i in stride(from: count - 1, through: 0, by: -1) { bytes.append(raw[i]) }
        }
    }

    /// Appends `string` as a JSON string literal, quotes and escapes included.
    public mutating func write(jsonString string: String) {
        write(byte: UInt8(ascii: "\""))
        for byte in string.utf8 {
            switch byte {
            case UInt8(ascii: "\""): write("\\\"")
            case UInt8(ascii: "\\"): write("\\\\")
            case UInt8(ascii: "\n"): write("\\n")
            case UInt8(ascii: "\r"): write("\\r")
            case UInt8(ascii: "\t"): write("\\t")
            case 0..<0x20:
                let hex: [UInt8] = Array("0123456789abcdef".utf8)
                write("\\u00")
                write(byte: hex[Int(byte >> 4)])
                write(byte: hex[Int(byte & 0xF)])
            default: write(byte: byte)
            }
        }
        write(byte: UInt8(ascii: "\""))
    }

    /// Appends `field` as one CSV field, quoted (RFC 4180) only when it holds a comma, quote or line break.
    public mutating func write(csvField field: String) {
        let needsQuotes = field.utf8.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 10 || $0 == 13 }
        guard needsQuotes else {
            write(field)
            return
        }
        write(byte: UInt8(ascii: "\""))
        for byte in field.utf8 {
            if byte == UInt8(ascii: "\"") { write(byte: byte) }
            write(byte: byte)
        }
        write(byte: UInt8(ascii: "\""))
    }
}
