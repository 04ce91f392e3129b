import Foundation
import Plot
import TestSupport

/// Scenes shared by the backend tests.
enum Scenes {
    /// f(x, y) = 0.5(x² + 10y²), the learning-rate lesson's bowl.
    static func bowl(_ x: Double, _ y: Double) -> Double { 0.5 * (x * x + 10 * y * y) }

    /// Plain gradient descent θ ← θ − η∇f from (−4, 2) for `steps` steps.
    static func descent(rate: Double, steps: Int = 100) -> [DataPoint] {
        var p = DataPoint(-4, 2)
        var path = [p]
        for _ in 0..<steps {
            p = DataPoint(p.x - rate * p.x, p.y - rate * 10 * p.y)
            path.append(p)
        }
        return path
    }

    /// The learning-rate comparison: η = 0.02, 0.1, 0.18, 0.21 on shared axes over a `resolution²` surface.
    static func learningRateGrid(resolution: Int = 400) -> Figure {
        let runs = [0.02, 0.1, 0.18, 0.21].map { rate -> ComparisonGrid.Run in
            let path = descent(rate: rate)
            return ComparisonGrid.Run(title: "η = \(rate)", points: path, finalLoss: bowl(path.last!.x, path.last!.y))
        }
        return ComparisonGrid.figure(title: "Gradient descent on f = ½(x² + 10y²) from (−4, 2), 100 steps", runs: runs,
                                     objective: bowl, x: -5...5, y: -3...3, resolution: resolution)
    }

    /// A page holding `drawable` with an 8 pt margin.
    static func page(_ drawable: any Drawable, size: Size = Size(540, 540)) -> Page {
        Page(size: size, items: [Page.Item(frame: Rect(x: 8, y: 8, width: size.width - 16, height: size.height - 16), content: drawable)])
    }

    /// A folder for rendered files: `STEPTRACE_SAMPLES` when set (kept for looking at), else a fresh temporary one,
    /// removed when the test process exits.
    static func folder(_ name: String) throws -> String {
        if let samples = ProcessInfo.processInfo.environment["STEPTRACE_SAMPLES"] {
            try FileManager.default.createDirectory(atPath: samples, withIntermediateDirectories: true)
            return samples
        }
        let path = NSTemporaryDirectory() + "steptrace-\(name)-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        removeAtExit(path)
        return path
    }
}

