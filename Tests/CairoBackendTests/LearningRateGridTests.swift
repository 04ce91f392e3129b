import CairoBackend
import Foundation
import Plot
import Testing

@Suite struct LearningRateGridTests {
    @Test func writesPNGAndPDFConcurrently() throws {
        let folder = try Scenes.folder("lrgrid")
        let page = Scenes.page(Scenes.learningRateGrid())
        let png = folder + "/lrgrid.png", pdf = folder + "/lrgrid.pdf"
        try CairoWriter.pngAndPDF(page, png: png, pixelWidth: 1600, pdf: pdf, title: "Learning rates")
        let image = try CairoWriter.readPNG(png)
        #expect(image.width == 1600 && image.height == 1600)
        #expect(FileManager.default.fileExists(atPath: pdf))
    }
}

@Suite struct GalleryTests {
    @Test func galleryRendersToPNGAndPDF() throws {
        let folder = try Scenes.folder("gallery")
        let page = Scenes.page(Scenes.gallery(), size: Size.a4)
        try CairoWriter.pngAndPDF(page, png: folder + "/gallery.png", pixelWidth: 1240, pdf: folder + "/gallery.pdf", title: "Gallery")
        try CairoWriter.svg(page, to: folder + "/gallery.svg")
    }
}
