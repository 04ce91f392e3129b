import Foundation
import TestSupport
import Testing

/// `scripts/install.sh` (what `make install` and `make uninstall` run after building), the lessons lookup
/// from other folders, `new` and `check`, through the built binary.
@Suite("Install, new and check")
struct InstallTests {
    /// Runs `bash scripts/install.sh arguments…` from the repository root.
    static func installScript(_ arguments: [String]) throws -> Outcome {
        try Steptrace.launch(URL(fileURLWithPath: "/usr/bin/env"),
                             ["bash", Steptrace.root.appendingPathComponent("scripts/install.sh").path] + arguments,
                             in: Steptrace.root)
    }

    /// Every path under `folder` (files and folders), relative and sorted.
    static func tree(_ folder: String) -> [String] {
        ((FileManager.default.enumerator(atPath: folder)?.allObjects as? [String]) ?? []).sorted()
    }

    // MARK: install

    @Test func installIntoAPrefixThenListRunAndNewFromAnotherFolderThenUninstall() throws {
        let prefix = try TemporaryFolder(prefix: "steptrace-prefix")
        // A folder that was there before stays after uninstall; everything install made goes.
        try FileManager.default.createDirectory(atPath: prefix.path("bin"), withIntermediateDirectories: true)
        try prefix.write("someone else's\n", to: "share/man/man1/other.1")
        let before = Self.tree(prefix.folder)
        // The man page comes from the generate-manual plugin in `make install`; any file stands in for it here.
        let scratch = try TemporaryFolder()
        let manPage = try scratch.write(".Dd January 1, 2026\n.Dt STEPTRACE 1\n", to: "steptrace.1")

        let install = try Self.installScript(["install", prefix.folder, Steptrace.binary, manPage])
        try #require(install.status == 0, "install: \(install.stderr)")
        let installed = prefix.path("bin/steptrace")
        #expect(FileManager.default.isExecutableFile(atPath: installed))
        #expect(FileManager.default.fileExists(atPath: prefix.path("share/steptrace/lessons/momentum/lesson.toml")))
        #expect(FileManager.default.fileExists(atPath: prefix.path("share/man/man1/steptrace.1")))
        let bash = try String(contentsOfFile: prefix.path("share/bash-completion/completions/steptrace"), encoding: .utf8)
        #expect(bash.contains("steptrace") && bash.contains("check") && bash.contains("new"))
        let zsh = try String(contentsOfFile: prefix.path("share/zsh/site-functions/_steptrace"), encoding: .utf8)
        #expect(zsh.hasPrefix("#compdef steptrace"))
        #expect(FileManager.default.fileExists(atPath: prefix.path("share/fish/vendor_completions.d/steptrace.fish")))
        // The manifest lists every file written.
        let manifest = try String(contentsOfFile: prefix.path("share/steptrace/install-manifest"), encoding: .utf8)
        let listed = manifest.split(separator: "\n").filter { $0.hasPrefix("f ") }.map { String($0.dropFirst(2)) }
        let files = prefix.files().map { prefix.path($0) }.filter { !$0.hasSuffix("install-manifest") && !$0.hasSuffix("other.1") }
        #expect(listed.sorted() == files.sorted())

        // From a folder without ./lessons, the installed lessons are found and named.
        let elsewhere = try TemporaryFolder(prefix: "steptrace-elsewhere")
        let list = try Steptrace.launch(URL(fileURLWithPath: installed), ["list"], in: elsewhere.url)
        #expect(list.status == 0, "\(list.stderr)")
        let header = list.stdout.split(separator: "\n").first.map(String.init)
        let lessons = URL(fileURLWithPath: prefix.path("share/steptrace/lessons")).resolvingSymlinksInPath().path
        #expect(header == "# lessons: \(lessons) (installed)")
        #expect(list.stdout.contains("\nmomentum "))

        let run = try Steptrace.launch(URL(fileURLWithPath: installed), ["run", "momentum", "--output", "out"], in: elsewhere.url)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(FileManager.default.fileExists(atPath: elsewhere.path("out/momentum/handout.pdf")))
        #expect(FileManager.default.fileExists(atPath: elsewhere.path("out/momentum/traces/keras.csv.gz")))

        let new = try Steptrace.launch(URL(fileURLWithPath: installed), ["new", "my-lesson"], in: elsewhere.url)
        #expect(new.status == 0, "\(new.stderr)")
        #expect(new.stdout == "wrote ./my-lesson/lesson.toml and notes.md\n")
        let copy = try Steptrace.launch(URL(fileURLWithPath: installed), ["new", "my-momentum", "--from", "momentum"], in: elsewhere.url)
        #expect(copy.status == 0, "\(copy.stderr)")
        #expect(elsewhere.files(under: "my-momentum") == ["lesson.toml", "notes.md"])
        let ownRun = try Steptrace.launch(URL(fileURLWithPath: installed), ["run", "./my-lesson", "--output", "out"], in: elsewhere.url)
        #expect(ownRun.status == 0, "\(ownRun.stderr)")

        let uninstall = try Self.installScript(["uninstall", prefix.folder])
        #expect(uninstall.status == 0, "uninstall: \(uninstall.stderr)")
        #expect(Self.tree(prefix.folder) == before)
    }

