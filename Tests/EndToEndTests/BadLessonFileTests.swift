import Foundation
import TestSupport
import Testing

/// `steptrace run PATH` on broken lesson folders: one line naming the file and the key or line,
/// exit status 65, nothing on stdout, nothing written.
@Suite("Bad lesson files")
struct BadLessonFileTests {
    /// A small valid lesson with a data file; each case breaks one thing.
    static let good = """
        title = "Fit a line"

        [problem]
        objective = "(y - (a*x + b))^2"
        parameters = ["a", "b"]
        start = [0, 0]
        data = "data.csv"
        model = "a*x + b"

        [[runs]]
        id = "descent"
        optimizer = "sgd"
        lr = 0.1
        steps = 20

        [[figures]]
        id = "loss"
        kind = "loss"
        runs = ["descent"]
        caption = "The loss."
        """
    static let goodNotes = "## Notes\n\nText.\n\n{{figure loss}}\n\n{{results}}\n"
    static let data = Fixtures.seedCSV

    /// One broken lesson folder: what to write and the message after `FOLDER/`.
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var toml: String
        var notes: String = BadLessonFileTests.goodNotes
        var data: String? = BadLessonFileTests.data
        /// Runs on the lesson folder after its files are written (links, pipes, raw bytes).
        var setup: (@Sendable (String) throws -> Void)? = nil
        /// The stderr line, with `{dir}` standing for the lesson folder.
        var message: String
        var testDescription: String { name }
    }

    /// Replaces `name` in `dir` with a symbolic link to `target`.
    static func link(_ name: String, to target: String) -> @Sendable (String) throws -> Void {
        { dir in
            try? FileManager.default.removeItem(atPath: dir + "/" + name)
            try FileManager.default.createSymbolicLink(atPath: dir + "/" + name, withDestinationPath: target)
        }
    }

    /// Replaces `name` in `dir` with a named pipe (reading it would block forever).
    static func pipe(_ name: String) -> @Sendable (String) throws -> Void {
        { dir in
            try? FileManager.default.removeItem(atPath: dir + "/" + name)
            #expect(mkfifo(dir + "/" + name, 0o644) == 0)
        }
    }

    static let cases: [Case] = [
        Case(name: "a start outside the objective's domain", toml: good.replacingOccurrences(of: "objective = \"(y - (a*x + b))^2\"", with: "objective = \"(y - (a*x + b))^2 + log(a)\""),
             message: "{dir}/lesson.toml line 10, key 'runs[0]': loss is not finite at the start of problem 'main' (a = 0, b = 0): log(a) of zero on data row 1"),
        Case(name: "TOML syntax error", toml: good.replacingOccurrences(of: "steps = 20", with: "steps = = 20"),
             message: "{dir}/lesson.toml line 14: TOML syntax error: expected a value (a string, number, true, false, array or table), found '=' (column 9)"),
        Case(name: "unknown key", toml: good.replacingOccurrences(of: "lr = 0.1", with: "lr = 0.1\nlearning_rat = 0.1"),
             message: "{dir}/lesson.toml line 14, key 'runs[0].learning_rat': unknown key (known keys here: id, problem, label, optimizer, convention, lr, momentum, nesterov, dampening, rho, beta1, beta2, epsilon, initial_accumulator, schedule, steps, epochs, gradient_tolerance, loss_tolerance, divergence_factor, batch, shuffle, box, simplex, fixed, start)"),
        Case(name: "wrong type", toml: good.replacingOccurrences(of: "steps = 20", with: "steps = \"20\""),
             message: "{dir}/lesson.toml line 14, key 'runs[0].steps': expected a whole number, found the string \"20\""),
        Case(name: "missing data file", toml: good, data: nil,
             message: "{dir}/lesson.toml line 7, key 'problem.data': 'data.csv' does not exist in the lesson folder"),
        Case(name: "absolute data path", toml: good.replacingOccurrences(of: "data.csv", with: "/etc/passwd"),
             message: "{dir}/lesson.toml line 7, key 'problem.data': '/etc/passwd' is an absolute path; name a file in the lesson folder, relative to it"),
        Case(name: "data path climbing out", toml: good.replacingOccurrences(of: "data.csv", with: "../../../../../../../../etc/passwd"),
             message: "{dir}/lesson.toml line 7, key 'problem.data': '../../../../../../../../etc/passwd' leads outside the lesson folder"),
        Case(name: "data file linked outside", toml: good, setup: link("data.csv", to: "/etc/shadow"),
             message: "{dir}/lesson.toml line 7, key 'problem.data': 'data.csv' is a link to a file outside the lesson folder"),
        Case(name: "data file linked inside", toml: good.replacingOccurrences(of: "steps = 20", with: "steps = 0"),
             setup: { dir in
                 try FileManager.default.moveItem(atPath: dir + "/data.csv", toPath: dir + "/real.csv")
                 try FileManager.default.createSymbolicLink(atPath: dir + "/data.csv", withDestinationPath: "real.csv")
             },
             message: "{dir}/lesson.toml line 14, key 'runs[0].steps': steps must be at least 1, got 0"),
        Case(name: "data file is a named pipe", toml: good, setup: pipe("data.csv"),
             message: "{dir}/lesson.toml line 7, key 'problem.data': {dir}/data.csv: is a named pipe, not a regular file"),
        Case(name: "notes linked outside", toml: good, setup: link("notes.md", to: "/etc/passwd"),
             message: "{dir}/notes.md: 'notes.md' is a link to a file outside the lesson folder"),
        Case(name: "notes is a folder", toml: good,
             setup: { dir in
                 try FileManager.default.removeItem(atPath: dir + "/notes.md")
                 try FileManager.default.createDirectory(atPath: dir + "/notes.md", withIntermediateDirectories: false)
             },
             message: "{dir}/notes.md: is a folder, not a regular file"),
        Case(name: "notes is a named pipe", toml: good, setup: pipe("notes.md"),
             message: "{dir}/notes.md: is a named pipe, not a regular file"),
        Case(name: "notes not UTF-8", toml: good,
             setup: { dir in try Data(Array("## Notes\n\nLatin-1: caf".utf8) + [0xE9, 0x0A]).write(to: URL(fileURLWithPath: dir + "/notes.md")) },
             message: "{dir}/notes.md line 3: is not UTF-8 text: byte 0xE9 at offset 22"),
        Case(name: "lesson file linked outside", toml: good, setup: link("lesson.toml", to: "/etc/passwd"),
             message: "{dir}/lesson.toml: 'lesson.toml' is a link to a file outside the lesson folder"),
        Case(name: "runs past the lesson budget", toml: good.replacingOccurrences(of: "steps = 20", with: "steps = 15000000")
                + "\n\n[[runs]]\nid = \"again\"\noptimizer = \"sgd\"\nsteps = 15000000\n",
             message: "{dir}/lesson.toml line 14, key 'runs[0].steps': the lesson's runs would record up to 270 million trace values (about 2.2 GB in memory and 4.3 GB of CSV), past the budget of 100 million per lesson; run 'descent' records 135 million: use fewer steps"),
        Case(name: "ragged data file", toml: good, data: "x,y\n0,0\n1,1,1\n",
             message: "{dir}/lesson.toml line 7, key 'problem.data': {dir}/data.csv line 3: expected 2 fields separated by ',', found 3"),
        Case(name: "unknown name in the objective", toml: good.replacingOccurrences(of: "(y - (a*x + b))^2", with: "(y - (a*x + c))^2"),
             message: "{dir}/lesson.toml line 4, key 'problem.objective': unknown name 'c' at column 13 (parameters: a, b; data columns: x, y)"),
        Case(name: "figure naming a missing run", toml: good.replacingOccurrences(of: "runs = [\"descent\"]", with: "runs = [\"descnet\"]"),
             message: "{dir}/lesson.toml line 19, key 'figures[0].runs[0]': no run or sweep has the id 'descnet' (runs: descent)"),
        Case(name: "duplicate run id", toml: good + "\n\n[[runs]]\nid = \"descent\"\noptimizer = \"adam\"\nsteps = 5\n",
             message: "{dir}/lesson.toml line 23, key 'runs[1].id': duplicate run id 'descent'"),
        Case(name: "momentum 1.5", toml: good.replacingOccurrences(of: "lr = 0.1", with: "lr = 0.1\nmomentum = 1.5"),
             message: "{dir}/lesson.toml line 14, key 'runs[0].momentum': momentum must be in [0, 1), got 1.5"),
        Case(name: "notes naming a missing figure", toml: good, notes: goodNotes + "\n{{figure nope}}\n",
             message: "{dir}/notes.md line 9: {{figure nope}} names no figure in lesson.toml (known: loss)"),
        Case(name: "notes with a placeholder inside a sentence", toml: good, notes: "Text.\n\nAs {{figure loss}} shows.\n",
             message: "{dir}/notes.md line 3: a {{figure}} placeholder must stand alone on its line"),
        Case(name: "notes with an unknown formula command", toml: good, notes: "Text.\n\n    x = \\foo y\n",
             message: "{dir}/notes.md line 3: unknown command \\foo in a formula (the subset is listed in lessons/README.md)"),
        Case(name: "notes with an unknown insert", toml: good, notes: "Text.\n\n{{chart loss}}\n",
             message: "{dir}/notes.md line 3: unknown insert '{{chart loss}}' (expected {{figure ID}}, {{table ID}}, {{check ID}}, {{analysis ID}}, {{rule RUN}}, {{fact NAME}} or {{results}})"),
        Case(name: "an unknown exercise kind", toml: good, notes: goodNotes + "\n::: exercise guess\nWhat?\n::: answer\nThis.\n:::\n",
             message: "{dir}/notes.md line 9: unknown exercise kind 'guess' (expected compute, predict, explain)"),
        Case(name: "an answer without a question", toml: good, notes: goodNotes + "\n::: exercise explain\n::: answer\nThis.\n:::\n",
             message: "{dir}/notes.md line 10: an answer without a question: write the question between '::: exercise' and '::: answer'"),
        Case(name: "a trace number past the run's end", toml: good,
             notes: goodNotes + "\n::: exercise compute\nFrom a = {{trace descent 21 a}}?\n::: answer\nThis.\n:::\n",
             message: "{dir}/notes.md line 10: {{trace descent 21 …}}: step 21 is past the end of run 'descent' (it takes at most 20 steps; 'last' names its last row)"),
        Case(name: "a blank on a column the table lacks",
             toml: good + "\n\n[[tables]]\nid = \"steps\"\nrun = \"descent\"\ncolumns = [\"step\", \"a\"]\nblank = { b = [1] }\ncaption = \"Steps.\"\n",
             message: "{dir}/lesson.toml line 26, key 'tables[0].blank.b': 'b' is not a column of this table that can be blanked (columns: a)"),
        Case(name: "no title", toml: good.replacingOccurrences(of: "title = \"Fit a line\"", with: ""),
             message: "{dir}/lesson.toml, key 'title': is required (a string)"),
    ]

    @Test(arguments: cases)
    func brokenLessonIsOneLineAndWritesNothing(_ broken: Case) throws {
        let temporary = try TemporaryFolder()
        let slug = String(broken.name.lowercased().map { $0.isLetter || $0.isNumber ? $0 : "-" })
        let dir = temporary.path("lesson-\(slug)")
        try temporary.write(broken.toml, to: (dir as NSString).lastPathComponent + "/lesson.toml")
        try temporary.write(broken.notes, to: (dir as NSString).lastPathComponent + "/notes.md")
        if let data = broken.data { try temporary.write(data, to: (dir as NSString).lastPathComponent + "/data.csv") }
        try broken.setup?(dir)
        let output = temporary.path("out")
        try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
        let before = temporary.entries(under: (dir as NSString).lastPathComponent)

        let outcome = try Steptrace.run(["run", dir, "--output", output])
        #expect(outcome.status == 65)
        #expect(outcome.stdoutBytes.isEmpty, "stdout: \(outcome.stdout)")
        let expected = "steptrace: \(broken.message.replacingOccurrences(of: "{dir}", with: dir))\n"
        #expect(outcome.stderr == expected)
        #expect(temporary.entries(under: "out").isEmpty, "written: \(temporary.entries(under: "out"))")
        #expect(temporary.entries(under: (dir as NSString).lastPathComponent) == before)
    }

    @Test func theGoodLessonRuns() throws {
        let temporary = try TemporaryFolder()
        try temporary.write(Self.good, to: "fit-line/lesson.toml")
        try temporary.write(Self.goodNotes, to: "fit-line/notes.md")
        try temporary.write(Self.data, to: "fit-line/data.csv")
        let outcome = try Steptrace.run(["run", temporary.path("fit-line"), "--output", temporary.path("out")])
        #expect(outcome.status == 0, "stderr: \(outcome.stderr)")
        #expect(temporary.files(under: "out") == ["fit-line/figures/loss.png", "fit-line/handout.pdf", "fit-line/traces/descent.csv.gz"])
    }

    @Test func aMissingOutputFolderIsNotCreatedForABrokenLesson() throws {
        let temporary = try TemporaryFolder()
        try temporary.write(Self.good.replacingOccurrences(of: "steps = 20", with: "steps = 0"), to: "fit-line/lesson.toml")
        try temporary.write(Self.data, to: "fit-line/data.csv")
        let output = temporary.path("not/yet")
        let outcome = try Steptrace.run(["run", temporary.path("fit-line"), "--output", output])
        #expect(outcome.status == 65)
        #expect(outcome.stdout.isEmpty)
        #expect(outcome.stderr == "steptrace: \(temporary.path("fit-line/lesson.toml")) line 14, key 'runs[0].steps': steps must be at least 1, got 0\n")
        #expect(!FileManager.default.fileExists(atPath: temporary.path("not")))
    }

    @Test func aPathThatIsNoLessonIsOneLine() throws {
        let temporary = try TemporaryFolder()
        let missing = temporary.path("nowhere/lesson")
        let outcome = try Steptrace.run(["run", missing, "--output", temporary.path("out")])
        #expect(outcome.status == 65)
        #expect(outcome.stdout.isEmpty)
        #expect(outcome.stderr == "steptrace: \(missing): no such lesson folder or file\n")
        #expect(!FileManager.default.fileExists(atPath: temporary.path("out")))
    }

    @Test func aFolderNameThatIsNoLessonIdIsOneUsageLine() throws {
        let temporary = try TemporaryFolder()
        try temporary.write(Self.good, to: "Fit_Line/lesson.toml")
        try temporary.write(Self.data, to: "Fit_Line/data.csv")
        let outcome = try Steptrace.run(["run", temporary.path("Fit_Line"), "--output", temporary.path("out")])
        #expect(outcome.status == 64)
        #expect(outcome.stdout.isEmpty)
        #expect(outcome.stderr == "steptrace: \(temporary.path("Fit_Line")): the folder name 'Fit_Line' is not a valid lesson id (lowercase letters, digits and '-')\n")
        #expect(!FileManager.default.fileExists(atPath: temporary.path("out")))
    }
}
