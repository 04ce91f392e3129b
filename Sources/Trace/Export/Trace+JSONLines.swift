extension Trace {
    /// Writes the trace as JSON Lines: one object per row, `\n` after each.
    ///
    /// Keys are `exportColumnNames`, always in that order (the CSV header's
    /// order). Finite numbers are Swift's shortest round-trip form; JSON has
    /// no NaN or infinity, so those are written as the strings `"nan"`,
    /// `"inf"` and `"-inf"`, keeping which one it was (null would not).
    public func writeJSONLines(to sink: inout ByteSink) {
        let keys = jsonKeyPrefixes()
        for row in 0..<count { writeJSONRow(row, keys: keys, to: &sink) }
    }

    /// Writes the trace as JSON Lines (see `writeJSONLines(to: inout ByteSink)`) into any text stream, in chunks.
    public func writeJSONLines<Target: TextOutputStream>(to target: inout Target) {
        let keys = jsonKeyPrefixes()
        var sink = ByteSink(capacity: 1 << 20)
        for row in 0..<count {
            writeJSONRow(row, keys: keys, to: &sink)
            if sink.bytes.count > (1 << 20) - 8192 { Trace.flush(&sink, to: &target) }
        }
        Trace.flush(&sink, to: &target)
    }

    /// The whole JSON Lines text as UTF-8 bytes.
    public func jsonLinesBytes() -> [UInt8] {
        var sink = ByteSink(capacity: estimatedExportBytes * 2)
        writeJSONLines(to: &sink)
        return sink.bytes
    }

    /// `{"key":` / `,"key":` prefixes, encoded once per export.
    private func jsonKeyPrefixes() -> [[UInt8]] {
        exportColumnNames.enumerated().map { i, name in
            var sink = ByteSink()
            sink.write(i == 0 ? "{" : ",")
            sink.write(jsonString: name)
            sink.write(":")
            return sink.bytes
        }
    }

    private func writeJSONRow(_ row: Int, keys: [[UInt8]], to sink: inout ByteSink) {
        let n = parameterCount
        var k = 0
        func key(_ sink: inout ByteSink) {
            sink.bytes.append(contentsOf: keys[k])
            k += 1
        }
        key(&sink)
        sink.write(integer: row)
        key(&sink)
        sink.write(jsonNumber: lossColumn[row])
        let valueEnd = n * (2 + stateNames.count)
        for c in 0..<valueEnd {
            key(&sink)
            sink.write(jsonNumber: valueColumns[c][row])
        }
        key(&sink)
        sink.write(integer: Int(epochColumn[row]))
        key(&sink)
        sink.write(integer: Int(batchColumn[row]))
        key(&sink)
        sink.write(jsonNumber: learningRateColumn[row])
        for c in valueEnd..<valueColumns.count {
            key(&sink)
            sink.write(jsonNumber: valueColumns[c][row])
        }
        sink.write("}\n")
    }
}
