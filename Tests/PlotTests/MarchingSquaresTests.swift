import Foundation
import Plot
import Testing

@Suite struct MarchingSquaresTests {
    let bowl = SurfaceGrid(x: -2...2, y: -2...2, resolution: 81) { x, y in x * x + y * y }

    @Test(arguments: [0.25, 1.0, 2.25])
    func circleContoursLieAtTheRightRadius(level: Double) throws {
        let lines = MarchingSquares.lines(bowl, level: level)
        #expect(lines.count == 1)
        let line = try #require(lines.first)
        #expect(line.isClosed)
        let r = level.squareRoot()
        // Linear interpolation along an edge of a 0.05-wide cell is off by at most h²/(8r).
        for p in line.points { #expect(abs(hypot(p.x, p.y) - r) <= 0.05 * 0.05 / (8 * r) + 1e-9) }
        #expect(line.points.count > 20)
    }

    @Test func saddleCellsFollowTheCentreValue() {
        // f = xy: the level 0.1 contour of each quadrant pair must not join across the saddle at (0, 0).
        let saddle = SurfaceGrid(width: 2, height: 2, x: -1...1, y: -1...1, values: [1, -1, -1, 1])
        let high = MarchingSquares.lines(saddle, level: 0.5)
        #expect(high.count == 2)
        // Centre value 0 < 0.5: the high corners (bottom-left, top-right) are cut off separately.
        for line in high {
            let mid = DataPoint((line.points[0].x + line.points[1].x) / 2, (line.points[0].y + line.points[1].y) / 2)
            #expect(mid.x * mid.y > 0)
        }
        let low = MarchingSquares.lines(saddle, level: -0.5)
        for line in low {
            let mid = DataPoint((line.points[0].x + line.points[1].x) / 2, (line.points[0].y + line.points[1].y) / 2)
            #expect(mid.x * mid.y < 0)
        }
    }

    @Test func nanCellsAreSkipped() {
        var values = bowl.values
        for j in 0..<81 { for i in 40..<45 { values[j * 81 + i] = .nan } }
        values[0] = .infinity
        let holed = SurfaceGrid(width: 81, height: 81, x: -2...2, y: -2...2, values: values)
        let lines = MarchingSquares.lines(holed, level: 1)
        #expect(lines.count == 2)
        #expect(lines.allSatisfy { !$0.isClosed })
        for p in lines.flatMap(\.points) {
            #expect(p.isFinite)
            #expect(abs(hypot(p.x, p.y) - 1) <= 1e-3)
        }
    }

    @Test func levelsAreLogarithmicWhenTheRangeSpansDecades() {
        let levels = ContourLevels.suggest(for: 0.001...1000, count: 20)
        #expect(levels.count <= 20 && levels.count >= 10)
        for (a, b) in zip(levels, levels.dropFirst()) { #expect(b / a <= 3.01 && b > a) }
        let linear = ContourLevels.suggest(for: 0...57.5, count: 20)
        #expect(linear.first == 2.5 && linear.last == 55)
    }
}
