import Foundation
import TestSupport
import Testing

/// `run`, `all` and `compare` through the built binary: files, page counts, PDF text and the numbers in the traces.
@Suite("Reports on disk")
struct ReportCommandTests {
    /// Checks the layout of one lesson's report folder: a handout of at least three pages, PNG figures, gzip CSV traces.
    static func checkReportFolder(_ folder: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let fm = FileManager.default
        let handout = (folder as NSString).appendingPathComponent("handout.pdf")
        #expect(fm.fileExists(atPath: handout), "no \(handout)", sourceLocation: sourceLocation)
        #expect(try Files.pdfPages(handout) >= 3, "\(handout) has fewer than 3 pages", sourceLocation: sourceLocation)
        let figures = try fm.contentsOfDirectory(atPath: folder + "/figures").sorted()
        #expect(!figures.isEmpty, sourceLocation: sourceLocation)
        for name in figures {
            #expect(name.hasSuffix(".png"), "\(name) in figures/", sourceLocation: sourceLocation)
            #expect(Files.isPNG(folder + "/figures/" + name), "\(name) is not a PNG", sourceLocation: sourceLocation)
        }
        let traces = try fm.contentsOfDirectory(atPath: folder + "/traces").sorted()
        #expect(!traces.isEmpty, sourceLocation: sourceLocation)
        for name in traces {
            #expect(name.hasSuffix(".csv.gz"), "\(name) in traces/", sourceLocation: sourceLocation)
            let csv = try TraceCSV(path: folder + "/traces/" + name)
            #expect(csv.header.first == "step" && csv.header.dropFirst().first == "loss", sourceLocation: sourceLocation)
            #expect(!csv.rows.isEmpty, sourceLocation: sourceLocation)
        }
        // Nothing half-written left behind.
        let hidden = try fm.contentsOfDirectory(atPath: (folder as NSString).deletingLastPathComponent).filter { $0.hasPrefix(".") }
        #expect(hidden.isEmpty, "left behind: \(hidden)", sourceLocation: sourceLocation)
    }

    // MARK: run

