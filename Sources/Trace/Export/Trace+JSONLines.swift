extension Trace {
    /// Writes the trace as JSON Lines: one object per row, `\n` after each, keys in `exportColumnNames` order
    /// (see `TraceRowWriter` for numbers, NaN and unevaluated losses).
    public func writeJSONLines(to sink: inout ByteSink) {
        export(.jsonLines, to: &sink)
    }

    /// Writes the trace as JSON Lines (see `writeJSONLines(to: inout ByteSink)`) into any text stream, in chunks.
    public func writeJSONLines<Target: TextOutputStream>(to target: inout Target) {
        export(.jsonLines, to: &target)
    }

    /// The whole JSON Lines text as UTF-8 bytes.
    public func jsonLinesBytes() -> [UInt8] {
        var sink = ByteSink(capacity: estimatedExportBytes * 2)
        writeJSONLines(to: &sink)
        return sink.bytes
    }
}
