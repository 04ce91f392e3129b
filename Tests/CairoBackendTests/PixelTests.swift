import CairoBackend
import Foundation
import Plot
import TestSupport
import Testing

/// Pixel checks of the learning-rate grid: colors compared per channel with a stated tolerance.
@Suite struct PixelTests {
    static let page = Scenes.page(Scenes.learningRateGrid(resolution: 200))
    static let frame = Rect(x: 8, y: 8, width: 524, height: 524)

    /// The pixel under data point `p` of panel `panel` in an image `pixelWidth` wide.
    static func pixel(_ image: RasterImage, panel: Int, at p: DataPoint, offset: Point = Point(0, 0)) throws -> (Int, Int, Int) {
        let transforms = Scenes.learningRateGrid(resolution: 200).transforms(in: try CairoCanvas.measuring(), frame: frame)
        let d = try #require(transforms[panel].device(p))
        let scale = Double(image.width) / page.size.width
        let x = Int(((d.x + offset.x) * scale).rounded(.down)), y = Int(((d.y + offset.y) * scale).rounded(.down))
        let o = 4 * (y * image.width + x)
        return (Int(image.rgba[o]), Int(image.rgba[o + 1]), Int(image.rgba[o + 2]))
    }

    static func close(_ a: (Int, Int, Int), _ b: (Int, Int, Int), tolerance: Int) -> Bool {
        abs(a.0 - b.0) <= tolerance && abs(a.1 - b.1) <= tolerance && abs(a.2 - b.2) <= tolerance
    }

    @Test func theSurfaceMinimumIsViridisDark() throws {
        let image = try CairoWriter.rasterize(Self.page, pixelWidth: 1080)
        let at = try Self.pixel(image, panel: 0, at: DataPoint(0, 0))
        // viridis(0) = #440154; the nearest nodes are a hair above the minimum. Tolerance 6 per channel.
        #expect(Self.close(at, (0x44, 0x01, 0x54), tolerance: 6), "\(at)")
    }

    @Test func theStartMarkerSitsAtTheStartPoint() throws {
        let image = try CairoWriter.rasterize(Self.page, pixelWidth: 1080)
        for panel in 0..<4 {
            // White fill in the centre of the start ring, the run's color on the ring 3.6 pt out.
            let centre = try Self.pixel(image, panel: panel, at: DataPoint(-4, 2))
            #expect(Self.close(centre, (255, 255, 255), tolerance: 10), "panel \(panel): \(centre)")
            let ring = try Self.pixel(image, panel: panel, at: DataPoint(-4, 2), offset: Point(-3.6, 0))
            #expect(Self.close(ring, (0xE8, 0x43, 0x2A), tolerance: 40), "panel \(panel): \(ring)")
        }
    }

    @Test func theFastPNGDecodesToTheRenderedPixels() throws {
        let folder = try Scenes.folder("roundtrip")
        let path = folder + "/roundtrip.png"
        try CairoWriter.png(Self.page, to: path, pixelWidth: 400)
        let decoded = try CairoWriter.readPNG(path)
        let rendered = try CairoWriter.rasterize(Self.page, pixelWidth: 400)
        #expect(decoded.width == 400 && decoded.height == 400)
        #expect(decoded.rgba == rendered.rgba)
    }

    @Test func aPNGDrawnInBandsMatchesTheWholePageRender() throws {
        // 1600 px wide makes this page 1600 rows: three bands of 576 rows (the last shorter), so band
        // seams, stripes split across bands and the shifted drawing are all exercised.
        let folder = try Scenes.folder("bands")
        let path = folder + "/bands.png"
        try CairoWriter.png(Self.page, to: path, pixelWidth: 1600)
        let decoded = try CairoWriter.readPNG(path)
        let rendered = try CairoWriter.rasterize(Self.page, pixelWidth: 1600)
        #expect(decoded.width == rendered.width && decoded.height == rendered.height)
        // Shifting by whole pixels can move a rounding by one unit; tolerance 2 per channel.
        var worst = 0
        for (a, b) in zip(decoded.rgba, rendered.rgba) { worst = max(worst, abs(Int(a) - Int(b))) }
        #expect(worst <= 2, "largest channel difference \(worst)")
    }

    @Test func pngAndPDFAgreeOnColors() throws {
        let folder = try Scenes.folder("agree")
        let pdf = folder + "/agree.pdf"
        try CairoWriter.pdf(Document(pages: [Self.page], title: "agree"), to: pdf)
        // 144 dpi on a 540 pt page is 1080 pixels, the PNG's width.
        try Program.output("pdftoppm", ["-png", "-r", "144", "-singlefile", pdf, folder + "/agree-pdf"])
        let fromPDF = try CairoWriter.readPNG(folder + "/agree-pdf.png")
        let fromPNG = try CairoWriter.rasterize(Self.page, pixelWidth: 1080)
        #expect(fromPDF.width == 1080 && fromPDF.height == 1080)
        let points: [(Int, DataPoint)] = [(0, DataPoint(0, 0)), (1, DataPoint(4.5, -2.7)), (2, DataPoint(2.5, 1.5)), (3, DataPoint(-4, 2))]
        for (panel, p) in points {
            let a = try Self.pixel(fromPDF, panel: panel, at: p), b = try Self.pixel(fromPNG, panel: panel, at: p)
            // Two rasterisers, different smoothing of the surface image: 12 per channel.
            #expect(Self.close(a, b, tolerance: 12), "panel \(panel) at \(p): PDF \(a) vs PNG \(b)")
        }
    }
}
