/// The one error CairoBackend throws: a file could not be rendered or written.
///
/// Its description is one line naming the path, e.g.
/// `cannot write /tmp/out/figure.pdf: error while writing to output stream`.
public struct RenderError: Error, Equatable, CustomStringConvertible {
    /// The file that could not be written (or read).
    public let path: String
    /// What went wrong, in words.
    public let reason: String
    /// Whether the file was being read rather than written.
    public let reading: Bool

    /// An error for `path` with `reason`.
    public init(path: String, reason: String, reading: Bool = false) {
        self.path = path; self.reason = reason; self.reading = reading
    }

    /// `cannot write <path>: <reason>` on one line.
    public var description: String { "cannot \(reading ? "read" : "write") \(path): \(reason)" }
}
