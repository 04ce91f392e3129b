import ArgumentParser
import Foundation
import Lessons
import Plot
import Reports

/// Options shared by the commands that read lessons and write reports.
struct LessonOptions: ParsableArguments {
    @OptionGroup var location: LessonsLocation
    @Option(name: .long, help: "The folder reports are written into.")
    var output: String = "output"
    @Option(name: .long, help: "Paper for handouts: a4 or letter.")
    var paper: Paper = .a4
    @Flag(name: .long, help: "Also write every figure as SVG beside its PNG.")
    var svg = false

    enum Paper: String, ExpressibleByArgument, CaseIterable { case a4, letter }

    /// The catalog of the lessons folder (see `LessonsLocation` for the lookup order).
    func catalog() throws -> Catalog { try location.catalog() }

    /// Loads a lesson by id or path, turning its mistakes into one line.
    func load(_ idOrPath: String) throws -> Lesson { try location.load(idOrPath) }

    /// The writer for reports: Cairo, the chosen paper, a fixed creation date.
    func writer() throws -> ReportWriter {
        let backend = try CairoRenderBackend()
        var writer = ReportWriter(backend: backend, compression: GzipCompression(), paper: paper == .a4 ? .a4 : .letter,
                                  version: Steptrace.version, creationDate: LessonOptions.creationDate)
        writer.writesSVG = svg
        return writer
    }

    /// `SOURCE_DATE_EPOCH` when set, else 2026-01-01, so the same lesson gives the same bytes.
    static var creationDate: Int {
        if let text = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"], let seconds = Int(text), seconds >= 0 { return seconds }
        return 1_767_225_600
    }

    /// Creates the output folder, with one line on failure.
    func makeOutputFolder() throws {
        do { try FileOutput.makeFolder(output) } catch let error as ReportError { throw Failure.cannotCreate(error.message) }
    }
}

/// Runs `body`, turning every error into a one-line failure with the status it deserves: a bad
/// lesson, expression or data file 65, a file that could not be written 73, anything else 70.
func reporting<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch {
        throw Failure(error)
    }
}
