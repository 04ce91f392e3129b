import Engine
import Lessons
import Plot

extension FigureFactory {
    /// Nodes per side of a 3-D view's mesh: 28 × 28 cells, fine enough to look smooth at print size and
    /// few enough to keep the PDF and an inline SVG small.
    static let meshResolution = 29

    /// The loss surface over the figure's view as a shaded perspective mesh, each run's path lifted onto
    /// it (its iterates at the surface's height there), the known minimum marked; the camera `azimuth`
    /// degrees around the vertical axis and `elevation` degrees above the floor.
    func surface3d(_ settings: FigureSpec.ViewSettings, azimuth: Double, elevation: Double, _ runs: [RunResult],
                   _ problem: Problem, _ objective: ProblemObjective) -> SurfacePlot3D {
        let view = FigureFactory.view(settings, problem)
        let xi = problem.parameters.firstIndex(of: view.x)!, yi = problem.parameters.firstIndex(of: view.y!)!
        let f: (Double, Double) -> Double = { objective.loss(at: FigureFactory.point(problem, xi, $0, yi, $1)) }
        let grid = SurfaceGrid(x: view.xRange, y: view.yRange!, resolution: FigureFactory.meshResolution, f)
        let colorScale = ColorScale.fitting(grid.values, spacing: view.logColor.map { $0 ? .log : .linear } ?? .automatic)
        let styles = styleIndices(runs)
        let paths = runs.enumerated().map { k, r -> SurfacePlot3D.Path3D in
            let rows = FigureFactory.window(settings.stepWindow, r.trace.count)
            let xs = r.trace.parameterColumn(xi), ys = r.trace.parameterColumn(yi)
            let points = rows.map { DataPoint(xs[$0], ys[$0]) }
            return SurfacePlot3D.Path3D(points: points, heights: points.map { f($0.x, $0.y) },
                                        label: FigureFactory.windowedLabel(TextStyle.escape(r.run.label), settings.stepWindow, rows),
                                        style: SeriesStyle.onSurface(styles[k]), firstStep: rows.lowerBound)
        }
        let expected = FigureFactory.expectedPoint(problem, view).map { ($0, f($0.x, $0.y), TextStyle.escape(problem.expectedLabel)) }
        let loss = "loss\(heldNote(problem))"
        return SurfacePlot3D(grid: grid, colorScale: colorScale, paths: paths, expected: expected, azimuth: azimuth,
                             elevation: elevation, xLabel: "parameter \(TextStyle.escape(view.x))",
                             yLabel: "parameter \(TextStyle.escape(view.y!))", zLabel: "loss", colorbarLabel: loss)
    }
}
