import CairoBackend
import Foundation
import Plot
import Testing

/// Decoded-pixel checks of several runs on one surface, in the manner of matplotlib's image tests:
/// colors compared per channel with stated tolerances, text left out of the comparisons.
@Suite struct SurfaceRunsPixelTests {
    static let frame = Rect(x: 8, y: 8, width: 524, height: 364)
    static let pageSize = Size(540, 380)
    static let pixelWidth = 1080

    /// Three runs from three starts on the bowl, with a heatmap and labelled contours over a fixed view.
    static func figure(contours: Bool = true, paths: Bool = true) -> Figure {
        let grid = SurfaceGrid(x: -5...5, y: -3...3, resolution: 120, Scenes.bowl)
        let scale = ColorScale.fitting(grid.values)
        var marks: [any Mark] = [Heatmap(grid, colorScale: scale)]
        if contours { marks.append(Contours(grid, count: 16, spacing: .linear)) }
        if paths {
            for (k, start) in [DataPoint(-4, 2), DataPoint(4, 2.5), DataPoint(-3, -2.5)].enumerated() {
                var p = start, points = [p]
                for _ in 0..<60 { p = DataPoint(p.x * 0.95, p.y * 0.8); points.append(p) }
                marks.append(Trajectory(points, label: "run \(k + 1)", style: .onSurface(k)))
            }
        }
        return Figure(Panel(x: Axis("x", range: -5...5), y: Axis("y", range: -3...3), marks: marks, legend: .hidden))
    }

    static func render(_ figure: Figure) throws -> RasterImage {
        try CairoWriter.rasterize(Page(size: pageSize, items: [Page.Item(frame: frame, content: figure)]), pixelWidth: pixelWidth)
    }

    static func pixel(_ image: RasterImage, _ p: Point) -> (Int, Int, Int) {
        let s = Double(image.width) / pageSize.width
        let o = 4 * (Int(p.y * s) * image.width + Int(p.x * s))
        return (Int(image.rgba[o]), Int(image.rgba[o + 1]), Int(image.rgba[o + 2]))
    }

