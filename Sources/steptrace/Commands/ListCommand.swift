import ArgumentParser
import Lessons

/// `steptrace list`: a header naming the lessons folder read, then one lesson per line, the id first, then the title.
struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the lessons.",
        discussion: "The first line names the folder read and how it was found: `# lessons: PATH (SOURCE)`.")

    @OptionGroup var location: LessonsLocation

    func run() throws {
        let found = try location.find()
        let catalog = try LessonsLocation.catalog(of: found)
        print("# lessons: \(found.path) (\(found.source))")
        let width = catalog.entries.map(\.id.count).max() ?? 0
        for entry in catalog.entries {
            print(entry.id.padding(toLength: width + 2, withPad: " ", startingAt: 0) + entry.title)
        }
    }
}
