import ArgumentParser
import Foundation
import Lessons
import Reports

/// `steptrace run ID|PATH`: one lesson's handout, figures and traces.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run one lesson and write its report: DIR/ID/handout.pdf, figures/*.png, traces/*.csv.gz (and with --worksheet, --slides: worksheet.pdf, answers.pdf, slides.pdf).")

    @Argument(help: "A lesson id from the lessons folder, or the path of a lesson folder or lesson.toml.")
    var lesson: String
    @OptionGroup var options: LessonOptions
    @OptionGroup var classroom: ClassroomOptions
    @OptionGroup var traces: TraceFileOptions

    func run() throws {
        let loaded = try options.load(lesson)
        try classroom.check(loaded)
        if Progress.enabled {
            FileHandle.standardError.write(Data("\(loaded.id): \(loaded.runs.count) runs, \(loaded.figures.count) figures…\n".utf8))
        }
        let writer = traces.configure(classroom.configure(try options.writer()))
        try options.makeOutputFolder()
        let summary = try reporting { try writer.write(loaded, output: options.output) }
        let extras = summary.classroom.map { ", \($0.name) (\($0.pages) \($0.pages == 1 ? "page" : "pages"))" }.joined()
        print("\(summary.lessonID): \(summary.pages) pages, \(summary.figures) figures, \(summary.traces) traces\(extras) → \(summary.folder)")
    }
}
