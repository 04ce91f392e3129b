import Lessons
import Plot

extension FigureFactory {
    /// A filmstrip: one small panel per chosen step over the same loss surface, each showing the runs'
    /// paths from the start up to that step (what an animation shows, on paper). The frames are the
    /// `steps` the runs reach (by default 0, 1, 2, 3, 5, 10 and 30), and always the last step, over the
    /// problem's view. Returns the figure and its height ÷ width.
    func filmstrip(steps chosen: [Int], _ runs: [RunResult], _ problem: Problem,
                   _ objective: ProblemObjective) -> (Figure, Double) {
        let view = FigureFactory.view(FigureSpec.ViewSettings(), problem)
        let (grid, xi, yi) = surfaceGrid(view, problem, objective)
        let last = runs.map { $0.trace.count - 1 }.max() ?? 0
        let steps = Set((chosen.isEmpty ? FigureSpec.filmstripSteps : chosen).filter { $0 <= last } + [last]).sorted()
        let colorScale = ColorScale.fitting(grid.values, spacing: view.logColor.map { $0 ? .log : .linear } ?? .automatic)
        let contours = Contours(grid, count: 10, spacing: colorScale.scale.kind == .log ? .log : .linear)
        let heatmap = Heatmap(grid, colorScale: colorScale)
        let styles = styleIndices(runs)
        func frameStyle(_ k: Int) -> SeriesStyle {
            var style = SeriesStyle.onSurface(styles[k])
            style.markerSize = 3.5
            return style
        }
        let panels = steps.enumerated().map { frame, step -> Panel in
            var marks: [any Mark] = [heatmap, contours]
            for (k, r) in runs.enumerated() {
                let shown = min(step, r.trace.count - 1) + 1
                let points = zip(r.trace.parameterColumn(xi).prefix(shown), r.trace.parameterColumn(yi).prefix(shown))
                    .map { DataPoint($0, $1) }
                marks.append(Trajectory(points, label: nil, style: frameStyle(k), markerLimit: 25, directionArrows: 0))
            }
            let title = step == last && step > 0 ? "step \(step) (last)" : "step \(step)"
            return Panel(title: title, x: Axis("parameter \(TextStyle.escape(view.x))", range: view.xRange),
                         y: Axis("parameter \(TextStyle.escape(view.y!))", range: view.yRange!), marks: marks,
                         legend: .hidden)
        }
        // Several runs share one legend below the frames: inside a small frame it would hide the start.
        let legend = runs.count < 2 ? [] : runs.enumerated().flatMap { k, r in
            Trajectory([DataPoint(0, 0)], label: TextStyle.escape(r.run.label), style: frameStyle(k), markerLimit: 25,
                       directionArrows: 0).legendEntries
        }
        // Rows of four, or of three when that fills the last row (nine frames as 3 × 3, not 4 + 4 + 1).
        let columns = panels.count <= 4 ? panels.count : panels.count % 4 != 0 && panels.count % 3 == 0 ? 3 : 4
        let rows = (panels.count + columns - 1) / columns
        let figure = Figure(columns: columns, panels: panels, sharesX: true, sharesY: true,
                            colorbar: Colorbar(colorScale, label: "loss\(heldNote(problem))", levels: contours.levels),
                            legend: legend)
        return (figure, min(1.3, 0.85 * Double(rows) / Double(columns) + 0.12))
    }
}