    // MARK: where the lessons are

    @Test func lessonsAreLookedUpInOrderAndListSaysWhere() throws {
        let elsewhere = try TemporaryFolder(prefix: "steptrace-elsewhere")
        let named = try Steptrace.run(["list", "--lessons", Steptrace.lessons], in: elsewhere.url)
        #expect(named.stdout.hasPrefix("# lessons: \(Steptrace.lessons) (--lessons)\n"))
        let variable = try Steptrace.run(["list"], in: elsewhere.url, environment: ["STEPTRACE_LESSONS": Steptrace.lessons])
        #expect(variable.stdout.hasPrefix("# lessons: \(Steptrace.lessons) ($STEPTRACE_LESSONS)\n"))
        // ./lessons comes before $STEPTRACE_LESSONS.
        try elsewhere.write("title = \"Here\"\n", to: "lessons/here/lesson.toml")
        let here = try Steptrace.run(["list"], in: elsewhere.url, environment: ["STEPTRACE_LESSONS": Steptrace.lessons])
        #expect(here.stdout == "# lessons: lessons (./lessons)\nhere  Here\n")

        let missing = elsewhere.path("nowhere")
        let wrong = try Steptrace.run(["list"], in: elsewhere.url.appendingPathComponent("lessons"),
                                      environment: ["STEPTRACE_LESSONS": missing])
        #expect(wrong.status == 65)
        #expect(wrong.stderr == "steptrace: \(missing) (from $STEPTRACE_LESSONS): no such folder\n")
        // The build folder has no installed lessons beside the binary.
        let none = try Steptrace.run(["run", "momentum"], in: elsewhere.url.appendingPathComponent("lessons"))
        #expect(none.status == 65)
        #expect(none.stderr.hasPrefix("steptrace: no lessons folder: no ./lessons here"))
        #expect(none.stderrLines.count == 1)
    }

    // MARK: new

