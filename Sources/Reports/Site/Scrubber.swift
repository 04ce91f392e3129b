import Foundation
import Plot
import Trace

/// What one figure's step scrubber needs: the steps its slider reaches, where its panels sit on the
/// figure, and for every path drawn the run it belongs to.
///
/// A figure gets a scrubber when its panels draw paths (`Trajectory` on a surface, `IterateJumps` on a
/// curve), one per run the figure names, in reading order, each path being its run's own parameter
/// columns. That holds for every figure kind that draws a path, and the check makes sure the page never
/// pairs a path with the wrong trace.
struct Scrubber {
    /// One run's path on the figure.
    struct Track {
        /// The run and its trace.
        var result: RunResult
        /// The panel (reading order) the path is drawn in.
        var panel: Int
        /// The path's color on the figure.
        var color: Color
        /// The parameter on the horizontal axis.
        var x: Int
        /// The parameter on the vertical axis, or nil on a curve, whose heights are `heights`.
        var y: Int?
        /// On a curve: the drawn height (the objective over the view) of every iterate.
        var heights: [Double]?
    }

    /// The steps the slider reaches.
    var thinning: StepThinning
    /// Each panel's data → figure transform, in the figure's points.
    var transforms: [PanelTransform]
    /// The paths, in reading order.
    var tracks: [Track]

    /// The scrubber of `drawable` drawn at `size` (as on the page) for the figure's `runs`, or nil when
    /// it draws no path or its paths are not exactly those runs' parameters.
    init?(figure drawable: any Drawable, runs: [RunResult], size: Size, canvas: Canvas) {
        guard let figure = drawable as? Figure else { return nil }
        var paths: [(panel: Int, color: Color, xs: [Double], ys: [Double], isCurve: Bool)] = []
        for (p, panel) in figure.panels.enumerated() {
            for mark in panel.marks {
                if let path = mark as? Trajectory, path.firstStep == 0 {
                    paths.append((p, path.style.color, path.points.map(\.x), path.points.map(\.y), false))
                } else if let jumps = mark as? IterateJumps {
                    paths.append((p, jumps.style.color, jumps.iterates, jumps.losses, true))
                }
            }
        }
        guard !paths.isEmpty, paths.count == runs.count else { return nil }
        var tracks: [Track] = []
        for (path, result) in zip(paths, runs) {
            let trace = result.trace
            guard trace.count == path.xs.count, let x = Self.parameter(matching: path.xs, in: trace) else { return nil }
            if path.isCurve {
                tracks.append(Track(result: result, panel: path.panel, color: path.color, x: x, y: nil, heights: path.ys))
            } else {
                guard let y = Self.parameter(matching: path.ys, in: trace) else { return nil }
                tracks.append(Track(result: result, panel: path.panel, color: path.color, x: x, y: y, heights: nil))
            }
        }
        self.tracks = tracks
        thinning = StepThinning(ends: tracks.map { $0.result.trace.count - 1 })
        transforms = figure.transforms(in: canvas, frame: Rect(x: 0, y: 0, width: size.width, height: size.height))
    }

    /// The parameter whose column is `values`, bit for bit.
    private static func parameter(matching values: [Double], in trace: Trace) -> Int? {
        (0..<trace.parameterCount).first { i in
            let column = trace.parameterColumn(i)
            return column.count == values.count && column.withUnsafeBytes { a in
                values.withUnsafeBytes { b in a.count == 0 || memcmp(a.baseAddress!, b.baseAddress!, a.count) == 0 }
            }
        }
    }

    /// Past this many parameters only the two on the axes are shown and embedded.
    static let shownParameterLimit = 6

    /// The parameters a track's numbers show: all of them when few, else the ones on the axes.
    static func shownParameters(_ track: Track) -> [Int] {
        let count = track.result.trace.parameterCount
        if count <= shownParameterLimit { return Array(0..<count) }
        return [track.x] + (track.y.map { [$0] } ?? [])
    }

    /// The trace rows a track needs: for every reachable step k, the row it shows (k, or the run's last
    /// row when the run ended before k), the row before it (the update rule reads both), and on a curve
    /// the row after it (where the next jump lands).
    static func rows(_ track: Track, steps: [Int]) -> [Int] {
        let last = track.result.trace.count - 1
        var rows = Set<Int>()
        for k in steps {
            let r = min(k, last)
            rows.insert(r)
            if r > 0 { rows.insert(r - 1) }
            if track.heights != nil && r < last { rows.insert(r + 1) }
        }
        return rows.sorted()
    }
}
