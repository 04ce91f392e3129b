import ArgumentParser
import Foundation
import Lessons
import Plot
import Reports

/// Options shared by the commands that read lessons and write reports.
struct LessonOptions: ParsableArguments {
    @Option(name: .long, help: "The folder holding the lessons.")
    var lessons: String = "lessons"
    @Option(name: .long, help: "The folder reports are written into.")
    var output: String = "output"
    @Option(name: .long, help: "Paper for handouts: a4 or letter.")
    var paper: Paper = .a4
    @Flag(name: .long, help: "Also write every figure as SVG beside its PNG.")
    var svg = false

    enum Paper: String, ExpressibleByArgument, CaseIterable { case a4, letter }

    /// The catalog of `--lessons`.
    func catalog() throws -> Catalog {
        do { return try Catalog(folder: lessons) } catch let error as LessonError { throw Failure.data(error.description) }
    }

    /// Loads a lesson by id or path, turning its mistakes into one line.
    func load(_ idOrPath: String) throws -> Lesson {
        do {
            let folder: String
            if idOrPath.contains("/") || idOrPath.hasSuffix(".toml") {
                folder = idOrPath
            } else {
                guard Catalog.isValidID(idOrPath) else {
                    throw Failure.usage("'\(idOrPath)' is not a lesson id (lowercase letters, digits and '-') or a path")
                }
                folder = try catalog().resolve(idOrPath)
            }
            let lesson = try LessonLoader.load(path: folder)
            guard Catalog.isValidID(lesson.id) else {
                throw Failure.usage("\(folder): the folder name '\(lesson.id)' is not a valid lesson id (lowercase letters, digits and '-')")
            }
            return lesson
        } catch let error as LessonError {
            throw Failure.data(error.description)
        }
    }

    /// The writer for reports: Cairo, the chosen paper, a fixed creation date.
    func writer() throws -> ReportWriter {
        let backend = try CairoRenderBackend()
        var writer = ReportWriter(backend: backend, compression: backend, paper: paper == .a4 ? .a4 : .letter,
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

/// Runs `body`, turning report and render errors into one-line failures.
func reporting<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let failure as Failure {
        throw failure
    } catch let error as LessonError {
        throw Failure.data(error.description)
    } catch let error as ReportError {
        throw Failure.cannotCreate(error.message)
    } catch {
        throw Failure.cannotCreate("\(error)")
    }
}
