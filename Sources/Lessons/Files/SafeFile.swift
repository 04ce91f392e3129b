import Engine
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// `read(2)`, named apart from `SafeFile.read`.
private func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}

/// The one way steptrace reads a file a user or a lesson names.
///
/// Two rules keep a downloaded lesson from reading the rest of the machine, and any
/// path from hanging the program:
/// - a path a lesson names is relative to the lesson's folder, and after every
///   symbolic link is resolved it still lies inside that folder (`resolve(_:inside:)`);
/// - only regular files are opened: a folder, named pipe, socket or device is refused
///   before anything blocks on it (`read(_:limit:)`).
///
/// Refusals are `Refusal`s: one short sentence without the file's contents, which the
/// caller prefixes with the file, key and line.
public enum SafeFile {
    /// Why a path was refused or a file could not be read: a sentence without the file's
    /// contents, e.g. `'../../etc/passwd' leads outside the lesson folder`.
    public struct Refusal: Error, Equatable, Sendable, CustomStringConvertible {
        /// The sentence.
        public var problem: String
        /// The 1-based line of the file the problem is on, where it is on one.
        public var line: Int?
        /// Creates a refusal.
        public init(_ problem: String, line: Int? = nil) { self.problem = problem; self.line = line }
        /// The sentence.
        public var description: String { problem }
    }

    /// The real path of `name`, a path written in a lesson, resolved against the lesson's
    /// `folder`. Refuses an absolute path, one that climbs out with `..`, one whose links lead
    /// out of the folder, and one that does not exist.
    ///
    /// ```
    /// resolve("data.csv", inside: "lessons/fit")        → "/work/lessons/fit/data.csv"
    /// resolve("/etc/passwd", inside: "lessons/fit")     → Refusal: '/etc/passwd' is an absolute path; …
    /// resolve("../../etc/passwd", inside: "lessons/fit") → Refusal: '../../etc/passwd' leads outside the lesson folder
    /// ```
    public static func resolve(_ name: String, inside folder: String) throws(Refusal) -> String {
        let shown = ErrorText.quoted(name)
        guard !name.isEmpty else { throw Refusal("the path is empty") }
        guard !name.hasPrefix("/"), !name.hasPrefix("~") else {
            throw Refusal("\(shown) is an absolute path; name a file in the lesson folder, relative to it")
        }
        guard !name.unicodeScalars.contains(where: { $0.value < 0x20 || $0 == "\\" }) else {
            throw Refusal("\(shown) is not a usable file name")
        }
        var depth = 0
        for part in name.split(separator: "/") {
            if part == ".." { depth -= 1 } else if part != "." { depth += 1 }
            if depth < 0 { throw Refusal("\(shown) leads outside the lesson folder") }
        }
        guard let root = realPath(folder.isEmpty ? "." : folder) else {
            throw Refusal("the lesson folder cannot be read (\(lastError()))")
        }
        let joined = (folder.isEmpty ? "." : folder) + "/" + name
        guard let real = realPath(joined) else {
            if errno == ENOENT || errno == ENOTDIR {
                throw Refusal("\(shown) does not exist in the lesson folder")
            }
            throw Refusal("\(shown) cannot be opened (\(lastError()))")
        }
        guard real.hasPrefix(root.hasSuffix("/") ? root : root + "/") else {
            throw Refusal("\(shown) is a link to a file outside the lesson folder")
        }
        return real
    }

    /// The bytes of the regular file at `path`, at most `limit` of them.
    ///
    /// The file is opened without blocking and checked with `fstat` before any byte is read,
    /// so a named pipe, socket or device is refused at once instead of hanging.
    public static func read(_ path: String, limit: Int) throws(Refusal) -> [UInt8] {
        var info = stat()
        guard stat(path, &info) == 0 else {
            if errno == ENOENT { throw Refusal("no such file") }
            throw Refusal("cannot open (\(lastError()))")
        }
        if let kind = kindName(info.st_mode) { throw Refusal("is \(kind), not a regular file") }
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY)
        guard descriptor >= 0 else { throw Refusal("cannot open (\(lastError()))") }
        defer { close(descriptor) }
        // The path may have changed between stat and open: check what was opened.
        guard fstat(descriptor, &info) == 0 else { throw Refusal("cannot read (\(lastError()))") }
        if let kind = kindName(info.st_mode) { throw Refusal("is \(kind), not a regular file") }
        if Int(info.st_size) > limit { throw Refusal(tooLarge(limit)) }
        var bytes = [UInt8](repeating: 0, count: Int(info.st_size))
        var filled = 0
        while true {
            if filled == bytes.count {
                // The file grew since fstat: read on in chunks, up to the limit.
                guard bytes.count <= limit else { throw Refusal(tooLarge(limit)) }
                bytes.append(contentsOf: repeatElement(0, count: 65_536))
            }
            let count = bytes.withUnsafeMutableBytes { raw in
                systemRead(descriptor, raw.baseAddress! + filled, raw.count - filled)
            }
            if count < 0 {
                if errno == EINTR { continue }
                throw Refusal("cannot read (\(lastError()))")
            }
            if count == 0 { break }
            filled += count
        }
        guard filled <= limit else { throw Refusal(tooLarge(limit)) }
        bytes.removeSubrange(filled...)
        return bytes
    }

    /// `bytes` as UTF-8 text, or a refusal naming the line and byte offset of the first byte
    /// that is not UTF-8 (line 3: `is not UTF-8 text: byte 0xFF at offset 57`).
    public static func utf8Text(_ bytes: [UInt8]) throws(Refusal) -> String {
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var offset = 0, line = 1
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                offset += UTF8.width(scalar)
                if scalar == "\n" { line += 1 }
            case .emptyInput:
                return String(decoding: bytes, as: UTF8.self)
            case .error:
                let hex = String(bytes[offset], radix: 16, uppercase: true)
                throw Refusal("is not UTF-8 text: byte 0x\(hex.count == 1 ? "0" + hex : hex) at offset \(offset)", line: line)
            }
        }
    }

    /// Why a file kind cannot be read as data, or nil for a regular file.
    private static func kindName(_ mode: mode_t) -> String? {
        switch mode & S_IFMT {
        case S_IFREG: return nil
        case S_IFDIR: return "a folder"
        case S_IFIFO: return "a named pipe"
        case S_IFSOCK: return "a socket"
        case S_IFCHR, S_IFBLK: return "a device"
        default: return "not a plain file"
        }
    }

    private static func tooLarge(_ limit: Int) -> String {
        limit >= 1_048_576 ? "is larger than \(limit / 1_048_576) MiB, the most steptrace reads"
                           : "is larger than \(limit) bytes, the most steptrace reads"
    }

    private static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    private static func lastError() -> String { String(cString: strerror(errno)) }
}