    @Test func runMomentumWritesTheHandoutFiguresAndTraces() throws {
        let temporary = try TemporaryFolder()
        let outcome = try Steptrace.run(["run", "momentum", "--output", temporary.folder])
        #expect(outcome.status == 0, "stderr: \(outcome.stderr)")
        #expect(outcome.stdout.hasPrefix("momentum: "))
        #expect(temporary.entries(under: "") == ["momentum"])
        try Self.checkReportFolder(temporary.path("momentum"))
        #expect(temporary.files(under: "momentum/figures")
            == ["drop-path.png", "nesterov-loss.png", "paths.png", "rate-momentum-map.png", "same-path.png", "velocity-curve.png"])
        #expect(temporary.files(under: "momentum/traces")
            == ["half.csv.gz", "keras-drop.csv.gz", "keras.csv.gz", "nesterov.csv.gz", "plain.csv.gz", "pytorch-drop.csv.gz",
                "pytorch.csv.gz"])
        let info = try Files.pdfInfo(temporary.path("momentum/handout.pdf"))
        #expect(info["Page size"]?.hasPrefix("595.276 x 841.89") == true, "A4 by default, got \(info["Page size"] ?? "?")")
    }

    @Test func momentumVelocityStartsAtZeroAndFillsWithTheFirstUpdate() throws {
        let temporary = try TemporaryFolder()
        // Exact traces: the checks below are equalities of doubles.
        let outcome = try Steptrace.run(["run", "momentum", "--output", temporary.folder, "--exact-traces"])
        try #require(outcome.status == 0, "stderr: \(outcome.stderr)")
        let csv = try TraceCSV(path: temporary.path("momentum/traces/keras.csv.gz"))
        for p in ["x", "y"] {
            #expect(csv.value("velocity.\(p)", row: 0) == 0, "velocity.\(p) at step 0")
            let p0 = try #require(csv.value(p, row: 0)), p1 = try #require(csv.value(p, row: 1))
            let v1 = try #require(csv.value("velocity.\(p)", row: 1)), u1 = try #require(csv.value("update.\(p)", row: 0))
            let g0 = try #require(csv.value("grad.\(p)", row: 0))
            // v₁ = μ·0 − η g₀ exactly; the step from row 0 (its update) moves θ by v₁ (up to the rounding of θ₀ + v₁).
            #expect(v1 == -0.02 * g0)
            #expect(u1 == p1 - p0)
            #expect(abs(v1 - u1) <= 1e-15 * max(1, abs(p0)), "velocity \(v1) vs update \(u1)")
            // From step 2 on the velocity carries μ times the previous one.
            let v2 = try #require(csv.value("velocity.\(p)", row: 2)), g1 = try #require(csv.value("grad.\(p)", row: 1))
            #expect(abs(v2 - (0.9 * v1 - 0.02 * g1)) < 1e-15)
        }
        // The start is (−4, 2) and the gradient of ½(x² + 10y²) there is (−4, 20).
        #expect(csv.value("x", row: 0) == -4 && csv.value("y", row: 0) == 2)
        #expect(csv.value("velocity.x", row: 1) == 0.08 && csv.value("velocity.y", row: 1) == -0.4)
        // The handout prints the velocity table: its columns and first rows.
        let text = try Files.pdfText(temporary.path("momentum/handout.pdf"))
        #expect(text.contains("velocity"))
        #expect(text.contains("Table 1."))
        #expect(text.contains("0.08"), "first velocity 0.08 in the handout")
        #expect(text.contains("−0.4") || text.contains("-0.4"), "first velocity −0.4 in the handout")
        #expect(text.contains("The velocity starts at exactly zero") || text.contains("starts at exactly"))
    }

    @Test func runAcceptsALessonFolderOutsideLessons() throws {
        let temporary = try TemporaryFolder()
        let copy = temporary.path("elsewhere/my-momentum")
        try FileManager.default.createDirectory(atPath: temporary.path("elsewhere"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Steptrace.lessons + "/momentum", toPath: copy)
        let output = temporary.path("out")
        let outcome = try Steptrace.run(["run", copy, "--output", output])
        #expect(outcome.status == 0, "stderr: \(outcome.stderr)")
        #expect(temporary.entries(under: "out") == ["my-momentum"])
        try Self.checkReportFolder(temporary.path("out/my-momentum"))
        // The lesson file itself also names the lesson.
        let byFile = try Steptrace.run(["run", copy + "/lesson.toml", "--output", temporary.path("out2")])
        #expect(byFile.status == 0, "stderr: \(byFile.stderr)")
        #expect(FileManager.default.fileExists(atPath: temporary.path("out2/my-momentum/handout.pdf")))
        // Nothing was written into the copied lesson folder.
        #expect(temporary.entries(under: "elsewhere/my-momentum") == ["lesson.toml", "notes.md"])
    }

    @Test func letterPaperGivesALetterPDF() throws {
        let temporary = try TemporaryFolder()
        let outcome = try Steptrace.run(["run", "momentum", "--paper", "letter", "--output", temporary.folder])
        #expect(outcome.status == 0, "stderr: \(outcome.stderr)")
        let info = try Files.pdfInfo(temporary.path("momentum/handout.pdf"))
        #expect(info["Page size"]?.hasPrefix("612 x 792") == true, "got \(info["Page size"] ?? "?")")
        #expect(Int(info["Pages"] ?? "") ?? 0 >= 3)
    }

    @Test func unknownPaperIsOneUsageLine() throws {
        let temporary = try TemporaryFolder()
        let outcome = try Steptrace.run(["run", "momentum", "--paper", "a3", "--output", temporary.folder])
        #expect(outcome.status == 64)
        #expect(outcome.stdout.isEmpty)
        #expect(outcome.stderr == "steptrace: The value 'a3' is invalid for '--paper <paper>'. Please provide one of 'a4' and 'letter'.\n")
        #expect(temporary.entries(under: "").isEmpty)
    }

    @Test func rerunReplacesTheOldReport() throws {
        let temporary = try TemporaryFolder()
        try temporary.write("stale", to: "momentum/figures/stale.png")
        let outcome = try Steptrace.run(["run", "momentum", "--output", temporary.folder])
        #expect(outcome.status == 0, "stderr: \(outcome.stderr)")
        #expect(!FileManager.default.fileExists(atPath: temporary.path("momentum/figures/stale.png")))
        #expect(temporary.entries(under: "") == ["momentum"])
    }

    // MARK: all (one shared run)

    @Test func allWritesEveryLessonAndAnIndex() throws {
        let shared = try SharedReports.get()
        let ids = CommandLineTests.lessonIDs
        #expect(try FileManager.default.contentsOfDirectory(atPath: shared.output).sorted() == (ids + ["index.md"]).sorted())
        for id in ids { try Self.checkReportFolder(shared.path(id)) }
        let index = try String(contentsOfFile: shared.path("index.md"), encoding: .utf8)
        let items = index.split(separator: "\n").filter { $0.hasPrefix("- ") }
        #expect(items.count == ids.count)
        for (item, id) in zip(items, ids) {
            #expect(item.contains("(\(id)/handout.pdf)"), "index line for \(id): \(item)")
            #expect(item.contains("`\(id)`"))
            #expect(item.contains("traces in `\(id)/traces/*.csv.gz`"), "index line for \(id): \(item)")
        }
        #expect(index.contains("[Momentum: where the velocity buffer comes from](momentum/handout.pdf)"))
        #expect(shared.outcome.stdout == "wrote \(ids.count) lessons and \(shared.path("index.md"))\n")
    }

    @Test func quadraticFitFullBatchEndsAtLeastSquaresAndTheHandoutSaysSo() throws {
        let shared = try SharedReports.get()
        let csv = try TraceCSV(path: shared.path("quadratic-fit/traces/full-batch.csv.gz"))
        let last = try #require(csv.rows.indices.last)
        let final = try ["a2", "a1", "a0"].map { try #require(csv.value($0, row: last)) }
        #expect(final.isApproximatelyEqual(to: [-1, 2.5, 0], absoluteTolerance: 1e-3), "full batch ended at \(final)")
        #expect(abs((csv.value("loss", row: last) ?? .nan) - 0.125) < 1e-6)
        let perSample = try TraceCSV(path: shared.path("quadratic-fit/traces/per-sample.csv.gz"))
        #expect(perSample.rows.count == 400_001)
        let sampleFinal = try ["a2", "a1", "a0"].map { try #require(perSample.value($0, row: 400_000)) }
        #expect(sampleFinal.isApproximatelyEqual(to: [-1.0002, 2.5003, 0.00015], absoluteTolerance: 1e-3), "per sample ended at \(sampleFinal)")
        let text = try Files.pdfText(shared.path("quadratic-fit/handout.pdf"))
        #expect(text.contains("0.125"))
        #expect(text.contains("least squares"))
        #expect(text.contains("Fitting a quadratic by gradient descent"))
        #expect(text.contains("Figure 1."))
        #expect(text.contains("quadratic-fit · steptrace"), "footer with the lesson id")
    }

    @Test func momentumHandoutFromAllHasTheVelocityTable() throws {
        let shared = try SharedReports.get()
        let text = try Files.pdfText(shared.path("momentum/handout.pdf"))
        #expect(text.contains("velocity"))
        #expect(text.contains("0.08"))
        let csv = try TraceCSV(path: shared.path("momentum/traces/keras.csv.gz"))
        #expect(csv.value("velocity.x", row: 0) == 0 && csv.value("velocity.y", row: 0) == 0)
        #expect(csv.rows.count == 101)
    }

    @Test func lrOvershootTracesShowTheFourBehaviours() throws {
        let shared = try SharedReports.get()
        var finals: [Double] = []
        for k in 1...4 {
            let csv = try TraceCSV(path: shared.path("lr-overshoot/traces/valley-rates-\(k).csv.gz"))
            finals.append(csv.rows.last.flatMap { $0.count > 1 ? $0[1] : nil } ?? .nan)
        }
        // η = 0.02 crawls, 0.1 converges, 0.18 zig-zags towards 0, 0.21 diverges.
        #expect(finals[1] < finals[0])
        #expect(finals[2] < finals[0])
        #expect(!(finals[3] < finals[0]), "η = 0.21 should not end below η = 0.02: \(finals)")
        let text = try Files.pdfText(shared.path("lr-overshoot/handout.pdf"))
        #expect(text.contains("diverged"))
    }

    /// The analyses the three lessons place keep the handouts' numbers.
    @Test func analysesPrintTheLessonsNumbers() throws {
        let shared = try SharedReports.get()
        let fit = try Files.pdfText(shared.path("constrained-fit/handout.pdf"))
        #expect(fit.contains("chord at m:"))
        #expect(fit.contains("f is not convex"))
        #expect(fit.contains("1373701 points"))
        #expect(fit.contains("3.6501490") && fit.contains("0.069543915"))
        let loss = try Files.pdfText(shared.path("custom-loss/handout.pdf"))
        #expect(loss.contains("192.000000"))
        #expect(loss.contains("192 times"))
        #expect(loss.contains("5.1892") && loss.contains("0.0270"))
        let diagonal = try Files.pdfText(shared.path("zero-diagonal/handout.pdf"))
        #expect(diagonal.contains("0.01023"))
        #expect(diagonal.contains("zero columns, step 0"))
    }

    @Test func allTwiceGivesIdenticalBytes() throws {
        let shared = try SharedReports.get()
        let second = try TemporaryFolder(prefix: "steptrace-e2e-all-again")
        let outcome = try Steptrace.run(["all", "--output", second.folder])
        try #require(outcome.status == 0, "stderr: \(outcome.stderr)")
        let first = try TemporaryFolder.files(in: shared.output)
        #expect(first == second.files())
        #expect(first.contains { $0.hasSuffix(".pdf") } && first.contains { $0.hasSuffix(".png") } && first.contains { $0.hasSuffix(".csv.gz") })
        for name in first where name != "index.md" {
            let a = FileManager.default.contents(atPath: shared.path(name))
            let b = FileManager.default.contents(atPath: second.path(name))
            #expect(a != nil && a == b, "\(name) differs between two runs")
        }
        #expect(try String(contentsOfFile: shared.path("index.md"), encoding: .utf8)
            == String(contentsOfFile: second.path("index.md"), encoding: .utf8))
    }

    @Test func twoRunsIntoOneFolderAtOnceBothSucceedAndLeaveOneRunsFiles() async throws {
        let temporary = try TemporaryFolder()
        let output = temporary.path("out")
        let single = try Steptrace.run(["run", "momentum", "--output", temporary.path("single")])
        try #require(single.status == 0, "stderr: \(single.stderr)")
        for attempt in 1...3 {
            let outcomes = try await withThrowingTaskGroup(of: Outcome.self) { group in
                for _ in 0..<2 { group.addTask { try Steptrace.run(["run", "momentum", "--output", output]) } }
                return try await group.reduce(into: [Outcome]()) { $0.append($1) }
            }
            for outcome in outcomes { #expect(outcome.status == 0, "attempt \(attempt): \(outcome.stderr)") }
            #expect(temporary.entries(under: "out") == ["momentum"], "attempt \(attempt)")
        }
        #expect(temporary.files(under: "out") == temporary.files(under: "single"))
        for name in temporary.files(under: "single") {
            #expect(FileManager.default.contents(atPath: temporary.path("out/" + name))
                == FileManager.default.contents(atPath: temporary.path("single/" + name)), "\(name) differs")
        }
    }

    @Test func aRunClearsOnlyTheStagingFoldersOfProcessesThatAreGone() throws {
        let temporary = try TemporaryFolder()
        let dead = ".momentum.partial-2147483646", alive = ".momentum.partial-\(getpid())", other = ".quadratic-fit.partial-2147483646"
        for name in [dead, alive, other] { try temporary.write("x", to: "out/\(name)/figures/a.png") }
        let outcome = try Steptrace.run(["run", "momentum", "--output", temporary.path("out")])
        #expect(outcome.status == 0, "stderr: \(outcome.stderr)")
        #expect(temporary.entries(under: "out") == [alive, other, "momentum"].sorted())
    }

    @Test func allStopsBeforeWritingWhenOneLessonIsBroken() throws {
        let temporary = try TemporaryFolder()
        try FileManager.default.copyItem(atPath: Steptrace.lessons + "/momentum", toPath: temporary.path("lessons/momentum"))
        try temporary.write("title = \"Broken\"\n[problem\n", to: "lessons/broken/lesson.toml")
        let output = temporary.path("out")
        let outcome = try Steptrace.run(["all", "--lessons", temporary.path("lessons"), "--output", output])
        #expect(outcome.status == 65)
        #expect(outcome.stdout.isEmpty)
        #expect(outcome.stderrLines.count == 1)
        #expect(outcome.stderr.hasPrefix("steptrace: \(temporary.path("lessons/broken/lesson.toml")) line 2: TOML syntax error"))
        #expect(!FileManager.default.fileExists(atPath: output))
    }

    // MARK: compare

    @Test func compareWritesAPNGAndAOnePagePDF() throws {
        let temporary = try TemporaryFolder()
        let outcome = try Steptrace.run(["compare", "lr-overshoot", "--lr", "0.02,0.1,0.18,0.21", "--output", temporary.folder])
        #expect(outcome.status == 0, "stderr: \(outcome.stderr)")
        let stem = "lr-overshoot/compare-valley-base-lr-0.02-0.1-0.18-0.21"
        #expect(temporary.files() == [stem + ".pdf", stem + ".png"])
        #expect(outcome.stdout == "lr-overshoot: run 'valley-base' at 4 rates → \(temporary.path(stem + ".png")), \(temporary.path(stem + ".pdf"))\n")
        let png = temporary.path(stem + ".png")
        #expect(Files.isPNG(png))
        #expect(Files.pngSize(png)?.width == 1600)
        let pdf = temporary.path(stem + ".pdf")
        #expect(try Files.pdfPages(pdf) == 1)
        #expect(try Files.pdfInfo(pdf)["Page size"]?.hasPrefix("595.276 x 841.89 pts") == true, "A4 by default")
        #expect(try Files.pdfInfo(pdf)["Title"] == "Learning-rate overshoot: run ‘valley-base’ at 4 learning rates")
        let text = try Files.pdfText(pdf)
        #expect(text.contains("run ‘valley-base’ at 4 learning rates"), "the page says which run")
        #expect(text.contains("η = 0.02"))
        for rate in ["0.1", "0.18", "0.21"] { #expect(text.contains("η = \(rate)"), "panel for \(rate)") }
        #expect(text.contains("2/λ"), "the stability limit is drawn")
    }

    @Test func compareTakesTheRunAndPaperAskedForAndKeepsEarlierComparisons() throws {
        let temporary = try TemporaryFolder()
        let first = try Steptrace.run(["compare", "lr-overshoot", "--lr", "0.1,0.2", "--output", temporary.folder])
        #expect(first.status == 0, "stderr: \(first.stderr)")
        let second = try Steptrace.run(["compare", "lr-overshoot", "--lr", "0.3", "--run", "bowl-base", "--paper", "letter",
                                        "--output", temporary.folder])
        #expect(second.status == 0, "stderr: \(second.stderr)")
        let stem = "lr-overshoot/compare-bowl-base-lr-0.3"
        #expect(second.stdout == "lr-overshoot: run 'bowl-base' at 1 rate → \(temporary.path(stem + ".png")), \(temporary.path(stem + ".pdf"))\n")
        #expect(temporary.files() == [stem + ".pdf", stem + ".png",
                                      "lr-overshoot/compare-valley-base-lr-0.1-0.2.pdf", "lr-overshoot/compare-valley-base-lr-0.1-0.2.png"])
        #expect(try Files.pdfInfo(temporary.path(stem + ".pdf"))["Page size"]?.hasPrefix("612 x 792 pts") == true)
        #expect(try Files.pdfText(temporary.path(stem + ".pdf")).contains("the one-parameter bowl"))
    }

    @Test func compareRefusesAnUnknownRun() throws {
        let temporary = try TemporaryFolder()
        let outcome = try Steptrace.run(["compare", "lr-overshoot", "--lr", "0.1", "--run", "nope", "--output", temporary.folder])
        #expect(outcome.status == 64)
        #expect(outcome.stderr == "steptrace: --run: no run has the id 'nope' in lr-overshoot (runs: bowl-base, valley-base)\n")
        #expect(temporary.entries(under: "").isEmpty)
    }

    @Test(arguments: [
        ("0.1,abc", "steptrace: --lr: 'abc' is not a positive learning rate (expected e.g. --lr 0.02,0.1,0.18)\n"),
        ("0.1,-2", "steptrace: --lr: '-2' is not a positive learning rate (expected e.g. --lr 0.02,0.1,0.18)\n"),
        ("0.1,,0.2", "steptrace: --lr: '' is not a positive learning rate (expected e.g. --lr 0.02,0.1,0.18)\n"),
        ("1,2,3,4,5,6,7,8,9,10,11,12,13", "steptrace: --lr: give 1 to 12 rates, got 13\n"),
    ])
    func compareRejectsBadRates(rates: String, message: String) throws {
        let temporary = try TemporaryFolder()
        let outcome = try Steptrace.run(["compare", "lr-overshoot", "--lr", rates, "--output", temporary.folder])
        #expect(outcome.status == 64)
        #expect(outcome.stdout.isEmpty)
        #expect(outcome.stderr == message)
        #expect(temporary.entries(under: "").isEmpty)
    }
}

extension TemporaryFolder {
    /// Every file below `folder`, as sorted relative paths.
    static func files(in folder: String) throws -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: folder) else { return [] }
        var found: [String] = []
        while let item = enumerator.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: (folder as NSString).appendingPathComponent(item), isDirectory: &isDirectory),
               !isDirectory.boolValue {
                found.append(item)
            }
        }
        return found.sorted()
    }
}
