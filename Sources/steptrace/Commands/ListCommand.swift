import ArgumentParser
import Lessons

/// `steptrace list`: one lesson per line, the id first, then the title.
struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the lessons.")

    @Option(name: .long, help: "The folder holding the lessons.")
    var lessons: String = "lessons"

    func run() throws {
        let catalog: Catalog
        do { catalog = try Catalog(folder: lessons) } catch let error as LessonError { throw Failure.data(error.description) }
        let width = catalog.entries.map(\.id.count).max() ?? 0
        for entry in catalog.entries {
            print(entry.id.padding(toLength: width + 2, withPad: " ", startingAt: 0) + entry.title)
        }
    }
}