extension Scenes {
    /// Every other mark on one page: a log-scale loss chart with events and a reference line, several runs
    /// with a legend and vectors over a log-contoured Rosenbrock surface with a NaN hole, a two-class data
    /// view with model curves and a boundary, a signed 20×20 matrix, and the one-parameter overshoot view.
    static func gallery() -> Figure {
        // Loss curves: 400,000 steps, one converging and one diverging.
        let n = 400_000
        var slow = [Double](repeating: 0, count: n), fast = [Double](repeating: .nan, count: n)
        for k in 0..<n {
            let t = Double(k)
            slow[k] = 50 * exp(-t / 40_000) + 1e-3 * (1 + 0.5 * sin(t / 300))
            if k < 300_000 { fast[k] = 50 * exp(-t / 9_000) * (1 + 0.3 * sin(t / 50)) + 1e-4 }
        }
        let losses = Panel(title: "Loss per step (400,000 steps)", x: Axis("step k", grid: true), y: Axis("loss f(θ<sub>k</sub>)", spacing: .automatic, grid: true),
                           marks: [LineSeries(slow, label: "η = 0.001"), LineSeries(fast, label: "η = 0.01", style: .cycle(1)),
                                   ReferenceLine.event(at: 300_000, label: "diverged at step 300000"),
                                   ReferenceLine(.horizontal, at: 1e-3, label: "tolerance 10<sup>−3</sup>")])
        // Rosenbrock with a NaN hole, log colors and contours, three runs.
        let rosen = SurfaceGrid(x: -2...2, y: -1...3, resolution: 120) { x, y in
            (x > 0.9 && x < 1.4 && y > -0.5 && y < 0) ? .nan : (1 - x) * (1 - x) + 100 * (y - x * x) * (y - x * x)
        }
        let scale = ColorScale.fitting(rosen.values)
        func run(_ rate: Double, _ steps: Int) -> [DataPoint] {
            var p = DataPoint(-1.5, 2.5), out = [p]
            for _ in 0..<steps {
                let gx = -2 * (1 - p.x) - 400 * p.x * (p.y - p.x * p.x), gy = 200 * (p.y - p.x * p.x)
                p = DataPoint(p.x - rate * gx, p.y - rate * gy); out.append(p)
            }
            return out
        }
        var withNaN = run(0.0005, 3000)
        withNaN[1500] = DataPoint(.nan, .nan)
        let runs: [any Mark] = [
            Heatmap(rosen, colorScale: scale), Contours(rosen, count: 12, spacing: .log),
            Trajectory(withNaN, label: "η = 0.0005 (NaN at step 1500)", style: SeriesStyle(color: Color(hex: 0xFFFFFF), marker: .circle, halo: false)),
            Trajectory(run(0.0015, 3000), label: "η = 0.0015", style: SeriesStyle(color: Color(hex: 0xE8432A), dash: [5, 2.5], marker: .square, halo: true),
                       stepArrows: [Trajectory.StepArrow(step: 0, vector: DataPoint(0.5, -0.3), color: .white)]),
            Trajectory(run(0.0031, 300), label: "η = 0.0031", style: SeriesStyle(color: Color(hex: 0x111111), dash: [1.2, 2], marker: .triangle, halo: true)),
        ]
        let rosenbrock = Panel(title: "Rosenbrock, log colors", x: Axis("θ<sub>1</sub>"), y: Axis("θ<sub>2</sub>"), marks: runs,
                               colorbar: Colorbar(scale, label: "loss (log scale)"))
        // Two classes, model curves over steps, boundary.
        var a: [DataPoint] = [], b: [DataPoint] = []
        for k in 0..<30 {
            let t = Double(k)
            a.append(DataPoint(1 + 0.8 * sin(t * 1.7), 1 + 0.7 * cos(t * 2.3)))
            b.append(DataPoint(3 + 0.8 * sin(t * 1.3), 2.8 + 0.7 * cos(t * 2.9)))
        }
        let classes = Panel(title: "Two classes, boundary p = 0.5", x: Axis("feature x<sub>1</sub> (cm)"), y: Axis("feature x<sub>2</sub> (cm)"),
                            marks: [Scatter(a, label: "class 0", style: .cycle(0)), Scatter(b, label: "class 1", style: .cycle(1)),
                                    DecisionBoundary(w1: 1, w2: 1, bias: -4)])
        let xs = (0..<50).map { Double($0) / 49 * 4 }
        let family = CurveFamily([0, 5, 20, 100].map { step in
            CurveFamily.Member(label: "step \(step)", points: xs.map { DataPoint($0, (1 - exp(-Double(step) / 20)) * (0.6 * $0 + 0.3)) })
        })
        var data: [DataPoint] = []
        for x in stride(from: 0.0, through: 4, by: 0.25) { data.append(DataPoint(x, 0.6 * x + 0.3 + 0.2 * sin(x * 7))) }
        let dataMark = Scatter(data, label: "data", style: SeriesStyle(color: Color(hex: 0x444444), marker: .circle, markerSize: 3.5))
        let fit = Panel(title: "Model after k steps", x: Axis("input x"), y: Axis("prediction ŷ"), marks: [dataMark, family])
        var cells = [Double](repeating: 0, count: 400)
        for k in 0..<400 { cells[k] = 2 * sin(Double(k % 20) / 3) * cos(Double(k / 20) / 4) }
        let matrix = MatrixCells(rows: 20, columns: 20, values: cells, signed: true).panel(title: "Signed 20×20 matrix", valueLabel: "weight w<sub>ij</sub>")
        var overshootIterates = [2.0]
        for _ in 0..<7 { overshootIterates.append(overshootIterates.last! * -0.8) }
        let overshoot = ObjectiveView.panel(title: "η = 0.9 on f(θ) = θ²: overshoot", f: { $0 * $0 }, iterates: overshootIterates)
        return Figure(title: "Gallery", columns: 2, panels: [losses, rosenbrock, classes, fit, matrix, overshoot])
    }
}
