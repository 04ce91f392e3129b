/// A `TraceSink` that formats each row as CSV or JSON Lines text and hands the text on in chunks of about 1 MB.
///
/// Memory stays one buffer, whatever the number of rows. The sink does no
/// I/O itself: `emit` receives each full chunk (and the last one at
/// `finish`), and the caller writes it where it likes.
public struct TextStreamSink: TraceSink, ~Copyable {
    let writer: TraceRowWriter
    var buffer: ByteSink
    var step = 0
    let emit: ([UInt8]) -> Void
    /// Bytes gathered before a chunk is handed to `emit`.
    static let chunkBytes = 1 << 20

    /// Creates a sink for rows of `layout` in `format`; the header (CSV) is the start of the first chunk.
    public init(layout: TraceLayout, format: TraceRowWriter.Format, emit: @escaping ([UInt8]) -> Void) {
        writer = TraceRowWriter(layout: layout, format: format)
        buffer = ByteSink(capacity: Self.chunkBytes + 8192)
        self.emit = emit
        writer.writeHeader(to: &buffer)
    }

    /// Formats the row; hands the buffer on when it is full.
    public mutating func append(_ row: TraceRow) {
        writer.write(row, step: step, to: &buffer)
        step += 1
        if buffer.bytes.count >= Self.chunkBytes {
            emit(buffer.bytes)
            buffer.bytes.removeAll(keepingCapacity: true)
        }
    }

    /// Hands on the last chunk.
    public consuming func finish(verdict: Verdict) {
        if !buffer.bytes.isEmpty { emit(buffer.bytes) }
    }
}
