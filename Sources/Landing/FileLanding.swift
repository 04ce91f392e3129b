import Foundation

/// Files land whole: everything is written under a hidden temporary name in the target folder
/// (`.NAME.PID-RANDOM.tmp`, so the rename is atomic and a killed run's leftovers are recognisable)
/// and renamed into place only when complete. The one way steptrace writes a file, for the
/// Cairo writers, the trace compressor, the reports and the command line alike.
public enum FileLanding {
    /// Why a file could not be written: the final path and one line for the user.
    public struct Failure: Error, Equatable, CustomStringConvertible {
        /// The path the file was meant to land at (never the temporary one).
        public var path: String
        /// What went wrong, in words: `No space left on device`, `the folder /x does not exist`.
        public var reason: String

        /// A failure to write `path`, for `reason`.
        public init(path: String, reason: String) {
            self.path = path
            self.reason = reason
        }

        /// `path: reason` on one line.
        public var description: String { "\(path): \(reason)" }
    }

    /// A temporary path beside `path`: the same folder, hidden, ending in `.tmp`.
    public static func temporaryPath(for path: String) -> String {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        return folder + "/." + url.lastPathComponent + ".\(getpid())-" + UUID().uuidString.prefix(8) + ".tmp"
    }

    /// Runs `write` with a temporary path, then renames it to `path`; removes the temporary file
    /// on failure. A `Failure` that `write` throws for the temporary path is reported for `path`.
    public static func land(_ path: String, _ write: (String) throws -> Void) throws {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw Failure(path: path, reason: "the folder \(folder) does not exist")
        }
        let temporary = temporaryPath(for: path)
        do {
            try write(temporary)
            guard rename(temporary, path) == 0 else {
                throw Failure(path: path, reason: "cannot rename it into place (\(String(cString: strerror(errno))))")
            }
        } catch let failure as Failure {
            unlink(temporary)
            throw Failure(path: path, reason: failure.reason)
        } catch {
            unlink(temporary)
            throw error
        }
    }

    /// Writes `bytes` to `path` through a temporary file; fails if any write or the close fails.
    public static func write(_ bytes: [UInt8], to path: String) throws {
        try land(path) { temporary in
            guard let file = fopen(temporary, "wb") else {
                throw Failure(path: path, reason: String(cString: strerror(errno)))
            }
            let written = bytes.withUnsafeBufferPointer { fwrite($0.baseAddress, 1, $0.count, file) }
            let closed = fclose(file)
            guard written == bytes.count, closed == 0 else {
                throw Failure(path: path, reason: String(cString: strerror(errno)))
            }
        }
    }
}
