import ArgumentParser
import Foundation
import Lessons
import Reports

/// `--worksheet` and `--slides`: the classroom files `run` and `all` may write beside a handout.
struct ClassroomOptions: ParsableArguments {
    @Flag(name: .long, help: "Also write DIR/ID/worksheet.pdf and DIR/ID/answers.pdf from the lesson's exercises.")
    var worksheet = false
    @Flag(name: .long, help: "Also write DIR/ID/slides.pdf: 16:9 slides, one per section of the notes.")
    var slides = false

    /// `writer` set to write what was asked for.
    func configure(_ writer: ReportWriter) -> ReportWriter {
        var writer = writer
        writer.writesWorksheet = worksheet
        writer.writesSlides = slides
        return writer
    }

    /// A worksheet needs exercises: one line naming the notes file when `lesson` has none.
    func check(_ lesson: Lesson) throws {
        guard worksheet, lesson.exercises.isEmpty else { return }
        let notes = (lesson.folder as NSString).appendingPathComponent(LessonLoader.notesName)
        throw Failure.data("\(notes): --worksheet needs exercises ('::: exercise KIND' blocks, see lessons/README.md); this lesson has none")
    }

    /// What the index says about a lesson's classroom files: `; worksheet [worksheet.pdf](ID/worksheet.pdf) (2 pages) …`.
    static func indexText(_ files: [ClassroomFile], lessonID: String) -> String {
        let names = ["worksheet.pdf": "worksheet", "answers.pdf": "answer key", "slides.pdf": "slides"]
        return files.map { file in
            let unit = file.name == "slides.pdf" ? "slide" : "page"
            return "; \(names[file.name] ?? file.name) [\(file.name)](\(lessonID)/\(file.name)) (\(file.pages) \(unit)\(file.pages == 1 ? "" : "s"))"
        }.joined()
    }
}
