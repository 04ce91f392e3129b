import Foundation
import TestSupport
import Testing

/// `run --worksheet --slides` and `all --worksheet --slides` through the built binary: the files,
/// their sizes and page counts, what their text holds and lacks, and the same bytes every time.
@Suite("Worksheets and slides on disk")
struct ClassroomCommandTests {
    /// One momentum run with both flags, shared by the tests that only read it.
    static let momentum: Result<(TemporaryFolder, Outcome), Error> = Result {
        let folder = try TemporaryFolder(prefix: "steptrace-e2e-classroom")
        // A static folder is never released, so it goes when the test process exits.
        removeAtExit(folder.folder)
        let outcome = try Steptrace.run(["run", "momentum", "--worksheet", "--slides", "--output", folder.folder])
        return (folder, outcome)
    }

    static func shared() throws -> TemporaryFolder {
        let (folder, outcome) = try momentum.get()
        try #require(outcome.status == 0, "stderr: \(outcome.stderr)")
        return folder
    }

    @Test func runWritesTheWorksheetKeyAndSlidesBesideTheHandout() throws {
        let folder = try Self.shared()
        let (_, outcome) = try Self.momentum.get()
        #expect(folder.entries(under: "momentum") == ["answers.pdf", "figures", "handout.pdf", "slides.pdf", "traces", "worksheet.pdf"])
        #expect(outcome.stdout.contains("worksheet.pdf (") && outcome.stdout.contains("answers.pdf (") && outcome.stdout.contains("slides.pdf ("))
        let a4 = try Files.pdfInfo(folder.path("momentum/worksheet.pdf"))
        #expect(a4["Page size"]?.hasPrefix("595.276 x 841.89") == true, "got \(a4["Page size"] ?? "?")")
        #expect(try Files.pdfPages(folder.path("momentum/worksheet.pdf")) >= 2)
        #expect(try Files.pdfPages(folder.path("momentum/answers.pdf")) >= 2)
        #expect(folder.entries(under: "").filter { $0.hasPrefix(".") }.isEmpty, "staging left behind")
    }

