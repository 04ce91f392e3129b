import Engine
import Foundation

/// Reads `lesson.toml` (and `notes.md`, and the data file it names) from a lesson
/// folder into a validated `Lesson`, or throws the first mistake as one `LessonError`.
public enum LessonLoader {
    /// The lesson file's name inside a lesson folder.
    public static let fileName = "lesson.toml"
    /// The prose file's name inside a lesson folder.
    public static let notesName = "notes.md"

    /// The largest lesson or notes file read (1 MiB).
    public static let maximumFileBytes = 1_048_576

    /// Loads the lesson at `path`: a lesson folder or a `lesson.toml` file.
    ///
    /// `lesson.toml` and `notes.md` are read like every file a lesson names (`SafeFile`): regular
    /// files inside the lesson's folder, UTF-8 text. A lesson without `notes.md` has no prose.
    public static func load(path: String) throws -> Lesson {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw LessonError(file: path, problem: "no such lesson folder or file")
        }
        let folder = isDirectory.boolValue ? path : (path as NSString).deletingLastPathComponent
        let file = isDirectory.boolValue ? (path as NSString).appendingPathComponent(fileName) : path
        // A lesson file the user named is theirs to point anywhere; one found in a folder stays inside it.
        let text = try readText(isDirectory.boolValue ? inside(folder, fileName, shown: file) : file, shown: file)
        let id = ((folder.isEmpty ? "." : folder) as NSString).standardizingPath.split(separator: "/").last.map(String.init) ?? "lesson"
        let notesPath = (folder as NSString).appendingPathComponent(notesName)
        var notes: String? = nil
        if FileManager.default.fileExists(atPath: notesPath) || isLink(notesPath) {
            notes = try readText(inside(folder, notesName, shown: notesPath), shown: notesPath)
        }
        return try parse(text: text, id: id, folder: folder, file: file, notes: notes, notesFile: notesPath)
    }

    /// The real path of `name` in `folder`, or a `LessonError` naming `shown`.
    private static func inside(_ folder: String, _ name: String, shown: String) throws -> String {
        do { return try SafeFile.resolve(name, inside: folder) } catch {
            throw LessonError(file: shown, problem: error.problem)
        }
    }

    /// The UTF-8 text of the regular file at `path`, or a `LessonError` naming `shown`.
    private static func readText(_ path: String, shown: String) throws -> String {
        do {
            return try SafeFile.utf8Text(SafeFile.read(path, limit: maximumFileBytes))
        } catch {
            throw LessonError(file: shown, line: error.line, problem: error.problem)
        }
    }

    /// Whether `path` is a symbolic link (even one whose target is missing).
    private static func isLink(_ path: String) -> Bool {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) != nil
    }

    /// Parses lesson text; `folder` resolves the data file.
    public static func parse(text: String, id: String, folder: String, file: String,
                             notes: String?, notesFile: String) throws -> Lesson {
        let table: TOMLTable
        do {
            table = try TOMLParser.parse(text)
        } catch {
            throw LessonError(file: file, line: error.line, problem: "TOML syntax error: \(error.message) (column \(error.column))")
        }
        let root = TableReader(table: table, path: "", file: file)
        return try LessonDecoder(root: root, id: id, folder: folder, file: file)
            .decode(notes: notes, notesFile: notesFile)
    }
}
