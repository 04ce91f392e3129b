import ArgumentParser
import Foundation
import Lessons

/// `--lessons DIR`, and where the lessons are when it is not given.
///
/// The lookup order: `--lessons DIR`, then `./lessons`, then `$STEPTRACE_LESSONS`, then the lessons
/// installed beside the binary (`<bin>/../share/steptrace/lessons`, as `make install` lays them out).
struct LessonsLocation: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "The folder holding the lessons.",
        discussion: "Default: ./lessons if it exists, else $STEPTRACE_LESSONS, else the installed lessons."))
    var lessons: String?

    /// A lessons folder and how it was found.
    struct Found {
        /// The folder, as given or found (relative for `./lessons`, so messages stay short).
        var path: String
        /// How it was found: `--lessons`, `./lessons`, `$STEPTRACE_LESSONS` or `installed`.
        var source: String
    }

    /// The lessons folder, by the lookup order; one line when there is none.
    func find() throws -> Found {
        if let lessons { return Found(path: lessons, source: "--lessons") }
        return try Self.findDefault()
    }

    /// The lessons folder when `--lessons` is not given: `./lessons`, `$STEPTRACE_LESSONS`, the installed lessons.
    static func findDefault() throws -> Found {
        if isFolder("lessons") { return Found(path: "lessons", source: "./lessons") }
        if let variable = ProcessInfo.processInfo.environment["STEPTRACE_LESSONS"], !variable.isEmpty {
            guard isFolder(variable) else { throw Failure.data("\(variable) (from $STEPTRACE_LESSONS): no such folder") }
            return Found(path: variable, source: "$STEPTRACE_LESSONS")
        }
        if let installed, isFolder(installed) { return Found(path: installed, source: "installed") }
        throw Failure.data("no lessons folder: no ./lessons here, $STEPTRACE_LESSONS is not set and no lessons are "
            + "installed beside steptrace; pass --lessons DIR")
    }

    /// `<folder of the binary>/../share/steptrace/lessons`, links to the binary followed.
    static var installed: String? {
        guard let binary = Bundle.main.executableURL?.resolvingSymlinksInPath() else { return nil }
        return binary.deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("share/steptrace/lessons").standardizedFileURL.path
    }

    static func isFolder(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    /// The catalog of the lessons folder.
    func catalog() throws -> Catalog {
        try Self.catalog(of: try find())
    }

    /// The catalog of `found`, its mistakes as one line.
    static func catalog(of found: Found) throws -> Catalog {
        do { return try Catalog(folder: found.path) } catch let error as LessonError { throw Failure.data(error.description) }
    }

    /// Loads a lesson by id (from the lessons folder) or path, turning its mistakes into one line.
    func load(_ idOrPath: String) throws -> Lesson {
        try Self.load(idOrPath) { try catalog() }
    }

    /// Loads a lesson by id (from the catalog `catalog` gives, asked only for an id) or path.
    static func load(_ idOrPath: String, catalog: () throws -> Catalog) throws -> Lesson {
        do {
            let folder: String
            if isPath(idOrPath) {
                folder = idOrPath
            } else {
                guard Catalog.isValidID(idOrPath) else {
                    throw Failure.usage("'\(idOrPath)' is not a lesson id (lowercase letters, digits and '-') or a path")
                }
                folder = try catalog().resolve(idOrPath)
            }
            let lesson = try LessonLoader.load(path: folder)
            guard Catalog.isValidID(lesson.id) else {
                throw Failure.usage("\(folder): the folder name '\(lesson.id)' is not a valid lesson id (lowercase letters, digits and '-')")
            }
            return lesson
        } catch let error as LessonError {
            throw Failure.data(error.description)
        }
    }

    /// Whether `idOrPath` names a path (it holds a '/' or ends in `.toml`) rather than an id.
    static func isPath(_ idOrPath: String) -> Bool {
        idOrPath.contains("/") || idOrPath.hasSuffix(".toml")
    }
}
