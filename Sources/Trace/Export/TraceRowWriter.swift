/// Writes trace rows as CSV or JSON Lines text: the one formatter behind every export, in memory or streaming.
///
/// Columns and keys are `TraceLayout.exportColumnNames`, in that order.
/// Numbers are written as `digits` says: by default Swift's shortest round-trip form of each
/// `Double` (parsing them back with `Double(_:)` gives the same bits), or rounded to a number of
/// significant digits (`TraceDigits`). NaN and infinities are
/// `nan`, `inf`, `-inf` in CSV and the strings `"nan"`, `"inf"`, `"-inf"` in
/// JSON (which has no such numbers). A loss that was not evaluated on its row
/// (see `TraceLayout.lossStride`) is an empty CSV field and JSON `null`: not
/// a number, and not a NaN that could be mistaken for divergence.
public struct TraceRowWriter: Sendable {
    /// The text format.
    public enum Format: Sendable {
        /// A header line, then one comma-separated line per row.
        case csv
        /// One JSON object per line, no header.
        case jsonLines
    }

    /// The format this writer produces.
    public let format: Format
    /// How many digits each number gets.
    public let digits: TraceDigits
    let layout: TraceLayout
    /// `{"key":` / `,"key":` prefixes, encoded once (JSON Lines only).
    let keys: [[UInt8]]

    /// Creates a writer for rows of `layout`, numbers written as `digits` says.
    public init(layout: TraceLayout, format: Format, digits: TraceDigits = .exact) {
        self.layout = layout
        self.format = format
        self.digits = digits
        if format == .jsonLines {
            keys = layout.exportColumnNames.enumerated().map { i, name in
                var sink = ByteSink()
                sink.write(i == 0 ? "{" : ",")
                sink.write(jsonString: name)
                sink.write(":")
                return sink.bytes
            }
        } else {
            keys = []
        }
    }

    /// Writes what comes before the first row: the CSV header line (nothing for JSON Lines).
    public func writeHeader(to sink: inout ByteSink) {
        guard format == .csv else { return }
        for (i, name) in layout.exportColumnNames.enumerated() {
            if i > 0 { sink.write(byte: UInt8(ascii: ",")) }
            sink.write(csvField: name)
        }
        sink.write(byte: 10)
    }

    /// Writes row `step`.
    public func write(_ row: TraceRow, step: Int, to sink: inout ByteSink) {
        switch format {
        case .csv: writeCSV(row, step: step, to: &sink)
        case .jsonLines: writeJSON(row, step: step, to: &sink)
        }
    }

    private func writeCSV(_ row: TraceRow, step: Int, to sink: inout ByteSink) {
        let comma = UInt8(ascii: ",")
        sink.write(integer: step)
        sink.write(byte: comma)
        if row.lossIsExact { sink.write(number: row.loss, digits: digits) }
        if layout.hasBatchLoss {
            sink.write(byte: comma)
            sink.write(number: row.batchLoss, digits: digits)
        }
        for value in row.parameters { sink.write(byte: comma); sink.write(number: value, digits: digits) }
        for value in row.gradient { sink.write(byte: comma); sink.write(number: value, digits: digits) }
        for value in row.state { sink.write(byte: comma); sink.write(number: value, digits: digits) }
        sink.write(byte: comma)
        sink.write(integer: Int(row.epoch))
        sink.write(byte: comma)
        sink.write(integer: Int(row.batch))
        sink.write(byte: comma)
        sink.write(number: row.learningRate, digits: digits)
        for value in row.update {
            sink.write(byte: comma)
            sink.write(number: value, digits: digits)
        }
        sink.write(byte: 10)
    }

    private func writeJSON(_ row: TraceRow, step: Int, to sink: inout ByteSink) {
        var k = 0
        func key(_ sink: inout ByteSink) {
            sink.bytes.append(contentsOf: keys[k])
            k += 1
        }
        key(&sink)
        sink.write(integer: step)
        key(&sink)
        if row.lossIsExact { sink.write(jsonNumber: row.loss, digits: digits) } else { sink.write("null") }
        if layout.hasBatchLoss {
            key(&sink)
            sink.write(jsonNumber: row.batchLoss, digits: digits)
        }
        for value in row.parameters { key(&sink); sink.write(jsonNumber: value, digits: digits) }
        for value in row.gradient { key(&sink); sink.write(jsonNumber: value, digits: digits) }
        for value in row.state { key(&sink); sink.write(jsonNumber: value, digits: digits) }
        key(&sink)
        sink.write(integer: Int(row.epoch))
        key(&sink)
        sink.write(integer: Int(row.batch))
        key(&sink)
        sink.write(jsonNumber: row.learningRate, digits: digits)
        for value in row.update {
            key(&sink)
            sink.write(jsonNumber: value, digits: digits)
        }
        sink.write("}\n")
    }
}
