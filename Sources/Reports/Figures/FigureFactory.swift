import Engine
import Lessons
import Plot
import Trace

/// Builds a lesson's figures from its results: one function per figure kind.
struct FigureFactory {
    let results: LessonResults
    /// Samples per side of a loss surface.
    var surfaceResolution = 200

    var lesson: Lesson { results.lesson }

    func build(_ spec: FigureSpec) throws -> BuiltFigure {
        let runs = results.results(named: spec.runs)
        let problem = lesson.problem(of: runs[0].run)
        let objective = results.objective(of: runs[0].run)
        let drawable: any Drawable
        var aspect = spec.aspect
        switch spec.kind {
        case .surface: drawable = surface(spec, runs, problem, objective)
        case .grid:
            drawable = grid(spec, runs, problem, objective)
            aspect = max(aspect, gridAspect(count: runs.count))
        case .curve:
            drawable = curves(spec, runs, problem, objective)
            aspect = max(aspect, runs.count > 2 ? 0.8 : 0.45)
        case .loss, .gradientNorm, .learningRate, .parameter, .state:
            drawable = series(spec, runs, problem, objective)
        case .fit: drawable = try fit(spec, runs[0], problem)
        case .boundary: drawable = try boundary(spec, runs[0], problem)
        case .regions: (drawable, aspect) = try regions(spec, runs[0], problem)
        case .field: (drawable, aspect) = try field(spec, runs[0], problem)
        case .finalLoss: drawable = finalLoss(spec, runs, problem, objective)
        case .matrix: (drawable, aspect) = matrix(spec, runs, problem)
        case .blockSize: drawable = blockSize(spec, runs, problem)
        case .terms:
            drawable = try terms(spec, runs, problem)
            aspect = max(aspect, runs.count > 1 ? 0.45 * Double((runs.count + 1) / 2) : 0.45)
        case .images: (drawable, aspect) = try images(spec, runs, problem)
        case .simplexSlice: drawable = simplexSlice(spec, runs, problem, objective)
        case .along: drawable = along(spec, runs, problem, objective)
        case .starts: drawable = starts(spec, runs, problem)
        case .filmstrip: (drawable, aspect) = filmstrip(spec, runs, problem, objective)
        }
        let caption = (spec.title.map { "<b>\(Notes.escape($0)).</b> " } ?? "") + Notes.inline(spec.caption)
        return BuiltFigure(id: spec.id, drawable: drawable, aspectRatio: 1 / aspect, caption: caption)
    }

    private func gridAspect(count: Int) -> Double {
        let rows = (count + 1) / 2
        return min(1.3, 0.5 * Double(rows) + 0.1)
    }

    // MARK: surfaces

    /// θ with the view's two parameters set and the others held (view hold, else expected, else start).
    static func point(_ problem: Problem, _ x: Int, _ xv: Double, _ y: Int?, _ yv: Double) -> [Double] {
        var theta = problem.expected ?? problem.start
        for (name, value) in problem.view?.hold ?? [:] {
            if let i = problem.parameters.firstIndex(of: name) { theta[i] = value }
        }
        theta[x] = xv
        if let y { theta[y] = yv }
        return theta
    }

    func surfaceGrid(_ problem: Problem, _ objective: ProblemObjective) -> (SurfaceGrid, Int, Int) {
        let view = problem.view!
        let xi = problem.parameters.firstIndex(of: view.x)!, yi = problem.parameters.firstIndex(of: view.y!)!
        let grid = SurfaceGrid(x: view.xRange, y: view.yRange!, resolution: surfaceResolution) { a, b in
            objective.loss(at: FigureFactory.point(problem, xi, a, yi, b))
        }
        return (grid, xi, yi)
    }

    func heldNote(_ problem: Problem) -> String {
        let view = problem.view!
        let others = problem.parameters.filter { $0 != view.x && $0 != view.y }
        guard !others.isEmpty else { return "" }
        let point = FigureFactory.point(problem, 0, (problem.expected ?? problem.start)[0], nil, 0)
        let held = others.map { name -> String in
            "\(Notes.escape(name)) = \(NumberFormat.short(point[problem.parameters.firstIndex(of: name)!]))"
        }
        return " (\(held.joined(separator: ", ")) held)"
    }

