import Foundation

/// Files land whole: everything is written under a hidden temporary name in the target folder and
/// renamed into place only when complete.
enum FileLanding {
    /// A temporary path beside `path` (same folder, so the rename is atomic).
    static func temporaryPath(for path: String) -> String {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        return folder + "/." + url.lastPathComponent + "." + UUID().uuidString.prefix(8) + ".tmp"
    }

    /// Runs `write` with a temporary path, then renames it to `path`; removes the temporary file on failure.
    static func land(_ path: String, _ write: (String) throws -> Void) throws {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw RenderError(path: path, reason: "the folder \(folder) does not exist")
        }
        let temporary = temporaryPath(for: path)
        do {
            try write(temporary)
            guard rename(temporary, path) == 0 else {
                throw RenderError(path: path, reason: String(cString: strerror(errno)))
            }
        } catch {
            unlink(temporary)
            if let e = error as? RenderError, e.path == temporary {
                throw RenderError(path: path, reason: e.reason)
            }
            throw error
        }
    }

    /// Writes `bytes` to `path` (through a temporary file).
    static func write(_ bytes: [UInt8], to path: String) throws {
        try land(path) { temporary in
            guard let file = fopen(temporary, "wb") else {
                throw RenderError(path: path, reason: String(cString: strerror(errno)))
            }
            let written = bytes.withUnsafeBufferPointer { fwrite($0.baseAddress, 1, $0.count, file) }
            let closed = fclose(file)
            guard written == bytes.count, closed == 0 else {
                throw RenderError(path: path, reason: String(cString: strerror(errno)))
            }
        }
    }
}