    /// The velocity table blanks rows 1–2 of x, g and v and rows 0–1 of Δx; the key prints them.
    @Test func theWorksheetLacksTheBlankedNumbersAndTheAnswersThatTheKeyHas() throws {
        let folder = try Self.shared()
        let worksheet = try Files.pdfText(folder.path("momentum/worksheet.pdf"))
        let key = try Files.pdfText(folder.path("momentum/answers.pdf"))
        for blanked in ["−3.92000", "−3.76960", "0.150400", "0.080000"] {
            #expect(!worksheet.contains(blanked), "the worksheet shows the blanked \(blanked)")
            #expect(key.contains(blanked), "the key lacks \(blanked)")
        }
        // Unblanked cells of the same table are in both.
        for shown in ["−3.55885", "−0.680000"] { #expect(worksheet.contains(shown) && key.contains(shown), "\(shown)") }
        // Answers only in the key; the questions and their trace numbers in both.
        #expect(!worksheet.contains("Answer.") && key.contains("Answer."))
        #expect(!worksheet.contains("very first step") && key.contains("very first step"))
        #expect(worksheet.contains("Exercise 1") && worksheet.contains("compute by hand") && worksheet.contains("predict"))
        #expect(worksheet.contains("Empty axes: sketch your prediction here."))
        #expect(worksheet.contains("Name") && worksheet.contains("Date"))
        #expect(key.contains("0.1504"), "the key's worked v₂")
    }

    @Test func slidesAre1280By720WithASlidePerSectionTitleAndTakeaways() throws {
        let folder = try Self.shared()
        let info = try Files.pdfInfo(folder.path("momentum/slides.pdf"))
        #expect(info["Page size"]?.hasPrefix("1280 x 720 pts") == true, "got \(info["Page size"] ?? "?")")
        let notes = try String(contentsOfFile: Steptrace.lessons + "/momentum/notes.md", encoding: .utf8)
        let sections = notes.split(separator: "\n").filter { $0.hasPrefix("## ") }.count
        // The title slide, a slide per section; "What to notice" (a list only) becomes the closing take-aways.
        #expect(Int(info["Pages"] ?? "") == sections + 1)
        let text = try Files.pdfText(folder.path("momentum/slides.pdf"))
        #expect(text.contains("The learner asked:"))
        #expect(text.contains("Take-aways"))
        #expect(text.contains("The buffer, step by step"))
    }

    @Test func worksheetsAndSlidesAreTheSameBytesEveryTime() throws {
        let folder = try Self.shared()
        let again = try TemporaryFolder(prefix: "steptrace-e2e-classroom-again")
        let outcome = try Steptrace.run(["run", "momentum", "--slides", "--worksheet", "--output", again.folder])
        try #require(outcome.status == 0, "stderr: \(outcome.stderr)")
        for name in ["worksheet.pdf", "answers.pdf", "slides.pdf", "handout.pdf"] {
            let a = FileManager.default.contents(atPath: folder.path("momentum/" + name))
            #expect(a != nil && a == FileManager.default.contents(atPath: again.path("momentum/" + name)), "\(name) differs")
        }
    }

    @Test func letterPaperGivesALetterWorksheet() throws {
        let folder = try TemporaryFolder()
        let outcome = try Steptrace.run(["run", "lr-overshoot", "--worksheet", "--paper", "letter", "--output", folder.folder])
        try #require(outcome.status == 0, "stderr: \(outcome.stderr)")
        for name in ["worksheet.pdf", "answers.pdf"] {
            #expect(try Files.pdfInfo(folder.path("lr-overshoot/" + name))["Page size"]?.hasPrefix("612 x 792") == true)
        }
        #expect(!FileManager.default.fileExists(atPath: folder.path("lr-overshoot/slides.pdf")))
    }

    @Test func allListsTheNewFilesInItsIndex() throws {
        let folder = try TemporaryFolder()
        for id in ["momentum", "lr-overshoot"] {
            try FileManager.default.createDirectory(atPath: folder.path("lessons"), withIntermediateDirectories: true)
            try FileManager.default.copyItem(atPath: Steptrace.lessons + "/" + id, toPath: folder.path("lessons/" + id))
        }
        // A lesson without exercises gets no worksheet, and the index says so.
        try folder.write("title = \"Bare\"\n[problem]\nobjective = \"x^2\"\nparameters = [\"x\"]\nstart = [1]\n[[runs]]\nid = \"a\"\noptimizer = \"sgd\"\nsteps = 3\n",
                         to: "lessons/bare/lesson.toml")
        let outcome = try Steptrace.run(["all", "--worksheet", "--slides", "--lessons", folder.path("lessons"), "--output", folder.path("out")])
        try #require(outcome.status == 0, "stderr: \(outcome.stderr)")
        let index = try String(contentsOfFile: folder.path("out/index.md"), encoding: .utf8)
        let items = index.split(separator: "\n").filter { $0.hasPrefix("- ") }
        #expect(items.count == 3)
        for id in ["momentum", "lr-overshoot"] {
            let item = try #require(items.first { $0.contains("(`\(id)`)") })
            for name in ["worksheet.pdf", "answers.pdf", "slides.pdf"] {
                #expect(item.contains("[\(name)](\(id)/\(name))"), "\(id): \(item)")
                #expect(FileManager.default.fileExists(atPath: folder.path("out/\(id)/\(name)")))
            }
        }
        let bare = try #require(items.first { $0.contains("(`bare`)") })
        #expect(bare.contains("no exercises, so no worksheet") && bare.contains("[slides.pdf](bare/slides.pdf)"))
        #expect(!FileManager.default.fileExists(atPath: folder.path("out/bare/worksheet.pdf")))
    }

    @Test func aWorksheetOfALessonWithoutExercisesIsOneLineAndWritesNothing() throws {
        let folder = try TemporaryFolder()
        try folder.write("title = \"Bare\"\n[problem]\nobjective = \"x^2\"\nparameters = [\"x\"]\nstart = [1]\n[[runs]]\nid = \"a\"\noptimizer = \"sgd\"\nsteps = 3\n",
                         to: "bare/lesson.toml")
        let outcome = try Steptrace.run(["run", folder.path("bare"), "--worksheet", "--output", folder.path("out")])
        #expect(outcome.status == 65)
        #expect(outcome.stdout.isEmpty)
        #expect(outcome.stderr == "steptrace: \(folder.path("bare"))/notes.md: --worksheet needs exercises ('::: exercise KIND' blocks, see lessons/README.md); this lesson has none\n")
        #expect(!FileManager.default.fileExists(atPath: folder.path("out")))
    }

    @Test(arguments: [
        (["--worksheets"], "Unknown option '--worksheets'"),
        (["--slides", "--slides"], "--slides is given twice; give it once"),
        (["--worksheet=yes"], "--worksheet"),
    ])
    func badFlagsAreOneUsageLine(flags: [String], fragment: String) throws {
        let folder = try TemporaryFolder()
        let outcome = try Steptrace.run(["run", "momentum"] + flags + ["--output", folder.folder])
        #expect(outcome.status == 64)
        #expect(outcome.stdout.isEmpty)
        #expect(outcome.stderrLines.count == 1 && outcome.stderr.hasPrefix("steptrace: ") && outcome.stderr.contains(fragment),
                "stderr: \(outcome.stderr)")
        #expect(folder.entries(under: "").isEmpty)
    }
}