    @Test func newWritesIntoLessonsWhenThereAndTheLessonChecksAndRuns() throws {
        let temporary = try TemporaryFolder()
        try FileManager.default.createDirectory(atPath: temporary.path("lessons"), withIntermediateDirectories: true)
        let new = try Steptrace.run(["new", "first-steps"], in: temporary.url)
        #expect(new.status == 0, "\(new.stderr)")
        #expect(new.stdout == "wrote lessons/first-steps/lesson.toml and notes.md\n")
        #expect(temporary.entries(under: "lessons") == ["first-steps"], "no staging folder left")
        let check = try Steptrace.run(["check"], in: temporary.url)
        #expect(check.status == 0 && check.stdout == "ok lessons/first-steps\n", "\(check.stderr)")
        let run = try Steptrace.run(["run", "first-steps", "--output", "out"], in: temporary.url)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.hasPrefix("first-steps: "))
        #expect(temporary.files(under: "out/first-steps")
            == ["figures/losses.png", "figures/paths.png", "handout.pdf", "traces/momentum.csv.gz", "traces/plain.csv.gz"])
        let text = try Files.pdfText(temporary.path("out/first-steps/handout.pdf"))
        #expect(text.contains("A first lesson") && text.contains("Table 1."))
    }

    @Test func newWritesWhereLessonsSays() throws {
        let temporary = try TemporaryFolder()
        let new = try Steptrace.run(["new", "mine", "--lessons", "course"], in: temporary.url)
        #expect(new.status == 0, "\(new.stderr)")
        #expect(temporary.files(under: "course") == ["mine/lesson.toml", "mine/notes.md"])
    }

    @Test func newRefusesAnExistingFolderAndABadIdWithOneLine() throws {
        let temporary = try TemporaryFolder()
        try temporary.write("mine\n", to: "taken/keep.txt")
        let taken = try Steptrace.run(["new", "taken"], in: temporary.url)
        #expect(taken.status == 73)
        #expect(taken.stdout.isEmpty)
        #expect(taken.stderr == "steptrace: ./taken: already exists; choose another id\n")
        #expect(temporary.files(under: "taken") == ["keep.txt"])
        let bad = try Steptrace.run(["new", "Bad_Id"], in: temporary.url)
        #expect(bad.status == 64)
        #expect(bad.stderr == "steptrace: 'Bad_Id' is not a lesson id (lowercase letters, digits and '-', not starting with '-')\n")
        let unknown = try Steptrace.run(["new", "copy", "--from", "./nowhere"], in: temporary.url)
        #expect(unknown.status == 65)
        #expect(unknown.stderrLines.count == 1)
        #expect(temporary.entries(under: "") == ["taken"], "nothing else written")
    }

    @Test func newFromCopiesOnlyTheRegularFiles() throws {
        let temporary = try TemporaryFolder()
        try temporary.write("""
            title = "Fit a line"
            [problem]
            objective = "0.5*(y - (a*x + b))^2"
            parameters = ["a", "b"]
            start = [0, 0]
            data = "data/points.csv"
            [[runs]]
            id = "descent"
            optimizer = "sgd"
            lr = 0.05
            epochs = 20
            """, to: "source/lesson.toml")
        try temporary.write("x,y\n0,1\n1,3\n2,5\n", to: "source/data/points.csv")
        try FileManager.default.createSymbolicLink(atPath: temporary.path("source/alias.csv"), withDestinationPath: "data/points.csv")
        let copy = try Steptrace.run(["new", "fit", "--from", "./source"], in: temporary.url)
        #expect(copy.status == 0, "\(copy.stderr)")
        #expect(copy.stdout == "copied source into ./fit\n")
        #expect(temporary.files(under: "fit") == ["data/points.csv", "lesson.toml"])
        let run = try Steptrace.run(["run", "./fit", "--output", "out"], in: temporary.url)
        #expect(run.status == 0, "\(run.stderr)")
    }

    // MARK: check

    @Test func checkReportsEveryBadLessonOnOneLineAndOkForTheGoodOnes() throws {
        let temporary = try TemporaryFolder()
        try temporary.write("title = 3\n", to: "wrong-title/lesson.toml")
        try temporary.write("title = \"No runs\"\n[problem]\nobjective = \"x^2\"\nparameters = [\"x\"]\nstart = [1]\nruns = 3\n",
                            to: "bad-runs/lesson.toml")
        let good = Steptrace.lessons + "/momentum"
        let outcome = try Steptrace.run(["check", good, "wrong-title", "./bad-runs", "lr-overshoot"], in: temporary.url,
                                        environment: ["STEPTRACE_LESSONS": Steptrace.lessons])
        #expect(outcome.status == 65)
        #expect(outcome.stdout == "ok \(good)\nok lr-overshoot\n")
        #expect(outcome.stderrLines.count == 2, "\(outcome.stderr)")
        #expect(outcome.stderrLines.first == "steptrace: wrong-title/lesson.toml line 1, key 'title': expected a string, found the integer 3")
        #expect(outcome.stderrLines.last?.hasPrefix("steptrace: ./bad-runs/lesson.toml") == true)
        #expect(temporary.entries(under: "") == ["bad-runs", "wrong-title"], "check writes nothing")
    }

    @Test func checkGivesRunsStatusForOneLesson() throws {
        let temporary = try TemporaryFolder()
        let momentum = try String(contentsOfFile: Steptrace.lessons + "/momentum/lesson.toml", encoding: .utf8)
        try temporary.write(momentum, to: "Bad_Name/lesson.toml")
        let badName = try Steptrace.run(["check", "./Bad_Name"], in: temporary.url)
        let runBadName = try Steptrace.run(["run", "./Bad_Name", "--output", "out"], in: temporary.url)
        #expect(badName.status == 64 && runBadName.status == 64)
        #expect(badName.stderr == runBadName.stderr)
        #expect(badName.stdout.isEmpty)
    }

    @Test func checkWithoutLessonsChecksTheLessonsFolder() throws {
        let outcome = try Steptrace.run(["check"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout == CommandLineTests.lessonIDs.map { "ok lessons/\($0)\n" }.joined())
    }

    // MARK: compressed traces

    /// Report traces keep every row and column of `trace`'s CSV, each value correctly rounded to 9
    /// significant digits; with `--exact-traces` they are `trace`'s CSV byte for byte.
    @Test func aCompressedTraceIsTraceCommandsCSVValueForValue() throws {
        let temporary = try TemporaryFolder()
        try temporary.write("""
            title = "Two conventions"
            [problem]
            objective = "0.5*(x^2 + 10*y^2)"
            parameters = ["x", "y"]
            start = [-4, 2]
            [[runs]]
            id = "keras"
            optimizer = "sgd"
            lr = 0.02
            momentum = 0.9
            steps = 300
            [[runs]]
            id = "adam"
            optimizer = "adam"
            convention = "pytorch"
            lr = 0.1
            steps = 300
            """, to: "bowl/lesson.toml")
        let run = try Steptrace.run(["run", "./bowl", "--output", "out"], in: temporary.url)
        try #require(run.status == 0, "\(run.stderr)")
        let exact = try Steptrace.run(["run", "./bowl", "--output", "exact", "--exact-traces"], in: temporary.url)
        try #require(exact.status == 0, "\(exact.stderr)")
        let common = ["trace", "--objective", "0.5*(x^2 + 10*y^2)", "--start", "x=-4,y=2", "--steps", "300"]
        let expected = [
            "keras": common + ["--optimizer", "sgd", "--lr", "0.02", "--momentum", "0.9"],
            "adam": common + ["--optimizer", "adam", "--convention", "pytorch", "--lr", "0.1"],
        ]
        for (id, arguments) in expected.sorted(by: { $0.key < $1.key }) {
            let trace = try Steptrace.run(arguments)
            try #require(trace.status == 0, "\(trace.stderr)")
            let stdout = TraceCSV(text: trace.stdout)
            let stored = try TraceCSV(path: temporary.path("out/bowl/traces/\(id).csv.gz"))
            #expect(stored.header == stdout.header, "\(id)")
            #expect(stored.rows.count == 301 && stored.rows.count == stdout.rows.count, "\(id)")
            var changed = 0
            for (a, b) in zip(stored.rows, stdout.rows) {
                // C's %.8e rounds correctly to 9 significant digits.
                let rounded = b.map { Double(String(format: "%.8e", $0))! }
                #expect(a.map(\.bitPattern) == rounded.map(\.bitPattern), "\(id) step \(a.first ?? -1)")
                changed += zip(a, b).filter { $0 != $1 }.count
            }
            #expect(changed > 300, "\(id): most values have more than 9 digits, \(changed) changed")
            let exactStored = try TraceCSV(path: temporary.path("exact/bowl/traces/\(id).csv.gz"))
            for (a, b) in zip(exactStored.rows, stdout.rows) {
                #expect(a.map(\.bitPattern) == b.map(\.bitPattern), "\(id) step \(a.first ?? -1), exact")
            }
            #expect(try Files.gunzip(temporary.path("exact/bowl/traces/\(id).csv.gz")) == trace.stdout, "\(id): the same text")
        }
    }
}
