import Foundation
import Testing
@testable import Plot

/// The 3-D view: a painter's algorithm over mesh cells, paths lifted onto the surface, hidden parts hidden.
@Suite struct Surface3DTests {
    /// A tall narrow hill in the middle of a flat floor.
    static let hill = SurfaceGrid(x: -2...2, y: -2...2, resolution: 41) { x, y in 5 * exp(-(x * x + y * y) / 0.3) }

    static func path(_ points: [DataPoint], _ k: Int) -> SurfacePlot3D.Path3D {
        SurfacePlot3D.Path3D(points: points, heights: points.map { 5 * exp(-($0.x * $0.x + $0.y * $0.y) / 0.3) },
                             label: "run \(k)", style: .onSurface(k))
    }

    /// The star fills (end glyphs: ten corners) drawn in `color`.
    static func stars(_ dump: String, _ color: String) -> Int {
        dump.split(separator: "\n").filter { $0.hasPrefix("fill #\(color) M") && $0.components(separatedBy: " L").count == 10 }.count
    }

    @Test func aGlyphBehindAHillIsHiddenAndOneInFrontIsDrawn() {
        // The eye looks from −y, low over the floor: (0, 1.5) is behind the hill, (0, −1.5) in front.
        let behind = Self.path([DataPoint(0.1, 1.6), DataPoint(0, 1.5)], 0)
        let front = Self.path([DataPoint(0.1, -1.6), DataPoint(0, -1.5)], 1)
        let plot = SurfacePlot3D(grid: Self.hill, colorScale: .fitting(Self.hill.values), paths: [behind, front],
                                 azimuth: -90, elevation: 8, xLabel: "x", yLabel: "y")
        let canvas = RecordingCanvas()
        plot.draw(in: canvas, frame: Rect(x: 0, y: 0, width: 500, height: 360))
        #expect(Self.stars(canvas.dump, "d55e00") == 0, "the end behind the hill is hidden")
        #expect(Self.stars(canvas.dump, "004488") == 1, "the end in front is drawn")
        // Seen from above, nothing hides either.
        let above = SurfacePlot3D(grid: Self.hill, colorScale: .fitting(Self.hill.values), paths: [behind, front],
                                  azimuth: -90, elevation: 89, xLabel: "x", yLabel: "y")
        let top = RecordingCanvas()
        above.draw(in: top, frame: Rect(x: 0, y: 0, width: 500, height: 360))
        #expect(Self.stars(top.dump, "d55e00") == 1 && Self.stars(top.dump, "004488") == 1)
    }

    @Test func cellsAreDrawnFromTheFarthestToTheNearest() {
        let plot = SurfacePlot3D(grid: SurfaceGrid(x: 0...1, y: 0...1, resolution: 3) { _, _ in 0 }, colorScale: .fitting([0, 1]),
                                 paths: [], azimuth: -90, elevation: 30, xLabel: "x", yLabel: "y")
        let canvas = RecordingCanvas()
        plot.draw(in: canvas, frame: Rect(x: 0, y: 0, width: 400, height: 300))
        // Four flat cells; from −y the far row (y = 0.5…1) is higher on the page and comes first.
        let cells = canvas.lines.filter { $0.hasPrefix("fill #") && $0.hasSuffix(" Z") && $0.components(separatedBy: " L").count == 4 }
            .filter { !$0.hasPrefix("fill #f2f2f2") }
        #expect(cells.count == 4)
        let tops = cells.map { line -> Double in
            line.split(separator: "(").dropFirst().compactMap { Double($0.split(separator: ",")[1].prefix { $0 != ")" }) }.min()!
        }
        #expect(tops[0] <= tops[2] && tops[1] <= tops[3], "far cells first: \(tops)")
    }

    @Test func thePathLeavingTheFloorSaysWhereInItsLegendEntry() {
        let away = Self.path([DataPoint(0, 0), DataPoint(1, 1), DataPoint(3, 3), DataPoint(4, 4)], 0)
        let plot = SurfacePlot3D(grid: Self.hill, colorScale: .fitting(Self.hill.values), paths: [away], xLabel: "x", yLabel: "y")
        #expect(plot.legendEntries.first?.label == "run 0 (off the surface from step 2)")
    }
}
