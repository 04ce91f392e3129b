import Foundation
import Testing
@testable import Plot

/// Figures that read at print size: run colors, contour labels, legends, thinning, colorbars, titles.
@Suite struct PrintFigureTests {
    @Test func theFirstFourSurfaceColorsDifferInGrayscale() {
        let lightness = SeriesStyle.surfacePalette.prefix(4).map(\.lightness)
        for a in 0..<4 { for b in (a + 1)..<4 {
            #expect(abs(lightness[a] - lightness[b]) >= 15, "colors \(a) and \(b): L* \(lightness[a]) and \(lightness[b])")
        } }
        // Every run on a surface has its own marker shape, and a halo.
        let styles = (0..<SeriesStyle.surfacePalette.count).map(SeriesStyle.onSurface)
        let markers = Set(styles.map { $0.marker })
        #expect(markers.count == styles.count)
        #expect(styles.allSatisfy { $0.halo })
    }

    @Test func halosContrastWithTheSurfaceUnlessTheyWouldSwallowTheLine() {
        let darkSurface = Color(hex: 0x440154), lightSurface = Color(hex: 0xFDE725)
        let vermillion = SeriesStyle.surfacePalette[0], darkBlue = SeriesStyle.surfacePalette[1]
        #expect(darkSurface.halo(for: vermillion).lightness > 90)
        #expect(lightSurface.halo(for: vermillion).lightness < 10)
        // A dark line over a light surface shows on its own: its halo stays white, so its blue shows.
        #expect(lightSurface.halo(for: darkBlue).lightness > 90)
    }

    @Test func contourLabelsAreSetLikeTickLabels() {
        let nnbsp = Ticks.digitGroupSeparator
        #expect(Contours.labelTexts([10_000, 20_000, 30_000]) == [10_000: "10\(nnbsp)000", 20_000: "20\(nnbsp)000", 30_000: "30\(nnbsp)000"])
        #expect(Contours.labelTexts([0.5, 1, 1.5])[1.5] == "1.5")
        #expect(Contours.labelTexts([0.5, 1, 1.5])[1] == "1.0")
        #expect(Contours.labelTexts([200_000, 400_000])[400_000] == "4×10<sup>5</sup>")
        // Logarithmic levels, each set by its own size.
        let log = Contours.labelTexts([0.01, 0.1, 1, 10, 100, 1500])
        #expect(log[0.01] == "0.01" && log[1] == "1" && log[100] == "100" && log[1500] == "1500")
        for text in Contours.labelTexts([2e4, 4e4, 6e4]).values { #expect(!text.contains("e+") && !text.contains("+")) }
        #expect(NumberFormat.significant(20_000, 3, style: .label) == "20\(nnbsp)000")
        #expect(NumberFormat.significant(23_456, 3, style: .label) == "23\(nnbsp)500")
        #expect(NumberFormat.significant(1234, 3, style: .label) == "1230")
    }

    @Test func contourLabelBoxesKeepClearOfPathsAndEdges() {
        let grid = SurfaceGrid(x: -5...5, y: -3...3, resolution: 80) { x, y in 0.5 * (x * x + 10 * y * y) }
        var p = DataPoint(-4, 2.5), path = [p]
        for _ in 0..<50 { p = DataPoint(p.x * 0.93, p.y * -0.85); path.append(p) }
        let panel = Panel(x: Axis("x", range: -5...5), y: Axis("y", range: -3...3),
                          marks: [Contours(grid, count: 16, spacing: .linear), Trajectory(path)], legend: .hidden)
        let figure = Figure(panel)
        let frame = Rect(x: 0, y: 0, width: 420, height: 300)
        let canvas = RecordingCanvas()
        figure.draw(in: canvas, frame: frame)
        let t = figure.transforms(in: RecordingCanvas(), frame: frame)[0]
        let context = MarkContext(canvas: RecordingCanvas(), transform: t, theme: .textbook)
        let pathPoints = Trajectory(path).occupiedPoints(in: context)
        let labels = RecordedText.all(in: canvas.dump).filter { Double($0.markup) != nil && t.plot.contains(Point($0.x, $0.y)) }
        #expect(labels.count >= 3)
        let style = Theme.textbook.text(Theme.textbook.annotationFontSize)
        for label in labels {
            let size = canvas.measureText(label.markup, style: style)
            let box = Rect(x: label.x, y: label.y, width: size.width, height: size.height)
            #expect(!pathPoints.contains { box.contains($0) }, "label \(label.markup) covers the path")
            #expect(box.minX >= t.plot.minX + 4 && box.maxX <= t.plot.maxX - 4 && box.minY >= t.plot.minY + 4 && box.maxY <= t.plot.maxY - 4,
                    "label \(label.markup) at \(box) is within 4 pt of the edge of \(t.plot)")
        }
    }

    @Test func aLegendThatWouldCoverAPathGoesBelowThePanel() throws {
        // A path sweeping the whole view in rows 0.1 apart: no corner or edge middle is free.
        var sweep: [DataPoint] = []
        for (k, y) in stride(from: -1.0, through: 1.0, by: 0.1).enumerated() {
            sweep += k % 2 == 0 ? [DataPoint(-1, y), DataPoint(1, y)] : [DataPoint(1, y), DataPoint(-1, y)]
        }
        let panel = Panel(x: Axis("x", range: -1...1), y: Axis("y", range: -1...1), marks: [Trajectory(sweep, label: "the path", thinsDensePaths: false)])
        let figure = Figure(panel)
        let frame = Rect(x: 0, y: 0, width: 300, height: 260)
        let layout = figure.layout(in: RecordingCanvas(), frame: frame)
        let below = try #require(layout.panels[0].legendBelow)
        let plot = layout.panels[0].transform.plot
        #expect(below.minY > plot.maxY && below.maxY <= frame.maxY)
        let canvas = RecordingCanvas()
        figure.draw(in: canvas, frame: frame)
        let entry = try #require(RecordedText.all(in: canvas.dump).first { $0.markup == "the path" })
        #expect(entry.y > plot.maxY)
        // With a free corner the legend stays inside.
        let free = Figure(Panel(x: Axis("x", range: -1...1), y: Axis("y", range: -1...1),
                                marks: [Trajectory([DataPoint(-0.9, -0.9), DataPoint(0, 0)], label: "short")]))
        #expect(free.layout(in: RecordingCanvas(), frame: frame).panels[0].legendBelow == nil)
    }

