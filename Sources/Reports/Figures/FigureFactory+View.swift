import Foundation
import Engine
import Lessons
import Plot
import Trace

extension FigureFactory {
    /// The problem's view with a figure's own window (`x_range`, `y_range`) and color choice (`log_color`).
    static func view(_ settings: FigureSpec.ViewSettings, _ problem: Problem) -> Problem.View {
        var view = problem.view!
        if let x = settings.xRange { view.xRange = x }
        if let y = settings.yRange, view.y != nil { view.yRange = y }
        if let log = settings.logColor { view.logColor = log }
        return view
    }

    /// The trace rows a figure draws: its `step_window` clipped to the trace (every row without one).
    static func window(_ stepWindow: ClosedRange<Int>?, _ count: Int) -> Range<Int> {
        guard let w = stepWindow else { return 0..<count }
        let lower = min(w.lowerBound, max(0, count - 1))
        return lower..<min(count, w.upperBound + 1)
    }

    /// A run's label, with the steps shown when the figure shows only some: "η = 0.1 (steps 40–80)".
    static func windowedLabel(_ label: String, _ stepWindow: ClosedRange<Int>?, _ rows: Range<Int>) -> String {
        guard stepWindow != nil, let last = rows.last else { return label }
        return "\(label) (steps \(rows.lowerBound)–\(last))"
    }

    /// The problem's expected answer as a point of the view, when it lies on the view's slice (the held
    /// parameters at their expected values) and inside its window.
    static func expectedPoint(_ problem: Problem, _ view: Problem.View) -> DataPoint? {
        guard let e = problem.expected, let xi = problem.parameters.firstIndex(of: view.x) else { return nil }
        let yi = view.y.flatMap { problem.parameters.firstIndex(of: $0) }
        let slice = point(problem, xi, e[xi], yi, yi.map { e[$0] } ?? 0)
        guard zip(slice, e).allSatisfy({ abs($0 - $1) <= 1e-12 * max(1, abs($1)) }) else { return nil }
        let p = DataPoint(e[xi], yi.map { e[$0] } ?? 0)
        guard view.xRange.contains(p.x), yi == nil || view.yRange!.contains(p.y) else { return nil }
        return p
    }

    /// A mark for the expected answer at `p`, labelled as the lesson names it ("the minimum").
    static func expectedMark(_ problem: Problem, at p: DataPoint, labelled: Bool = true) -> Scatter {
        Scatter([p], label: labelled ? TextStyle.escape(problem.expectedLabel) : nil, style: .expected)
    }

    /// The arrows a surface figure draws at their steps, for every run, on one scale chosen for the view:
    /// the longest arrow about an eighth of the view, the factor a 1-2-5 number (see `arrowScale`).
    /// Returns the arrows per run and the legend text naming what they show and their scale.
    func stepArrows(_ arrows: FigureSpec.StepArrows?, _ runs: [RunResult], _ xi: Int, _ yi: Int,
                    view: Problem.View) -> (arrows: [[Trajectory.StepArrow]], legend: String?) {
        guard let arrows else { return (runs.map { _ in [] }, nil) }
        var stateName: String? = nil
        let raw = runs.map { r -> [Trajectory.StepArrow] in
            let trace = r.trace
            return arrows.steps.filter { $0 < trace.count }.compactMap { step -> Trajectory.StepArrow? in
                if arrows.vector == .gradient {
                    return .init(step: step, vector: DataPoint(-trace.gradient(xi, at: step), -trace.gradient(yi, at: step)))
                }
                guard let name = trace.stateNames.first, let sx = trace.stateColumn(name, parameter: xi),
                      let sy = trace.stateColumn(name, parameter: yi) else { return nil }
                stateName = stateName ?? name
                return .init(step: step, vector: DataPoint(sx[step], sy[step]), color: Color(hex: 0x7A0177))
            }
        }
        let wx = view.xRange.upperBound - view.xRange.lowerBound, wy = view.yRange!.upperBound - view.yRange!.lowerBound
        let longest = raw.joined().map { hypot($0.vector.x / wx, $0.vector.y / wy) }.filter(\.isFinite).max() ?? 0
        guard longest > 0 else { return (raw, nil) }
        let scale = FigureFactory.arrowScale(longest: longest)
        let scaled = raw.map { $0.map { a -> Trajectory.StepArrow in var a = a; a.scale = scale; return a } }
        let what = arrows.vector == .gradient ? "−∇f" : TextStyle.escape(stateName ?? "state")
        let factor = scale == 1 ? "" : " × \(NumberFormat.short(scale))"
        let steps = arrows.steps.map(String.init).joined(separator: ", ")
        return (scaled, "\(what)\(factor) at step\(arrows.steps.count == 1 ? "" : "s") \(steps)")
    }

    /// The factor that draws the longest of some vectors (its length `longest` as a fraction of the view)
    /// at about an eighth of the view: the largest 1, 2 or 5 × 10ᵏ not above 0.125 / longest.
    static func arrowScale(longest: Double) -> Double {
        let raw = 0.125 / longest
        let magnitude = pow(10, floor(log10(raw)))
        let mantissa = [5.0, 2, 1].first { $0 * magnitude <= raw * (1 + 1e-9) } ?? 1
        return mantissa * magnitude
    }
}
