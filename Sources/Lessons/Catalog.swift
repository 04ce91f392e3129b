import Foundation

/// The lessons in a folder: every subfolder holding a `lesson.toml`, sorted by id.
public struct Catalog {
    /// One lesson's id, title and folder.
    public struct Entry: Equatable {
        /// The lesson's id: its folder's name.
        public var id: String
        /// The title from its `lesson.toml`.
        public var title: String
        /// The lesson's folder.
        public var folder: String
    }

    /// The folder that was read.
    public var folder: String
    /// Its lessons, sorted by id.
    public var entries: [Entry]

    /// Reads the titles of every lesson under `folder`, validating nothing else; a lesson with
    /// a broken file still gets an entry (its title read as best as possible) so `list` shows it.
    public init(folder: String) throws {
        self.folder = folder
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw LessonError(file: folder, problem: "no lessons folder here (run steptrace from the project folder, or pass --lessons DIR)")
        }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        entries = names.sorted().compactMap { name -> Entry? in
            let sub = (folder as NSString).appendingPathComponent(name)
            guard Catalog.isValidID(name), FileManager.default.fileExists(atPath: (sub as NSString).appendingPathComponent(LessonLoader.fileName)) else { return nil }
            // Read as `run` reads it (a regular file inside the folder), so a pipe cannot hang `list`.
            let bytes = try? SafeFile.read(SafeFile.resolve(LessonLoader.fileName, inside: sub), limit: LessonLoader.maximumFileBytes)
            let title = bytes.flatMap { Catalog.title(in: String(decoding: $0, as: UTF8.self)) }
            return Entry(id: name, title: title ?? "(untitled)", folder: sub)
        }
    }

    /// Whether `id` is a safe lesson id: lowercase letters, digits and '-', not starting with '-'.
    public static func isValidID(_ id: String) -> Bool {
        guard let first = id.first, first != "-", id.count <= 64 else { return false }
        return id.allSatisfy { ($0.isASCII && ($0.isLowercase || $0.isNumber)) || $0 == "-" }
    }

    /// The title of a lesson file, or nil when the file does not parse (`run` will say why).
    static func title(in text: String) -> String? {
        (try? TOMLParser.parse(text))?["title"]?.string
    }

    /// The folder of lesson `idOrPath`: an id in this catalog, or a path to a lesson folder or file.
    public func resolve(_ idOrPath: String) throws -> String {
        if let entry = entries.first(where: { $0.id == idOrPath }) { return entry.folder }
        if idOrPath.contains("/") || idOrPath.hasSuffix(".toml") { return idOrPath }
        let known = entries.map(\.id).joined(separator: ", ")
        throw LessonError(file: folder, problem: "no lesson '\(idOrPath)' (lessons: \(known.isEmpty ? "none" : known))")
    }
}
