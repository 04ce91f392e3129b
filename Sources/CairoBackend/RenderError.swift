import Landing

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

extension RenderError {
    /// `FileLanding.land` with its failures, and `RenderError`s thrown for the temporary file, as
    /// `RenderError`s naming `path`, so callers see one error type and never a temporary name.
    static func landing(_ path: String, _ write: (String) throws -> Void) throws {
        do {
            try FileLanding.land(path, write)
        } catch let failure as FileLanding.Failure {
            throw RenderError(path: path, reason: failure.reason)
        } catch let error as RenderError where error.path != path {
            throw RenderError(path: path, reason: error.reason, reading: error.reading)
        }
    }
}