    @Test func eachRunIsDrawnInItsOwnPaletteColor() throws {
        let figure = Self.figure(contours: false)
        let image = try Self.render(figure)
        let t = figure.transforms(in: try CairoCanvas.measuring(), frame: Self.frame)[0]
        // Points on each path's first segment, between its first two iterates (markers sit on iterates;
        // dashed runs have gaps, so the best of several points along the segment counts).
        let starts = [DataPoint(-4, 2), DataPoint(4, 2.5), DataPoint(-3, -2.5)]
        var seen: [(Int, Int, Int)] = []
        for (k, a) in starts.enumerated() {
            let want = SeriesStyle.surfacePalette[k]
            let expected = (Int(want.red * 255), Int(want.green * 255), Int(want.blue * 255))
            func distance(_ c: (Int, Int, Int)) -> Int { max(abs(c.0 - expected.0), abs(c.1 - expected.1), abs(c.2 - expected.2)) }
            var best: (Int, Int, Int)? = nil
            for f in stride(from: 0.3, through: 0.7, by: 0.05) {
                let m = DataPoint(a.x * (1 - 0.05 * f), a.y * (1 - 0.2 * f))
                let c = Self.pixel(image, try #require(t.device(m)))
                if best == nil || distance(c) < distance(best!) { best = c }
            }
            let c = best!
            // The line is 1.5 pt (3 px) wide: its centre pixels are the run's color within 40 per channel.
            #expect(distance(c) <= 40, "run \(k + 1): \(c)")
            seen.append(c)
        }
        for a in 0..<3 { for b in (a + 1)..<3 {
            let d = max(abs(seen[a].0 - seen[b].0), abs(seen[a].1 - seen[b].1), abs(seen[a].2 - seen[b].2))
            // Vermillion and ochre differ least: by 76 in green.
            #expect(d >= 60, "runs \(a + 1) and \(b + 1) differ by \(d)")
        } }
    }

    @Test func contourLabelsAvoidThePathsPixels() throws {
        // Where the paths are: pixels that change when the paths are added to the bare surface.
        let bare = try Self.render(Self.figure(contours: false, paths: false))
        let withPaths = try Self.render(Self.figure(contours: false))
        // Where the labels are: the text the contours draw, recorded through a measuring Cairo canvas.
        let spy = TextSpy(try CairoCanvas.measuring())
        Self.figure().draw(in: spy, frame: Self.frame)
        let plot = Self.figure().transforms(in: try CairoCanvas.measuring(), frame: Self.frame)[0].plot
        // Contour labels are the numbers drawn inside the plot (tick labels are outside it).
        let labels = spy.texts.filter { Double($0.markup.replacingOccurrences(of: "\u{202F}", with: "")) != nil && plot.contains(Point($0.rect.midX, $0.rect.midY)) }
        #expect(labels.count >= 4, "contour labels: \(labels.map(\.markup))")
        let s = Double(Self.pixelWidth) / Self.pageSize.width
        for label in labels {
            var hits = 0
            for y in Int(label.rect.minY * s)..<Int(label.rect.maxY * s) {
                for x in Int(label.rect.minX * s)..<Int(label.rect.maxX * s) {
                    let o = 4 * (y * bare.width + x)
                    // A path pixel differs from the bare surface by more than 24 in some channel.
                    if (0..<3).contains(where: { abs(Int(bare.rgba[o + $0]) - Int(withPaths.rgba[o + $0])) > 24 }) { hits += 1 }
                }
            }
            #expect(hits == 0, "label \(label.markup) at \(label.rect) covers \(hits) path pixels")
        }
    }

    @Test func nothingIsDrawnOutsideThePanel() throws {
        // A path that runs far out of the view through the top edge; the band above the plot (right of
        // the y tick labels, whose top one reaches above it) stays white.
        var p = DataPoint(-4, 2), points = [p]
        for _ in 0..<40 { p = DataPoint(p.x * 0.9, p.y * -1.4); points.append(p) }
        let grid = SurfaceGrid(x: -5...5, y: -3...3, resolution: 60, Scenes.bowl)
        let figure = Figure(Panel(x: Axis("x", range: -5...5), y: Axis("y", range: -3...3),
                                  marks: [Heatmap(grid, colorScale: .fitting(grid.values)), Trajectory(points, style: .onSurface(0))], legend: .hidden))
        let image = try Self.render(figure)
        let plot = figure.transforms(in: try CairoCanvas.measuring(), frame: Self.frame)[0].plot
        let s = Double(Self.pixelWidth) / Self.pageSize.width
        var inked = 0
        for y in 0..<Int((plot.minY - 1) * s) {
            for x in Int(plot.minX * s)..<image.width {
                let o = 4 * (y * image.width + x)
                if (0..<3).contains(where: { image.rgba[o + $0] < 250 }) { inked += 1 }
            }
        }
        #expect(inked == 0, "\(inked) pixels drawn above the plot")
    }

    @Test func theThreeDViewIsVectorOnly() {
        // Every cell and path piece is a path: the PDF is as sharp as the PNG, with no image drawn.
        let grid = SurfaceGrid(x: -5...5, y: -3...3, resolution: 25, Scenes.bowl)
        let path = SurfacePlot3D.Path3D(points: Scenes.descent(rate: 0.1, steps: 20), heights: Scenes.descent(rate: 0.1, steps: 20).map { Scenes.bowl($0.x, $0.y) },
                                        label: "η = 0.1", style: .onSurface(0))
        let plot = SurfacePlot3D(grid: grid, colorScale: .fitting(grid.values), paths: [path], xLabel: "x", yLabel: "y")
        let canvas = RecordingCanvas()
        plot.draw(in: canvas, frame: Self.frame)
        let images = canvas.lines.filter { $0.hasPrefix("image") }
        // The colorbar is the one image.
        #expect(images.count == 1)
        #expect(canvas.lines.filter { $0.hasPrefix("fill") }.count >= 24 * 24)
    }

    @Test func samplesForLooking() throws {
        let folder = try Scenes.folder("surface-runs")
        try CairoWriter.png(Page(size: Self.pageSize, items: [Page.Item(frame: Self.frame, content: Self.figure())]),
                            to: folder + "/surface-runs.png", pixelWidth: Self.pixelWidth)
        let small = FigureSnapshotSample.smallGrid()
        try CairoWriter.png(Page(size: Size(416, 236), items: [Page.Item(frame: Rect(x: 8, y: 8, width: 400, height: 220), content: small)]),
                            to: folder + "/small-grid.png", pixelWidth: 832)
    }
}

/// A canvas that draws nothing and records the text drawn, with its measured box.
final class TextSpy: Canvas {
    struct Text { var markup: String; var style: TextStyle; var rect: Rect }
    let base: Canvas
    private(set) var texts: [Text] = []
    init(_ base: Canvas) { self.base = base }
    func save() {}
    func restore() {}
    func clip(to rect: Rect) {}
    func fill(_ path: Path, color: Color) {}
    func stroke(_ path: Path, style: StrokeStyle) {}
    func draw(_ image: RasterImage, in rect: Rect, smooth: Bool) {}
    func drawText(_ markup: String, style: TextStyle, at origin: Point, angle: Double) {
        let size = base.measureText(markup, style: style)
        texts.append(Text(markup: markup, style: style, rect: Rect(x: origin.x, y: origin.y, width: size.width, height: size.height)))
    }
    func measureText(_ markup: String, style: TextStyle) -> Size { base.measureText(markup, style: style) }
}

/// The plot tests' small comparison grid, for looking at it rendered.
enum FigureSnapshotSample {
    static func smallGrid() -> Figure {
        func descent(_ rate: Double) -> [DataPoint] {
            var p = DataPoint(-4, 2), out = [p]
            for _ in 0..<6 { p = DataPoint(p.x - rate * p.x, p.y - rate * 10 * p.y); out.append(p) }
            return out
        }
        let runs = [0.1, 0.21].map { rate in
            ComparisonGrid.Run(title: "η = \(rate)", points: descent(rate), finalLoss: Scenes.bowl(descent(rate).last!.x, descent(rate).last!.y))
        }
        return ComparisonGrid.figure(title: "Small grid", runs: runs, objective: Scenes.bowl, x: -5...5, y: -3...3, resolution: 12, levels: 4)
    }
}
