import ArgumentParser
import Foundation
import Lessons

/// `steptrace check [ID|PATH...]`: validates lessons as `run` would, without running or writing anything.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check lessons without running them: `ok LESSON` for each good one, one line per mistake.",
        discussion: """
            Each lesson is loaded and validated as `run` does (lesson file, notes, data files). A name that \
            is a folder in the current folder is that folder, else a lesson id. Without a lesson, every \
            lesson in the lessons folder is checked. A mistake prints one line on stderr; \
            the exit status is then that of the first bad lesson (64 usage, 65 bad data), as `run` gives.
            """)

    @Argument(help: "Lesson ids from the lessons folder, or paths of lesson folders or lesson.toml files.")
    var lessons: [String] = []
    @OptionGroup var location: LessonsLocation

    func run() throws {
        let names = try lessons.isEmpty ? location.catalog().entries.map(\.folder) : lessons
        guard !names.isEmpty else { throw Failure.data("\(try location.find().path): no lessons (folders with a lesson.toml)") }
        var firstFailure: Failure?
        for name in names {
            do {
                // A bare name that is a folder here is that folder (`check my-lesson` beside it), else an id.
                _ = try location.load(!LessonsLocation.isPath(name) && LessonsLocation.isFolder(name) ? name + "/" : name)
                print("ok \(name)")
            } catch let failure as Failure {
                Failure.printLine(failure.message)
                firstFailure = firstFailure ?? failure
            }
        }
        // Every line is out already; only the status is left to give.
        if let firstFailure { Foundation.exit(firstFailure.status) }
    }
}
