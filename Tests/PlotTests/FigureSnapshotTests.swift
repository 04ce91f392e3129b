import Foundation
import Plot
import TestSupport
import Testing

@Suite struct FigureSnapshotTests {
    /// A small version of the learning-rate grid: 12×12 surface, 4 levels, two runs of 6 steps.
    static func smallGrid() -> Figure {
        func descent(_ rate: Double) -> [DataPoint] {
            var p = DataPoint(-4, 2), out = [p]
            for _ in 0..<6 { p = DataPoint(p.x - rate * p.x, p.y - rate * 10 * p.y); out.append(p) }
            return out
        }
        let runs = [0.1, 0.21].map { rate in
            ComparisonGrid.Run(title: "η = \(rate)", points: descent(rate), finalLoss: 0.5 * (descent(rate).last!.x * descent(rate).last!.x + 10 * descent(rate).last!.y * descent(rate).last!.y))
        }
        return ComparisonGrid.figure(title: "Small grid", runs: runs, objective: { x, y in 0.5 * (x * x + 10 * y * y) },
                                     x: -5...5, y: -3...3, resolution: 12, levels: 4)
    }

    @Test func smallComparisonGridDrawsTheSameCalls() {
        let canvas = RecordingCanvas()
        Self.smallGrid().draw(in: canvas, frame: Rect(x: 0, y: 0, width: 400, height: 220))
        expectSnapshot(canvas.dump, named: "small-comparison-grid")
    }

    @Test func lineChartWithEventsAndReferenceLines() {
        let loss = [8.0, 4, 2, 1, 0.5, 0.25, 0.1, 0.05, .nan, 0.01, 0.001]
        let panel = Panel(title: "Loss", x: Axis("step k"), y: Axis("loss f(θ<sub>k</sub>)", spacing: .automatic),
                          marks: [LineSeries(loss, label: "η = 0.1", showsMarkers: true),
                                  ReferenceLine.event(at: 10, label: "converged"),
                                  ReferenceLine(.horizontal, at: 0.02, label: "tolerance")])
        let canvas = RecordingCanvas()
        Figure(panel).draw(in: canvas, frame: Rect(x: 0, y: 0, width: 240, height: 160))
        #expect(canvas.dump.contains("\"converged\""))
        expectSnapshot(canvas.dump, named: "line-chart-events")
    }

    @Test func theTransformFlipsYOnlyOnce() {
        let t = PanelTransform(x: Scale(.linear, lower: -5, upper: 5), y: Scale(.linear, lower: -3, upper: 3),
                               plot: Rect(x: 10, y: 20, width: 100, height: 60))
        #expect(t.device(DataPoint(-5, -3)) == Point(10, 80))
        #expect(t.device(DataPoint(5, 3)) == Point(110, 20))
        let back = t.data(Point(60, 50))
        #expect(abs(back.x) <= 1e-12 && abs(back.y) <= 1e-12)
        #expect(t.device(DataPoint(.nan, 0)) == nil)
    }

    @Test func everyLabelStaysInsideTheFrame() {
        let canvas = RecordingCanvas()
        let frame = Rect(x: 0, y: 0, width: 400, height: 220)
        Self.smallGrid().draw(in: canvas, frame: frame)
        for line in canvas.lines where line.hasPrefix("text") && !line.contains("rot") {
            let fields = line.split(separator: " ")
            let coords = fields.count > 1 ? fields[1].dropFirst().dropLast().split(separator: ",").compactMap { Double($0) } : []
            guard coords.count >= 2 else {
                Issue.record("a text line without a position: \(line)")
                continue
            }
            #expect(coords[0] >= frame.minX - 0.01 && coords[1] >= frame.minY - 0.01, "\(line)")
            #expect(coords[0] < frame.maxX && coords[1] < frame.maxY, "\(line)")
        }
    }
}

@Suite struct MissingValueTests {
    @Test func nanAndInfinityInASurfaceDrawWithoutCrashing() {
        let grid = SurfaceGrid(x: -1...1, y: -1...1, resolution: 20) { x, y in
            x > 0.5 ? .nan : (y > 0.5 ? .infinity : x * x + y * y)
        }
        let panel = Panel(x: Axis("x"), y: Axis("y"), marks: [Heatmap(grid), Contours(grid, count: 5)])
        let canvas = RecordingCanvas()
        Figure(panel).draw(in: canvas, frame: Rect(x: 0, y: 0, width: 200, height: 200))
        #expect(canvas.lines.contains { $0.hasPrefix("image 20x20") })
        #expect(!canvas.dump.contains("nan") && !canvas.dump.contains("inf"))
    }

