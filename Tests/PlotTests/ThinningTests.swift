import Foundation
import Plot
import Testing

@Suite struct ThinningTests {
    @Test func decimationKeepsStartExtremesEndAndGaps() {
        var points: [Point?] = (0..<10_000).map { k in Point(Double(k) * 0.001, sin(Double(k) * 0.001) * 50) }
        points[5000] = nil
        points[7777] = Point(3, 400)
        let keep = Thinning.decimate(points, tolerance: 1)
        #expect(keep.first == 0 && keep.last == 9999)
        #expect(keep.contains(7777))
        #expect(keep.contains(5000) && keep.contains(4999) && keep.contains(5001))
        #expect(keep.count < 1000)
    }

    @Test func columnExtremesKeepTheEnvelope() {
        let n = 400_000
        let xs = (0..<n).map { Double($0) / Double(n) * 300 }
        let ys = (0..<n).map { sin(Double($0) * 0.37) * 100 + ($0 == 123_456 ? 1000 : 0) }
        let keep = Thinning.columnExtremes(xs: xs, ys: ys, columnWidth: 0.5)
        #expect(keep.first == 0 && keep.last == n - 1)
        #expect(keep.contains(123_456))
        #expect(keep.count <= 4 * 600)
        #expect(keep == keep.sorted())
    }

    @Test func markersKeepStartEndAndExtremes() {
        let points: [Point?] = (0...100).map { k in Point(Double(k), k == 40 ? -30 : Double(k % 7)) }
        let keep = Thinning.markerIndices(points, limit: 10, spacing: 3)
        #expect(keep.contains(0) && keep.contains(100) && keep.contains(40))
        #expect(keep.count <= 16)
    }

    /// Drawing cost follows the thinned points, not the series: a 400,000-step series draws as at
    /// most 20,000 points per path. (Speed itself is measured by `make bench`, not by a timed test.)
    @Test func aLongSeriesDrawsAsAThinnedPath() {
        let n = 400_000
        let loss = (0..<n).map { 100 * exp(-Double($0) / 50_000) * (1.2 + sin(Double($0))) }
        let path = (0..<n).map { k in DataPoint(cos(Double(k) * 5e-5) * Double(n - k) / Double(n), sin(Double(k) * 5e-5) * Double(n - k) / Double(n)) }
        let figure = Figure(columns: 2, panels: [
            Panel(x: Axis("step k"), y: Axis("loss", spacing: .automatic), marks: [LineSeries(loss)]),
            Panel(x: Axis("x"), y: Axis("y"), marks: [Trajectory(path)]),
        ])
        let canvas = RecordingCanvas()
        figure.draw(in: canvas, frame: Rect(x: 0, y: 0, width: 600, height: 300))
        let longest = canvas.lines.map { $0.split(separator: " ").count }.max() ?? 0
        #expect(longest < 20_000)
    }
}
