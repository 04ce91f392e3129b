import Engine
import Foundation

/// Reads `lesson.toml` (and `notes.md`, and the data file it names) from a lesson
/// folder into a validated `Lesson`, or throws the first mistake as one `LessonError`.
public enum LessonLoader {
    /// The lesson file's name inside a lesson folder.
    public static let fileName = "lesson.toml"
    /// The prose file's name inside a lesson folder.
    public static let notesName = "notes.md"

    /// Loads the lesson at `path`: a lesson folder or a `lesson.toml` file.
    public static func load(path: String) throws -> Lesson {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw LessonError(file: path, problem: "no such lesson folder or file")
        }
        let folder = isDirectory.boolValue ? path : (path as NSString).deletingLastPathComponent
        let file = isDirectory.boolValue ? (path as NSString).appendingPathComponent(fileName) : path
        guard let data = FileManager.default.contents(atPath: file) else {
            throw LessonError(file: file, problem: "cannot read the lesson file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw LessonError(file: file, problem: "the lesson file is not UTF-8 text")
        }
        let id = ((folder.isEmpty ? "." : folder) as NSString).standardizingPath.split(separator: "/").last.map(String.init) ?? "lesson"
        let notesPath = (folder as NSString).appendingPathComponent(notesName)
        let notes = FileManager.default.contents(atPath: notesPath).flatMap { String(data: $0, encoding: .utf8) }
        return try parse(text: text, id: id, folder: folder, file: file, notes: notes, notesFile: notesPath)
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
