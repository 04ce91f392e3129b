import Foundation
import Lessons
import Plot
import TestSupport
import Testing
@testable import Reports

/// `ReportWriter` on a fake backend: where files land, what the handout holds, and that failures leave nothing.
@Suite("Report writer")
struct ReportWriterTests {
    static func writer(_ backend: FakeBackend, paper: HandoutBuilder.Paper = .a4) -> ReportWriter {
        ReportWriter(backend: backend, compression: backend, paper: paper, version: "9.9.9", creationDate: 1_000_000)
    }

    @Test func filesLandInTheLessonsFolder() throws {
        let backend = FakeBackend()
        let output = try TemporaryFolder(prefix: "steptrace-reports")
        let summary = try Self.writer(backend).write(try SmallLessons.bowl(), output: output.folder)
        #expect(summary.lessonID == "small-bowl")
        #expect(summary.folder == output.folder + "/small-bowl")
        #expect(summary.figures == 3)
        #expect(summary.traces == 6)
        #expect(output.entries() == ["small-bowl"])
        #expect(output.entries(under: "small-bowl") == ["figures", "handout.pdf", "traces"])
        #expect(output.entries(under: "small-bowl/figures") == ["final.png", "losses.png", "paths.png"])
        #expect(output.entries(under: "small-bowl/traces")
            == ["keras.csv.gz", "plain.csv.gz", "pytorch.csv.gz", "rates-1.csv.gz", "rates-2.csv.gz", "rates-3.csv.gz"])
        // The backend wrote into a staging folder that was renamed into place.
        #expect(backend.log.pngs.count == 3)
        #expect(backend.log.pdfs.count == 1)
        #expect(backend.log.pngs.allSatisfy { !$0.path.hasPrefix(summary.folder + "/") })
        #expect(backend.log.pngs.allSatisfy { $0.scale == 3 && $0.size.width > 400 })
        #expect(summary.pages == backend.log.pdfs[0].document.pages.count)
        // Traces are the runs' CSV, handed to the compressor in the staging folder.
        #expect(backend.log.gzips.count == 6)
        #expect(backend.log.gzips.allSatisfy { !$0.hasPrefix(summary.folder + "/") })
        let keras = try String(contentsOfFile: summary.folder + "/traces/keras.csv.gz", encoding: .utf8)
        #expect(keras.hasPrefix("step,loss,x,y,grad.x,grad.y,velocity.x,velocity.y,"))
        #expect(keras.split(separator: "\n").count == 42)
    }

    @Test func handoutHasTitleFiguresTableRuleAndResults() throws {
        let backend = FakeBackend()
        let output = try TemporaryFolder(prefix: "steptrace-reports")
        _ = try Self.writer(backend).write(try SmallLessons.bowl(), output: output.folder)
        let document = try #require(backend.log.pdfs.first).document
        #expect(document.title == "A small bowl")
        #expect(document.creationDate == 1_000_000)
        #expect(document.pages.allSatisfy { $0.size == HandoutBuilder.Paper.a4.size })
        let text = texts(of: document).joined(separator: "\n")
        #expect(text.contains("A small bowl"))
        #expect(text.contains("<i>two</i>"), "the question's inline Markdown")
        // Figures are numbered in the order they appear: paths is placed by the notes, the other two appended.
        let one = try #require(text.range(of: "<b>Figure 1.</b>"))
        let two = try #require(text.range(of: "<b>Figure 2.</b>"))
        let three = try #require(text.range(of: "<b>Figure 3.</b>"))
        #expect(one.lowerBound < two.lowerBound && two.lowerBound < three.lowerBound)
        #expect(!text.contains("Figure 4."))
        #expect(text[one.upperBound...].hasPrefix(" Both paths."))
        #expect(text.contains("<b>Table 1.</b>"))
        #expect(text.contains("More figures and tables"))
        // The update rule of the Keras run.
        #expect(text.contains("v ← μ v − η g"))
        #expect(text.contains("Keras 3 SGD"))
        // The results box: the expected answer, every declared run, the sweep.
        #expect(text.contains("Results"))
        #expect(text.contains("the minimum"))
        #expect(text.contains("Keras velocity") && text.contains("PyTorch buffer"))
        #expect(text.contains("sweep <tt>rates</tt>"))
        #expect(text.contains("1 diverged"), "η = 0.25 is above 2/λmax = 0.2")
        // The footer names the lesson and the version.
        #expect(text.contains("small-bowl · steptrace 9.9.9"))
    }

    @Test func svgFiguresLandBesideThePNGsOnlyWhenAsked() throws {
        let output = try TemporaryFolder(prefix: "steptrace-reports")
        let plain = FakeBackend()
        _ = try Self.writer(plain).write(try SmallLessons.bowl(), output: output.folder)
        #expect(plain.log.svgs.isEmpty)
        let backend = FakeBackend()
        var writer = Self.writer(backend)
        writer.writesSVG = true
        _ = try writer.write(try SmallLessons.bowl(), output: output.folder)
        #expect(output.entries(under: "small-bowl/figures")
            == ["final.png", "final.svg", "losses.png", "losses.svg", "paths.png", "paths.svg"])
    }

    @Test func letterPaperGivesLetterPages() throws {
        let backend = FakeBackend()
        let output = try TemporaryFolder(prefix: "steptrace-reports")
        _ = try Self.writer(backend, paper: .letter).write(try SmallLessons.bowl(), output: output.folder)
        let document = try #require(backend.log.pdfs.first).document
        #expect(document.pages.allSatisfy { $0.size.width == 612 && $0.size.height == 792 })
    }

    @Test func aFailingBackendLeavesNothingBehind() throws {
        var backend = FakeBackend()
        backend.failsOnPDF = true
        let output = try TemporaryFolder(prefix: "steptrace-reports")
        #expect(throws: FakeBackend.Refused.self) { _ = try Self.writer(backend).write(try SmallLessons.bowl(), output: output.folder) }
        #expect(output.entries().isEmpty, "left behind: \(output.entries())")
    }

    @Test func aFailingBackendKeepsTheOldReport() throws {
        let output = try TemporaryFolder(prefix: "steptrace-reports")
        _ = try Self.writer(FakeBackend()).write(try SmallLessons.bowl(), output: output.folder)
        var failing = FakeBackend()
        failing.failsOnPDF = true
        #expect(throws: FakeBackend.Refused.self) { _ = try Self.writer(failing).write(try SmallLessons.bowl(), output: output.folder) }
        #expect(output.entries() == ["small-bowl"])
        #expect(output.entries(under: "small-bowl") == ["figures", "handout.pdf", "traces"])
    }

    @Test func rewritingReplacesTheOldFolder() throws {
        let output = try TemporaryFolder(prefix: "steptrace-reports")
        try FileManager.default.createDirectory(atPath: output.folder + "/small-bowl/figures", withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: output.folder + "/small-bowl/figures/old.png", contents: Data("old".utf8))
        _ = try Self.writer(FakeBackend()).write(try SmallLessons.bowl(), output: output.folder)
        #expect(output.entries(under: "small-bowl/figures") == ["final.png", "losses.png", "paths.png"])
        #expect(output.entries() == ["small-bowl"])
    }
}
