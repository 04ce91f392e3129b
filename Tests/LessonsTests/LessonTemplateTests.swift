import Foundation
import Testing
@testable import Lessons

/// The lesson `steptrace new` writes loads as it is and shows the common keys.
@Suite("Lesson template")
struct LessonTemplateTests {
    @Test func theTemplateLoadsWithTwoRunsAFigureOfEachKindATableAndTheResults() throws {
        let lesson = try LessonLoader.parse(text: LessonTemplate.lessonFile, id: "first", folder: "/nonexistent",
                                            file: "first/lesson.toml", notes: LessonTemplate.notesFile, notesFile: "first/notes.md")
        #expect(lesson.title == "A first lesson")
        #expect(lesson.runs.map(\.id) == ["plain", "momentum"])
        #expect(lesson.figures.map(\.id) == ["paths", "losses"])
        #expect(lesson.tables.map(\.id) == ["first-steps"])
        #expect(lesson.notes.contains(.insert(kind: "results", id: nil)))
        #expect(lesson.notes.contains(.insert(kind: "table", id: "first-steps")))
        #expect(lesson.notes.contains(.insert(kind: "figure", id: "paths")))
    }
}
