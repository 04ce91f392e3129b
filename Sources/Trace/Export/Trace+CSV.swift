extension Trace {
    /// Column names shared by the CSV header and the JSON Lines keys (see `TraceLayout.exportColumnNames`).
    public var exportColumnNames: [String] { layout.exportColumnNames }

    /// Writes the trace as CSV: a header line, then one line per row, `\n` line ends (see `TraceRowWriter`).
    public func writeCSV(to sink: inout ByteSink) {
        export(.csv, to: &sink)
    }

    /// Writes the trace as CSV (see `writeCSV(to: inout ByteSink)`) into any text stream, in chunks,
    /// numbers written as `digits` says.
    public func writeCSV<Target: TextOutputStream>(to target: inout Target, digits: TraceDigits = .exact) {
        export(.csv, digits: digits, to: &target)
    }

    /// The whole CSV as UTF-8 bytes.
    public func csvBytes() -> [UInt8] {
        var sink = ByteSink(capacity: estimatedExportBytes)
        writeCSV(to: &sink)
        return sink.bytes
    }

    /// The whole CSV as a string.
    public func csv() -> String { String(decoding: csvBytes(), as: UTF8.self) }

    /// A generous guess of the export size, so the byte buffer rarely grows.
    var estimatedExportBytes: Int { (count + 1) * (exportColumnNames.count * 20 + 16) }

    func export(_ format: TraceRowWriter.Format, to sink: inout ByteSink) {
        let writer = TraceRowWriter(layout: layout, format: format)
        writer.writeHeader(to: &sink)
        forEachRow { step, row in writer.write(row, step: step, to: &sink) }
    }

    func export<Target: TextOutputStream>(_ format: TraceRowWriter.Format, digits: TraceDigits = .exact,
                                          to target: inout Target) {
        let writer = TraceRowWriter(layout: layout, format: format, digits: digits)
        var sink = ByteSink(capacity: 1 << 20)
        writer.writeHeader(to: &sink)
        forEachRow { step, row in
            writer.write(row, step: step, to: &sink)
            if sink.bytes.count > (1 << 20) - 8192 { Trace.flush(&sink, to: &target) }
        }
        Trace.flush(&sink, to: &target)
    }

    static func flush<Target: TextOutputStream>(_ sink: inout ByteSink, to target: inout Target) {
        guard !sink.bytes.isEmpty else { return }
        target.write(String(decoding: sink.bytes, as: UTF8.self))
        sink.bytes.removeAll(keepingCapacity: true)
    }
}
