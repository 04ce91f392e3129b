import ArgumentParser
import Foundation

/// The `steptrace` command: lessons in, figures and handouts out.
struct Steptrace: ParsableCommand {
    static let version = "0.1.0"
    static let configuration = CommandConfiguration(
        commandName: "steptrace",
        abstract: "Teaches how optimizers work: runs lessons, traces every step, draws figures and handouts.",
        version: version,
        subcommands: [ListCommand.self, RunCommand.self, AllCommand.self, SiteCommand.self, CompareCommand.self, TraceCommand.self, MapCommand.self, RangeTestCommand.self,
                      NewCommand.self, CheckCommand.self]
    )
}

extension Steptrace {
    /// Options that may be given more than once (each time for a different name).
    static let repeatableOptions: Set<String> = ["--box", "--set", "--grid"]

    /// The first option in `arguments` given a second time, unless it is repeatable: a flag
    /// given twice is a mistake, never a silent choice of one of the values.
    static func optionGivenTwice(in arguments: [String]) -> String? {
        var seen = Set<String>()
        for argument in arguments {
            if argument == "--" { break }
            guard argument.hasPrefix("--"), argument.count > 2 else { continue }
            let name = String(argument.prefix { $0 != "=" })
            if !repeatableOptions.contains(name) && !seen.insert(name).inserted { return name }
        }
        return nil
    }
}

/// Entry point: every failure becomes one line on stderr and an exit status
/// (64 for usage, 65 for bad data, 70 for anything internal); help goes to stdout.
@main
enum Main {
    static func main() {
        if let twice = Steptrace.optionGivenTwice(in: Array(CommandLine.arguments.dropFirst())) {
            Failure.report("\(twice) is given twice; give it once", status: 64)
        }
        do {
            var command = try Steptrace.parseAsRoot()
            try command.run()
        } catch let failure as Failure {
            Failure.report(failure.message, status: failure.status)
        } catch {
            let code = Steptrace.exitCode(for: error)
            if code == .success {
                print(Steptrace.fullMessage(for: error))
                exit(0)
            }
            if code == .failure && !(error is ExitCode) {
                // Not a parsing error: one a command threw without turning it into a `Failure`.
                let failure = Failure(error)
                Failure.report(failure.message, status: failure.status)
            }
            let message = Steptrace.message(for: error)
            Failure.report(message.isEmpty ? "invalid arguments" : message, status: code.rawValue == 0 ? 64 : code.rawValue)
        }
    }
}
