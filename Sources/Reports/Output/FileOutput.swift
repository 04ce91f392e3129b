import Foundation
import Landing

/// Output folders and files: folders made with their parents, files written whole, finished reports swapped in.
public enum FileOutput {
    /// Creates `folder` and its parents.
    public static func makeFolder(_ folder: String) throws {
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw ReportError(message: "\(folder): cannot create the folder (\(error.localizedDescription))")
        }
    }

    /// Writes `bytes` to `path` whole (`FileLanding`: a temporary file beside it, then a rename).
    public static func write(_ bytes: [UInt8], to path: String) throws {
        do { try FileLanding.write(bytes, to: path) } catch let failure as FileLanding.Failure {
            throw ReportError(message: "\(path): cannot write the file (\(failure.reason))")
        }
    }
}

extension FileOutput {
    /// Removes hidden folders a killed earlier run left for lesson `id` (`.ID.partial-PID`,
    /// `.ID.old-PID`) whose process is gone; the finished report beside them, and the folders
    /// of a run still at work in the same output folder, are untouched.
    public static func removeLeftovers(of id: String, in output: String) {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: output)) ?? []
        for name in names {
            guard let owner = leftoverOwner(name, of: id), !isAlive(owner) else { continue }
            try? FileManager.default.removeItem(atPath: (output as NSString).appendingPathComponent(name))
        }
    }

    /// The process id in a staging or old folder's name for lesson `id`, or nil for any other name.
    static func leftoverOwner(_ name: String, of id: String) -> pid_t? {
        for kind in ["partial", "old"] where name.hasPrefix(".\(id).\(kind)-") {
            return pid_t(name.dropFirst(id.count + kind.count + 3))
        }
        return nil
    }

    /// Whether process `pid` still exists (a process we may not signal exists too).
    private static func isAlive(_ pid: pid_t) -> Bool {
        pid > 0 && (kill(pid, 0) == 0 || errno == EPERM)
    }

    /// Puts the finished folder `staging` at `final`, replacing any older one there. Two
    /// steptrace processes writing into the same output folder take turns here (an exclusive
    /// `flock` on the output folder), so neither moves the other's report away mid-swap.
    public static func replaceFolder(_ final: String, with staging: String) throws {
        let parent = (final as NSString).deletingLastPathComponent
        try withLock(on: parent.isEmpty ? "." : parent) {
            let old = (parent as NSString).appendingPathComponent(".\((final as NSString).lastPathComponent).old-\(getpid())")
            let hadOld = FileManager.default.fileExists(atPath: final)
            if hadOld {
                try? FileManager.default.removeItem(atPath: old)
                guard rename(final, old) == 0 else { throw ReportError(message: "\(final): cannot replace the old report") }
            }
            guard rename(staging, final) == 0 else {
                if hadOld { _ = rename(old, final) }
                throw ReportError(message: "\(final): cannot move the finished report into place")
            }
            if hadOld { try? FileManager.default.removeItem(atPath: old) }
        }
    }

    /// Runs `body` holding an exclusive `flock` on `folder` (released when `body` returns or throws,
    /// and by the kernel if the process dies).
    private static func withLock(on folder: String, _ body: () throws -> Void) throws {
        let descriptor = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw ReportError(message: "\(folder): cannot open the output folder (\(String(cString: strerror(errno))))")
        }
        defer { close(descriptor) }
        while flock(descriptor, LOCK_EX) != 0 {
            guard errno == EINTR else {
                throw ReportError(message: "\(folder): cannot lock the output folder (\(String(cString: strerror(errno))))")
            }
        }
        defer { flock(descriptor, LOCK_UN) }
        try body()
    }
}

/// A report that could not be made or written: one line for the user.
public struct ReportError: Error, CustomStringConvertible {
    /// One line naming the file or folder and the problem.
    public var message: String
    /// An error with `message`.
    public init(message: String) { self.message = message }
    /// The message.
    public var description: String { message }
}
