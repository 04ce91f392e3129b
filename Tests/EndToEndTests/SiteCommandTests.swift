import Foundation
import TestSupport
import Testing

/// `steptrace site` and `all --html` through the built binary: the files, their sizes, the same bytes
/// every time, and bad input refused as `all` refuses it.
@Suite("Site on disk")
struct SiteCommandTests {
    /// Every lesson page stays under this many bytes.
    static let pageLimit = 2_000_000

    @Test func siteWritesTheGalleryAndAPageBesideEveryReport() throws {
        let shared = try SharedReports.getSite()
        #expect(shared.outcome.stdout.hasPrefix("wrote \(CommandLineTests.lessonIDs.count) lessons,"))
        #expect(shared.outcome.stdout.hasSuffix("index.html\n"))
        let gallery = try String(contentsOfFile: shared.path("index.html"), encoding: .utf8)
        #expect(gallery.hasPrefix("<!DOCTYPE html>"))
        for id in CommandLineTests.lessonIDs {
            try ReportCommandTests.checkReportFolder(shared.path(id))
            #expect(gallery.contains("href=\"\(id)/index.html\""), "the gallery links \(id)")
            #expect(gallery.contains("src=\"\(id)/thumbnail.png\""), "the gallery shows \(id)'s thumbnail")
            #expect(Files.isPNG(shared.path("\(id)/thumbnail.png")))
            let page = try String(contentsOfFile: shared.path("\(id)/index.html"), encoding: .utf8)
            let size = try FileManager.default.attributesOfItem(atPath: shared.path("\(id)/index.html"))[.size] as? Int ?? .max
            #expect(size < Self.pageLimit, "\(id)/index.html is \(size) bytes")
            #expect(page.contains("href=\"handout.pdf\"") && page.contains("href=\"../index.html\""))
            for name in try FileManager.default.contentsOfDirectory(atPath: shared.path("\(id)/traces")) {
                #expect(page.contains("href=\"traces/\(name)\""), "\(id) links \(name)")
            }
            for name in try FileManager.default.contentsOfDirectory(atPath: shared.path("\(id)/figures")) {
                #expect(page.contains("href=\"figures/\(name)\""), "\(id) links \(name)")
            }
            // Nothing is fetched: no external script, style, image or frame.
            for pattern in ["http://", "https://", "src=\"//", "<link", "<iframe", "@import", "url(http"] {
                #expect(!page.replacingOccurrences(of: "http://www.w3.org/", with: "").contains(pattern), "\(id) holds \(pattern)")
            }
        }
        // The lessons the issue names step through their paths.
        for id in ["momentum", "lr-overshoot", "quadratic-fit"] {
            let page = try String(contentsOfFile: shared.path("\(id)/index.html"), encoding: .utf8)
            #expect(page.contains("class=\"scrubber-data\""), "\(id) has a scrubber")
        }
    }

    @Test func allWithHTMLWritesWhatSiteWritesInTheSameBytesWhateverRanBefore() throws {
        let shared = try SharedReports.getSite()
        let temporary = try TemporaryFolder()
        for id in ["lr-overshoot", "momentum"] {
            try FileManager.default.copyItem(atPath: Steptrace.lessons + "/" + id, toPath: temporary.path("lessons/" + id))
        }
        let outcome = try Steptrace.run(["all", "--html", "--lessons", temporary.path("lessons"), "--output", temporary.path("out")])
        try #require(outcome.status == 0, "stderr: \(outcome.stderr)")
        // The shared site ran six more lessons first in its process; the pages do not show it.
        for id in ["lr-overshoot", "momentum"] {
            let files = temporary.files(under: "out/" + id)
            #expect(files == (try TemporaryFolder.files(in: shared.path(id))))
            #expect(files.contains("index.html") && files.contains("thumbnail.png"))
            for name in files {
                #expect(FileManager.default.contents(atPath: temporary.path("out/\(id)/\(name)"))
                    == FileManager.default.contents(atPath: shared.path("\(id)/\(name)")), "\(id)/\(name) differs")
            }
        }
        #expect(temporary.entries(under: "out") == ["index.html", "index.md", "lr-overshoot", "momentum"])
        let plain = try Steptrace.run(["all", "--lessons", temporary.path("lessons"), "--output", temporary.path("plain")])
        try #require(plain.status == 0, "stderr: \(plain.stderr)")
        #expect(!temporary.files(under: "plain").contains { $0.hasSuffix(".html") || $0.hasSuffix("thumbnail.png") })
    }

    @Test func aBrokenLessonStopsSiteBeforeAnythingIsWritten() throws {
        let temporary = try TemporaryFolder()
        try FileManager.default.copyItem(atPath: Steptrace.lessons + "/momentum", toPath: temporary.path("lessons/momentum"))
        try temporary.write("title = \"Broken\"\n[problem\n", to: "lessons/broken/lesson.toml")
        let output = temporary.path("out")
        let outcome = try Steptrace.run(["site", "--lessons", temporary.path("lessons"), "--output", output])
        #expect(outcome.status == 65)
        #expect(outcome.stdout.isEmpty)
        #expect(outcome.stderrLines.count == 1)
        #expect(outcome.stderr.hasPrefix("steptrace: \(temporary.path("lessons/broken/lesson.toml")) line 2: TOML syntax error"))
        #expect(!FileManager.default.fileExists(atPath: output))
    }

    @Test(arguments: [
        (["site", "--output"], 64, "Missing value for '--output <output>'"),
        (["site", "extra"], 64, "Unexpected argument 'extra'"),
        (["site", "--html"], 64, "Unknown option '--html'"),
        (["site", "--lessons", "/nonexistent-steptrace-lessons"], 65, "/nonexistent-steptrace-lessons"),
        (["site", "--output", "x", "--output", "y"], 64, "--output is given twice; give it once"),
    ])
    func badFlagsGetOneLine(arguments: [String], status: Int32, message: String) throws {
        let temporary = try TemporaryFolder()
        let outcome = try Steptrace.run(arguments, in: temporary.url)
        #expect(outcome.status == status, "stderr: \(outcome.stderr)")
        #expect(outcome.stdout.isEmpty)
        #expect(outcome.stderrLines.count == 1)
        #expect(outcome.stderr.hasPrefix("steptrace: ") && outcome.stderr.contains(message), "got \(outcome.stderr)")
        #expect(temporary.entries(under: "").isEmpty, "left behind: \(temporary.entries(under: ""))")
    }

    @Test func anOutputThatIsAFileIsOneLineAndNothingWritten() throws {
        let temporary = try TemporaryFolder()
        try FileManager.default.copyItem(atPath: Steptrace.lessons + "/momentum", toPath: temporary.path("lessons/momentum"))
        let file = try temporary.write("not a folder", to: "out")
        let outcome = try Steptrace.run(["site", "--lessons", temporary.path("lessons"), "--output", file])
        #expect(outcome.status == 73)
        #expect(outcome.stderrLines.count == 1)
        #expect(outcome.stderr.hasPrefix("steptrace: \(file): cannot create the folder"), "got \(outcome.stderr)")
        #expect(try String(contentsOfFile: file, encoding: .utf8) == "not a folder")
    }
}
