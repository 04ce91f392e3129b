extension Trace {
    /// Column names shared by the CSV header and the JSON Lines keys, in their fixed order:
    /// ```
    /// step, loss, <param>…, grad.<param>…, <state>.<param>…, epoch, batch, lr, update.<param>…
    /// ```
    public var exportColumnNames: [String] {
        var names = ["step", "loss"]
        names += parameterNames
        names += parameterNames.map { "grad.\($0)" }
        for state in stateNames { names += parameterNames.map { "\(state).\($0)" } }
        names += ["epoch", "batch", "lr"]
        names += parameterNames.map { "update.\($0)" }
        return names
    }

    /// Writes the trace as CSV: a header line, then one line per row, `\n` line ends.
    ///
    /// Numbers are Swift's shortest round-trip form of each `Double` (parsing
    /// them back with `Double(_:)` gives the same bits); NaN is written `nan`,
    /// infinities `inf` and `-inf`. Names holding a comma or quote are quoted.
    public func writeCSV(to sink: inout ByteSink) {
        for (i, name) in exportColumnNames.enumerated() {
            if i > 0 { sink.write(byte: UInt8(ascii: ",")) }
            sink.write(csvField: name)
        }
        sink.write(byte: 10)
        for row in 0..<count { writeCSVRow(row, to: &sink) }
    }

    /// Writes the trace as CSV (see `writeCSV(to: inout ByteSink)`) into any text stream, in chunks.
    public func writeCSV<Target: TextOutputStream>(to target: inout Target) {
        var sink = ByteSink(capacity: 1 << 20)
        for (i, name) in exportColumnNames.enumerated() {
            if i > 0 { sink.write(byte: UInt8(ascii: ",")) }
            sink.write(csvField: name)
        }
        sink.write(byte: 10)
        for row in 0..<count {
            writeCSVRow(row, to: &sink)
            if sink.bytes.count > (1 << 20) - 4096 { Trace.flush(&sink, to: &target) }
        }
        Trace.flush(&sink, to: &target)
    }

    /// The whole CSV as UTF-8 bytes.
    public func csvBytes() -> [UInt8] {
        var sink = ByteSink(capacity: estimatedExportBytes)
        writeCSV(to: &sink)
        return sink.bytes
    }

    /// The whole CSV as a string.
    public func csv() -> String { String(decoding: csvBytes(), as: UTF8.self) }

    func writeCSVRow(_ row: Int, to sink: inout ByteSink) {
        let comma = UInt8(ascii: ",")
        let n = parameterCount
        sink.write(integer: row)
        sink.write(byte: comma)
        sink.write(number: lossColumn[row])
        let valueEnd = n * (2 + stateNames.count)
        for c in 0..<valueEnd {
            sink.write(byte: comma)
            sink.write(number: valueColumns[c][row])
        }
        sink.write(byte: comma)
        sink.write(integer: Int(epochColumn[row]))
        sink.write(byte: comma)
        sink.write(integer: Int(batchColumn[row]))
        sink.write(byte: comma)
        sink.write(number: learningRateColumn[row])
        for c in valueEnd..<valueColumns.count {
            sink.write(byte: comma)
            sink.write(number: valueColumns[c][row])
        }
        sink.write(byte: 10)
    }

    /// A generous guess of the export size, so the byte buffer rarely grows.
    var estimatedExportBytes: Int { (count + 1) * (exportColumnNames.count * 20 + 16) }

    static func flush<Target: TextOutputStream>(_ sink: inout ByteSink, to target: inout Target) {
        guard !sink.bytes.isEmpty else { return }
        target.write(String(decoding: sink.bytes, as: UTF8.self))
        sink.bytes.removeAll(keepingCapacity: true)
    }
}
