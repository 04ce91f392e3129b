import Foundation
import Testing
@testable import Lessons

/// Lesson text parsed in memory, with the file names every error message in these tests uses.
enum LessonText {
    /// The lesson file's name in messages.
    static let file = "lessons/t/lesson.toml"
    /// The notes file's name in messages.
    static let notesFile = "lessons/t/notes.md"

    /// A folder holding `data.csv` (x,y: 0,0 1,1 1,2 2,1) and `classes.csv` (x1,x2,label), made once per test process.
    static let dataFolder: String = {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("steptrace-lessons-tests-\(getpid())").path
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: folder + "/data.csv", contents: Data("x,y\n0,0\n1,1\n1,2\n2,1\n".utf8))
        FileManager.default.createFile(atPath: folder + "/classes.csv",
                                       contents: Data("x1,x2,label\n0,0,0\n1,0,0\n0,1,1\n1,1,1\n".utf8))
        FileManager.default.createFile(atPath: folder + "/ragged.csv", contents: Data("x,y\n0,0\n1\n".utf8))
        return folder
    }()

    /// Parses `toml` (and `notes`) as lesson `t` whose data files live in `dataFolder`.
    static func parse(_ toml: String, notes: String? = nil) throws -> Lesson {
        try LessonLoader.parse(text: toml, id: "t", folder: dataFolder, file: file, notes: notes, notesFile: notesFile)
    }

    /// The one-line message `toml` fails with, or nil when it loads.
    static func failure(_ toml: String, notes: String? = nil) -> String? {
        do {
            _ = try parse(toml, notes: notes)
            return nil
        } catch let error as LessonError {
            return error.description
        } catch {
            return "not a LessonError: \(error)"
        }
    }

    /// The repository's `lessons/` folder, found from this file's path.
    static func shippedFolder() -> String {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("lessons").path
    }

    /// A small valid lesson: a two-parameter expression and one run. Tests append tables to it.
    static let minimal = """
        title = "T"

        [problem]
        objective = "x^2 + 10*y^2"
        parameters = ["x", "y"]
        start = [1, 2]

        [[runs]]
        id = "a"
        optimizer = "sgd"
        lr = 0.01
        steps = 10
        """
}
