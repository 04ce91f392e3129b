import CairoBackend
import Foundation
import Plot
import TestSupport
import Testing

@Suite struct FileTests {
    @Test func pdfHasEveryPageAndItsText() throws {
        let folder = try Scenes.folder("pdftext")
        let path = folder + "/handout.pdf"
        let pages = [Scenes.page(Scenes.learningRateGrid(resolution: 100)), Scenes.page(Scenes.gallery(), size: .a4)]
        try CairoWriter.pdf(Document(pages: pages, title: "Learning rates", creationDate: 1_700_000_000), to: path)
        let info = try Program.output("pdfinfo", [path])
        #expect(info.contains("Pages:           2"))
        #expect(info.contains("Title:           Learning rates"))
        #expect(info.contains("2023"))
        let text = try Program.output("pdftotext", ["-layout", path, "-"])
        for expected in ["η = 0.21", "final loss", "left the view at step 5", "loss f(x, y)", "x (first parameter)", "Signed 20×20 matrix"] {
            #expect(text.contains(expected), "missing \(expected)")
        }
    }

    @Test func theSameSceneGivesTheSameBytes() throws {
        let folder = try Scenes.folder("bytes")
        let page = Scenes.page(Scenes.learningRateGrid(resolution: 100))
        #expect(try CairoWriter.pngBytes(page, pixelWidth: 500) == CairoWriter.pngBytes(page, pixelWidth: 500))
        try CairoWriter.pdf(Document(pages: [page], title: "t"), to: folder + "/a.pdf")
        try CairoWriter.pdf(Document(pages: [page], title: "t"), to: folder + "/b.pdf")
        let a = try Data(contentsOf: URL(fileURLWithPath: folder + "/a.pdf"))
        let b = try Data(contentsOf: URL(fileURLWithPath: folder + "/b.pdf"))
        #expect(a == b)
        // SVG too, although Cairo numbers surfaces and images process-wide: a page with a heatmap
        // (an image) drawn once, then again after another figure, gives the same bytes.
        let first = try CairoWriter.svgText(page)
        _ = try CairoWriter.svgText(Scenes.page(Scenes.gallery(), size: .a4))
        try CairoWriter.svg(page, to: folder + "/c.svg")
        let again = try String(contentsOfFile: folder + "/c.svg", encoding: .utf8)
        #expect(first.contains("id=\"image1\"") && first.contains("#image1"))
        #expect(first == again)
    }

    @Test func filesLandWholeAndNothingElseIsLeft() throws {
        let folder = try Scenes.folder("landing")
        let page = Scenes.page(Scenes.learningRateGrid(resolution: 50))
        try CairoWriter.pngAndPDF(page, png: folder + "/f.png", pixelWidth: 300, pdf: folder + "/f.pdf", title: "f")
        try CairoWriter.svg(page, to: folder + "/f.svg")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder)
        #expect(!names.contains { $0.hasSuffix(".tmp") })
        let svg = try String(contentsOfFile: folder + "/f.svg", encoding: .utf8)
        #expect(svg.contains("<svg") && svg.contains("540pt"))
    }

    @Test func aMissingFolderIsOneLineNamingThePath() throws {
        let page = Scenes.page(Scenes.learningRateGrid(resolution: 20))
        let path = "/nonexistent-steptrace-folder/figure.png"
        #expect(throws: RenderError.self) { try CairoWriter.png(page, to: path, pixelWidth: 100) }
        let error = #expect(throws: RenderError.self) {
            try CairoWriter.pdf(Document(pages: [page], title: "t"), to: "/nonexistent-steptrace-folder/f.pdf")
        }
        #expect(error?.description.hasPrefix("cannot write /nonexistent-steptrace-folder/f.pdf: ") == true)
        #expect(error?.description.contains("\n") == false)
    }
}
