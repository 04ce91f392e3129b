import ArgumentParser
import Foundation
import Lessons
import Reports

/// `steptrace all`: every lesson's report, and an index of them.
struct AllCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "all",
        abstract: "Write every lesson's report (with --worksheet, --slides: worksheets, answer keys, slides) and an index file into the output folder.")

    @OptionGroup var options: LessonOptions
    @Flag(name: .long, help: "Also write web pages: DIR/index.html and DIR/ID/index.html (what `steptrace site` writes).")
    var html = false
    @OptionGroup var classroom: ClassroomOptions
    @OptionGroup var traces: TraceFileOptions

    func run() throws {
        try Self.writeAll(options: options, html: html, classroom: classroom, traces: traces)
    }

    /// Writes every lesson's report and `index.md`, with `html` the lesson pages and `index.html`, and the
    /// worksheets, answer keys and slides `classroom` asks for, traces with the digits `traces` asks for.
    static func writeAll(options: LessonOptions, html: Bool, classroom: ClassroomOptions? = nil, traces: TraceFileOptions) throws {
        let catalog = try options.catalog()
        guard !catalog.entries.isEmpty else { throw Failure.data("\(catalog.folder): no lessons (folders with a lesson.toml)") }
        // Validate every lesson before writing anything.
        let lessons = try catalog.entries.map { try options.load($0.folder) }
        var writer = try options.writer()
        if let classroom { writer = classroom.configure(writer) }
        writer = traces.configure(writer)
        writer.writesHTML = html
        try options.makeOutputFolder()
        var lines = ["# steptrace lessons", ""]
        func land(_ lesson: Lesson, _ pending: ReportWriter.Pending) throws {
            let summary = try reporting { try pending.finish() }
            if Progress.enabled {
                FileHandle.standardError.write(Data("\(summary.lessonID): \(summary.pages) pages, \(summary.figures) figures, \(summary.traces) traces\n".utf8))
            }
            lines.append("- [\(lesson.title)](\(lesson.id)/handout.pdf) (`\(lesson.id)`): \(summary.pages) pages, \(summary.figures) figures, "
                + "\(summary.traces) traces in `\(lesson.id)/traces/*.csv.gz`"
                + ClassroomOptions.indexText(summary.classroom, lessonID: lesson.id)
                + (classroom?.worksheet == true && lesson.exercises.isEmpty ? "; no exercises, so no worksheet" : ""))
        }
        // One lesson's traces compress while the next lesson runs and renders; each lands once both are done.
        var previous: (lesson: Lesson, pending: ReportWriter.Pending)? = nil
        for lesson in lessons {
            let pending = try reporting { try writer.begin(lesson, output: options.output) }
            if let previous { try land(previous.lesson, previous.pending) }
            previous = (lesson, pending)
        }
        if let previous { try land(previous.lesson, previous.pending) }
        let index = (options.output as NSString).appendingPathComponent("index.md")
        try reporting { try FileOutput.write(Array((lines.joined(separator: "\n") + "\n").utf8), to: index) }
        guard html else {
            print("wrote \(lessons.count) lessons and \(index)")
            return
        }
        let gallery = (options.output as NSString).appendingPathComponent("index.html")
        let page = SiteGallery.html(lessons: lessons, output: options.output, version: Steptrace.version)
        try reporting { try FileOutput.write(Array(page.utf8), to: gallery) }
        print("wrote \(lessons.count) lessons, \(index) and \(gallery)")
    }
}
