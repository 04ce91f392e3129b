import Foundation
import TestSupport
import Testing

/// Help, unknown subcommands and `list`, through the built binary.
@Suite("Command line")
struct CommandLineTests {
    @Test func binaryIsFound() {
        #expect(FileManager.default.isExecutableFile(atPath: Steptrace.binary), "no steptrace at \(Steptrace.binary)")
    }

    @Test func helpGoesToStdoutWithStatus0() throws {
        let outcome = try Steptrace.run(["--help"])
        #expect(outcome.status == 0)
        #expect(outcome.stderr.isEmpty)
        #expect(outcome.stdout.contains("USAGE: steptrace <subcommand>"))
        for command in ["list", "run", "all", "site", "compare", "trace", "map", "lr-range", "new", "check"] {
            #expect(outcome.stdout.contains("  \(command) "), "help lists \(command)")
        }
    }

    @Test func subcommandHelpGoesToStdout() throws {
        let outcome = try Steptrace.run(["trace", "--help"])
        #expect(outcome.status == 0)
        #expect(outcome.stdout.contains("--objective"))
        #expect(outcome.stdout.contains("--format"))
        #expect(outcome.stderr.isEmpty)
    }

    @Test func versionPrintsTheVersion() throws {
        let outcome = try Steptrace.run(["--version"])
        #expect(outcome.status == 0)
        #expect(outcome.stdout == "0.1.0\n")
    }

    @Test func unknownSubcommandIsOneUsageLine() throws {
        let outcome = try Steptrace.run(["bogus"])
        #expect(outcome.status == 64)
        #expect(outcome.stdout.isEmpty)
        #expect(outcome.stderr == "steptrace: Unexpected argument 'bogus'\n")
    }

    @Test func unknownOptionIsOneUsageLine() throws {
        let outcome = try Steptrace.run(["list", "--colour"])
        #expect(outcome.status == 64)
        #expect(outcome.stdout.isEmpty)
        #expect(outcome.stderrLines.count == 1)
        #expect(outcome.stderr.hasPrefix("steptrace: "))
        #expect(outcome.stderr.contains("--colour"))
    }

    /// Every folder under `lessons/` holding a `lesson.toml`, sorted.
    static var lessonIDs: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: Steptrace.lessons)) ?? []
        return names.filter { FileManager.default.fileExists(atPath: "\(Steptrace.lessons)/\($0)/lesson.toml") }.sorted()
    }

    @Test func listShowsTheFolderThenEveryLessonIdFirstThenItsTitle() throws {
        let outcome = try Steptrace.run(["list"])
        #expect(outcome.status == 0)
        #expect(outcome.stderr.isEmpty)
        var lines = outcome.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "# lessons: lessons (./lessons)")
        lines.removeFirst()
        #expect(lines.map { String($0.prefix { $0 != " " }) } == Self.lessonIDs)
        let titles = [
            "logistic-regression": "Gradient descent for regression: when to stop",
            "lr-overshoot": "Learning-rate overshoot",
            "momentum": "Momentum: where the velocity buffer comes from",
            "quadratic-fit": "Fitting a quadratic by gradient descent",
        ]
        for (id, title) in titles {
            let line = try #require(lines.first { $0.hasPrefix(id + " ") }, "no line for \(id)")
            #expect(line.dropFirst(id.count).trimmingCharacters(in: .whitespaces) == title)
        }
        // Titles start in one column, two spaces after the longest id.
        let width = Self.lessonIDs.map(\.count).max() ?? 0
        for line in lines {
            let id = line.prefix { $0 != " " }
            #expect(line.dropFirst(width + 2).first != " " && line.prefix(width + 2).dropFirst(id.count).allSatisfy { $0 == " " },
                    "title misaligned in '\(line)'")
        }
    }

    @Test func listWithAnotherLessonsFolder() throws {
        let temporary = try TemporaryFolder()
        try temporary.write("title = \"Only one\"\n", to: "lessons/only-one/lesson.toml")
        try temporary.write("not a lesson\n", to: "lessons/notes.txt")
        let outcome = try Steptrace.run(["list", "--lessons", temporary.path("lessons")])
        #expect(outcome.status == 0)
        #expect(outcome.stdout == "# lessons: \(temporary.path("lessons")) (--lessons)\nonly-one  Only one\n")
    }

    @Test func listWithoutALessonsFolderIsOneDataLine() throws {
        let temporary = try TemporaryFolder()
        let missing = temporary.path("nowhere")
        let outcome = try Steptrace.run(["list", "--lessons", missing])
        #expect(outcome.status == 65)
        #expect(outcome.stdout.isEmpty)
        #expect(outcome.stderr == "steptrace: \(missing): no lessons folder here (run steptrace from the project folder, or pass --lessons DIR)\n")
    }

    @Test func runOfAnUnknownIdIsOneDataLine() throws {
        let temporary = try TemporaryFolder()
        let outcome = try Steptrace.run(["run", "nope", "--output", temporary.folder])
        #expect(outcome.status == 65)
        #expect(outcome.stdout.isEmpty)
        #expect(outcome.stderr == "steptrace: lessons: no lesson 'nope' (lessons: \(Self.lessonIDs.joined(separator: ", ")))\n")
        #expect(temporary.entries(under: "").isEmpty)
    }

    @Test func runOfAnInvalidIdIsOneUsageLine() throws {
        let temporary = try TemporaryFolder()
        let outcome = try Steptrace.run(["run", "Momentum", "--output", temporary.folder])
        #expect(outcome.status == 64)
        #expect(outcome.stdout.isEmpty)
        #expect(outcome.stderr == "steptrace: 'Momentum' is not a lesson id (lowercase letters, digits and '-') or a path\n")
    }
}
