import ArgumentParser
struct ListCommand: ParsableCommand { static let configuration = CommandConfiguration(commandName: "list") }
struct RunCommand: ParsableCommand { static let configuration = CommandConfiguration(commandName: "run") }
struct AllCommand: ParsableCommand { static let configuration = CommandConfiguration(commandName: "all") }
struct CompareCommand: ParsableCommand { static let configuration = CommandConfiguration(commandName: "compare") }
