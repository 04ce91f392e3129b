import Foundation
import TestSupport
import Testing
@testable import Lessons

/// Lesson text parsed in memory, with the file names every error message in these tests uses.
enum LessonText {
    /// The lesson file's name in messages.
    static let file = "lessons/t/lesson.toml"
    /// The notes file's name in messages.
    static let notesFile = "lessons/t/notes.md"

    /// The shared folder of small CSV files (`Fixtures.dataFolder`).
    static var dataFolder: String { Fixtures.dataFolder }

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

    /// The repository's `lessons/` folder.
    static func shippedFolder() -> String { Fixtures.shippedLessons }

    /// A small valid lesson: a two-parameter expression and one run. Tests append tables to it.
    static let minimal = Fixtures.minimalLesson
}
