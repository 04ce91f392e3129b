import Foundation
import Parallelism

/// A fresh folder under the system's temporary folder, removed when the value goes away.
public final class TemporaryFolder: Sendable {
    /// The folder.
    public let url: URL
    /// The folder's path.
    public var folder: String { url.path }

    /// Makes `TMPDIR/prefix-UUID`.
    public init(prefix: String = "steptrace-test") throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    /// `folder/relative`.
    public func path(_ relative: String) -> String { url.appendingPathComponent(relative).path }

    /// Writes `text` to `folder/relative`, creating folders on the way; returns the path.
    @discardableResult
    public func write(_ text: String, to relative: String) throws -> String {
        let target = url.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: target)
        return target.path
    }

    /// Every file below `relative` (default: the whole folder), as sorted relative paths.
    public func files(under relative: String = "") -> [String] {
        let base = relative.isEmpty ? url : url.appendingPathComponent(relative)
        guard let enumerator = FileManager.default.enumerator(atPath: base.path) else { return [] }
        var found: [String] = []
        while let item = enumerator.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: base.appendingPathComponent(item).path, isDirectory: &isDirectory),
               !isDirectory.boolValue {
                found.append(item)
            }
        }
        return found.sorted()
    }

    /// Every entry (files and folders, hidden ones included) right inside `relative` (default: the
    /// folder itself), sorted.
    public func entries(under relative: String = "") -> [String] {
        (try? FileManager.default.contentsOfDirectory(atPath: relative.isEmpty ? folder : path(relative)))?.sorted() ?? []
    }
}

/// Folders that outlive one test (held by `static let`s), removed when the test process exits.
private let foldersToRemove = Locked<[String]>([])

/// Removes `path` when the test process exits (for folders held by `static let`s, which never go away).
public func removeAtExit(_ path: String) {
    foldersToRemove.withLock { folders in
        if folders.isEmpty {
            atexit {
                for folder in foldersToRemove.withLock({ $0 }) { try? FileManager.default.removeItem(atPath: folder) }
            }
        }
        folders.append(path)
    }
}