    private func surface(_ spec: FigureSpec, _ runs: [RunResult], _ problem: Problem, _ objective: ProblemObjective) -> Figure {
        let (grid, xi, yi) = surfaceGrid(problem, objective)
        let colorScale = ColorScale.fitting(grid.values, spacing: problem.view?.logColor.map { $0 ? .log : .linear } ?? .automatic)
        let contourSpacing: ColorScale.Spacing = colorScale.scale.kind == .log ? .log : .linear
        let contours = Contours(grid, count: 16, spacing: contourSpacing)
        var marks: [any Mark] = [Heatmap(grid, colorScale: colorScale), contours]
        for (k, r) in runs.enumerated() {
            let xs = r.trace.parameterColumn(xi), ys = r.trace.parameterColumn(yi)
            var style = SeriesStyle.cycle(k == 0 ? 1 : k == 1 ? 6 : k)
            style.halo = true
            let arrows = stepArrows(spec, r.trace, xi, yi)
            marks.append(Trajectory(zip(xs, ys).map { DataPoint($0, $1) }, label: Notes.escape(r.run.label), style: style,
                                    markerLimit: 50, stepArrows: arrows))
        }
        let view = problem.view!
        let panel = Panel(x: Axis("parameter \(Notes.escape(view.x))", range: view.xRange),
                          y: Axis("parameter \(Notes.escape(view.y!))", range: view.yRange!), marks: marks,
                          colorbar: Colorbar(colorScale, label: "loss\(heldNote(problem))", levels: contours.levels))
        return Figure(panel)
    }

    private func stepArrows(_ spec: FigureSpec, _ trace: Trace, _ xi: Int, _ yi: Int) -> [Trajectory.StepArrow] {
        guard let kind = spec.arrows else { return [] }
        return spec.steps.filter { $0 < trace.count }.compactMap { step -> Trajectory.StepArrow? in
            if kind == "gradient" {
                let lr = trace.learningRate(at: step)
                return .init(step: step, vector: DataPoint(-trace.gradient(xi, at: step), -trace.gradient(yi, at: step)), scale: lr)
            }
            guard let name = trace.stateNames.first, let sx = trace.stateColumn(name, parameter: xi),
                  let sy = trace.stateColumn(name, parameter: yi) else { return nil }
            return .init(step: step, vector: DataPoint(sx[step], sy[step]), color: Color(hex: 0x7A0177))
        }
    }

    private func grid(_ spec: FigureSpec, _ runs: [RunResult], _ problem: Problem, _ objective: ProblemObjective) -> Figure {
        let (grid, xi, yi) = surfaceGrid(problem, objective)
        let comparison = runs.map { r -> ComparisonGrid.Run in
            let points = zip(r.trace.parameterColumn(xi), r.trace.parameterColumn(yi)).map { DataPoint($0, $1) }
            let title = Notes.escape(r.run.label)
            if case .diverged(let step, _) = r.trace.verdict {
                return ComparisonGrid.Run(title: "\(title) · diverged at step \(step)", points: points,
                                          finalLoss: r.trace.finalLoss)
            }
            return ComparisonGrid.Run(title: title, points: points, finalLoss: r.trace.finalLoss)
        }
        let view = problem.view!
        return ComparisonGrid.figure(runs: comparison, surface: grid, columns: runs.count == 1 ? 1 : 2, levels: 20,
                                     xLabel: "parameter \(Notes.escape(view.x))", yLabel: "parameter \(Notes.escape(view.y!))",
                                     lossLabel: "loss\(heldNote(problem))")
    }

    private func curves(_ spec: FigureSpec, _ runs: [RunResult], _ problem: Problem, _ objective: ProblemObjective) -> Figure {
        let view = problem.view!
        let xi = problem.parameters.firstIndex(of: view.x)!
        let f: (Double) -> Double = { objective.loss(at: FigureFactory.point(problem, xi, $0, nil, 0)) }
        // The loss axis spans the curve over the view, so a diverging run cannot flatten the others.
        let samples = (0...200).map { f(view.xRange.lowerBound + (view.xRange.upperBound - view.xRange.lowerBound) * Double($0) / 200) }
            .filter(\.isFinite)
        let lo = samples.min() ?? 0, hi = samples.max() ?? 1
        let lossRange = (lo - 0.05 * (hi - lo))...(hi + 0.08 * (hi - lo))
        let panels = runs.map { r -> Panel in
            let verdict: String
            if case .diverged(let step, _) = r.trace.verdict {
                verdict = "diverged at step \(step)"
            } else {
                verdict = "final loss \(NumberFormat.significant(r.trace.finalLoss, 3))"
            }
            var panel = ObjectiveView.panel(title: "\(Notes.escape(r.run.label)) · \(verdict)", f: f,
                                            iterates: r.trace.parameterColumn(xi), range: view.xRange,
                                            parameterLabel: "parameter \(Notes.escape(view.x))", lossLabel: "loss")
            panel.y.range = lossRange
            return panel
        }
        return Figure(columns: runs.count == 1 ? 1 : 2, panels: panels, sharesX: true, sharesY: true)
    }
}