    @Test func aDenseZigZagIsThinnedByAnOddStrideWithItsEndsExact() throws {
        // 200 steps flipping side every step across a 200-pt panel.
        let points: [Point?] = (0...200).map { k in Point(10 + Double(k) * 0.9, k % 2 == 0 ? 20 : 180) }
        let result = try #require(Thinning.stride(points, indices: Array(points.indices), budget: 4 * 400))
        #expect(result.stride.stride >= 3 && result.stride.stride % 2 == 1)
        let keep = result.indices
        #expect(Array(keep.prefix(9)) == Array(0...8))
        #expect(Array(keep.suffix(4)) == Array(197...200))
        // Consecutive drawn points in the thinned stretch still sit on opposite sides.
        let middle = keep.filter { $0 >= 8 && $0 <= 197 }
        for (a, b) in zip(middle, middle.dropFirst()) where b - a > 1 { #expect(points[a]!.y != points[b]!.y) }
        #expect(Thinning.stride(points, indices: Array(points.indices), budget: 1e9) == nil)
    }

    @Test func aThinnedPathSaysSoInThePanel() {
        var p = DataPoint(-4, 2.5), path = [p]
        for _ in 0..<300 { p = DataPoint(p.x * 0.99, p.y * -0.995); path.append(p) }
        let figure = Figure(Panel(x: Axis("x", range: -5...5), y: Axis("y", range: -3...3), marks: [Trajectory(path)], legend: .hidden))
        let canvas = RecordingCanvas()
        figure.draw(in: canvas, frame: Rect(x: 0, y: 0, width: 420, height: 300))
        #expect(canvas.dump.contains("drawn every"))
        #expect(canvas.dump.contains("steps 8–297 drawn every"))
    }

    @Test func markersAreSpacedByDistanceAlongThePath() {
        // Ten long steps, then a hundred tiny ones near the end.
        var points: [Point?] = (0...10).map { Point(Double($0) * 30, 0) }
        points += (1...100).map { Point(300 + Double($0) * 0.01, 0) }
        let markers = Thinning.arcLengthMarkers(points, indices: Array(points.indices), spacing: 12)
        #expect(markers.first == 0 && markers.last == points.count - 1)
        #expect(markers.filter { $0 > 10 }.count <= 1)
        for (a, b) in zip(markers, markers.dropFirst().dropLast()) { #expect(abs(points[b]!.x - points[a]!.x) >= 12) }
    }

    @Test(arguments: [(-27.0, 27.0, false, 90.0), (0.02, 57.5, false, 120.0), (1.0, 5.0, true, 120.0), (1e-4, 2e3, true, 150.0), (-0.31, 0.31, false, 100.0)])
    func colorbarsHaveAtLeastFourNiceTicks(_ lo: Double, _ hi: Double, _ log: Bool, _ length: Double) {
        let bar = Colorbar(ColorScale(scale: Scale(log ? .log : .linear, lower: lo, upper: hi)), label: "v")
        let ticks = bar.ticks(length: length, canvas: RecordingCanvas(), theme: .textbook).filter { !$0.isMinor }
        #expect(ticks.count >= 4, "\(ticks.map(\.label))")
        #expect(ticks.allSatisfy { $0.value >= min(lo, hi) - 1e-12 && $0.value <= max(lo, hi) + 1e-12 })
        // They fit: at least a label's height apart.
        let labelHeight = RecordingCanvas().measureText("0", style: Theme.textbook.text(Theme.textbook.tickFontSize)).height
        #expect(Double(ticks.count) * labelHeight * 1.25 <= length + 1e-9)
    }

    @Test func aLongPanelTitleShrinksBeforeItWraps() {
        let figure = Figure(columns: 3, panels: (0..<3).map { _ in Panel(title: "penalty, κ = 1 · step 600", x: Axis("column"), y: Axis("row")) })
        let canvas = RecordingCanvas()
        // Wide enough for the title at 7.5 pt (0.6 em a character), too narrow at 10 pt.
        let (text, style) = figure.fittedTitle("penalty, κ = 1 · step 600", width: 120, canvas: canvas)
        #expect(!text.contains("\n") && style.size < 10 && style.size >= 7.5)
        let (broken, _) = figure.fittedTitle("penalty, κ = 1 · step 600 · final loss 0.939", width: 120, canvas: canvas)
        #expect(broken.split(separator: "\n").count == 2)
    }

    @Test func indexAxesTickWholeNumbersOnly() {
        func values(_ lo: Double, _ hi: Double, _ target: Int) -> [Double] { Ticks.whole(from: lo, to: hi, target: target).map(\.value) }
        #expect(values(-0.5, 0.5, 3) == [0])
        #expect(values(-0.5, 1.5, 4) == [0, 1])
        #expect(values(-0.5, 2.5, 6) == [0, 1, 2])
        #expect(values(-0.5, 19.5, 5) == [0, 5, 10, 15])
        #expect(Ticks.whole(from: -0.5, to: 11.5, target: 4).map(\.label) == ["0", "5", "10"])
    }
}