    @Test func nanInAPathBreaksTheLineAndEndsWithANote() {
        var points = (0..<10).map { DataPoint(Double($0) / 10, 0.5) }
        points[4] = DataPoint(.nan, 0.5)
        points[8] = DataPoint(.infinity, 0.5)
        points[9] = DataPoint(.nan, .nan)
        let path = Trajectory(points, directionArrows: 0)
        let t = PanelTransform(x: Scale(.linear, lower: 0, upper: 1), y: Scale(.linear, lower: 0, upper: 1), plot: Rect(x: 0, y: 0, width: 200, height: 100))
        #expect(path.ending(in: t) == .nonFinite(step: 8))
        let canvas = RecordingCanvas()
        path.draw(in: MarkContext(canvas: canvas, transform: t, theme: .textbook))
        // Two runs: steps 0–3 and 5–7; step 4 (NaN) and 8–9 are missing.
        #expect(canvas.lines.contains("stroke #d55e00 w1.2 M(0,50) L(20,50) L(40,50) L(60,50)"))
        #expect(canvas.lines.contains("stroke #d55e00 w1.2 M(100,50) L(120,50) L(140,50)"))
        #expect(canvas.dump.contains("no finite value from step 8"))
    }

    @Test func aDivergingPathStopsAtTheEdgeWithAMark() {
        var p = DataPoint(-4, 2), points = [p]
        for _ in 0..<100 { p = DataPoint(p.x * 0.79, p.y * -1.1); points.append(p) }
        let path = Trajectory(points)
        let t = PanelTransform(x: Scale(.linear, lower: -5, upper: 5), y: Scale(.linear, lower: -3, upper: 3), plot: Rect(x: 0, y: 0, width: 200, height: 120))
        #expect(path.ending(in: t) == .leftView(step: 5))
        let canvas = RecordingCanvas()
        path.draw(in: MarkContext(canvas: canvas, transform: t, theme: .textbook))
        #expect(canvas.dump.contains("left the view at step 5"))
        // Every drawn coordinate is inside the plot: nothing beyond the exit is drawn.
        for line in canvas.lines where line.hasPrefix("stroke") {
            let numbers = line.split(whereSeparator: { "(),LMC ".contains($0) }).compactMap { Double($0) }
            #expect(numbers.allSatisfy { $0 >= -12 && $0 <= 212 })
        }
    }
}

@Suite struct SurfaceSnapshotTests {
    /// Three runs on a 16×16 bowl with the minimum marked: palette colors, halos, markers along the
    /// paths, contour labels and the legend, as drawing calls.
    @Test func threeRunsOnOneSurfaceDrawTheSameCalls() {
        let grid = SurfaceGrid(x: -5...5, y: -3...3, resolution: 16) { x, y in 0.5 * (x * x + 10 * y * y) }
        var marks: [any Mark] = [Heatmap(grid, colorScale: .fitting(grid.values)), Contours(grid, count: 6, spacing: .linear)]
        for (k, start) in [DataPoint(-4, 2), DataPoint(4, 2.5), DataPoint(-3, -2.5)].enumerated() {
            var p = start, points = [p]
            for _ in 0..<12 { p = DataPoint(p.x * 0.8, p.y * 0.6); points.append(p) }
            marks.append(Trajectory(points, label: "run \(k + 1)", style: .onSurface(k)))
        }
        marks.append(Scatter([DataPoint(0, 0)], label: "the minimum", style: .expected))
        let canvas = RecordingCanvas()
        Figure(Panel(x: Axis("x", range: -5...5), y: Axis("y", range: -3...3), marks: marks))
            .draw(in: canvas, frame: Rect(x: 0, y: 0, width: 360, height: 240))
        expectSnapshot(canvas.dump, named: "surface-three-runs")
    }

    /// A 6×6 mesh seen from the default camera with one path: cells far to near, panes, axes, legend.
    @Test func aSmallThreeDViewDrawsTheSameCalls() {
        let grid = SurfaceGrid(x: -2...2, y: -2...2, resolution: 7) { x, y in x * x + 2 * y * y }
        var p = DataPoint(-1.8, 1.5), points = [p]
        for _ in 0..<8 { p = DataPoint(p.x * 0.7, p.y * 0.5); points.append(p) }
        let plot = SurfacePlot3D(grid: grid, colorScale: .fitting(grid.values),
                                 paths: [.init(points: points, heights: points.map { $0.x * $0.x + 2 * $0.y * $0.y }, label: "η = 0.15", style: .onSurface(0))],
                                 expected: (DataPoint(0, 0), 0, "the minimum"), xLabel: "x", yLabel: "y")
        let canvas = RecordingCanvas()
        plot.draw(in: canvas, frame: Rect(x: 0, y: 0, width: 360, height: 280))
        expectSnapshot(canvas.dump, named: "surface3d-small")
    }
}
