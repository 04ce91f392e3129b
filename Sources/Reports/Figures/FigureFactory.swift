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

    /// The style number of each of `runs`: its place among the lesson's runs, so a run keeps its color,
    /// dash and marker from figure to figure; when that would give two of them one style (there are
    /// seven), their places in this figure instead.
    func styleIndices(_ runs: [RunResult]) -> [Int] {
        let places = runs.map { r in lesson.runs.firstIndex { $0.id == r.run.id } ?? 0 }
        let count = SeriesStyle.surfacePalette.count
        return Set(places.map { $0 % count }).count == places.count ? places : Array(runs.indices)
    }

    /// The figure `spec` asks for, drawn by its kind's function.
    func build(_ spec: FigureSpec) throws -> BuiltFigure {
        // A map's and a range test's `runs` name no results; every other kind draws the results it names.
        lazy var runs = results.results(named: spec.runs)
        lazy var problem = lesson.problem(of: runs[0].run)
        lazy var objective = results.objective(of: runs[0].run)
        let drawable: any Drawable
        var aspect = spec.aspect
        var explanation: String? = nil
        switch spec.kind {
        case .surface(let view, let arrows): drawable = surface(view, arrows: arrows, runs, problem, objective)
        case .surface3d(let view, let azimuth, let elevation):
            drawable = surface3d(view, azimuth: azimuth, elevation: elevation, runs, problem, objective)
            aspect = max(aspect, 0.8)
        case .grid(let view):
            drawable = comparisonGrid(view, runs, problem, objective, columns: runs.count == 1 ? 1 : 2)
            aspect = max(aspect, gridAspect(count: runs.count))
        case .curve(let view):
            drawable = curves(view, runs, problem, objective, columns: runs.count == 1 ? 1 : 2)
            aspect = max(aspect, runs.count > 2 ? 0.8 : 0.45)
        case .loss(let settings): drawable = series(.loss, settings, runs, problem, objective)
        case .gradientNorm(let settings): drawable = series(.gradientNorm, settings, runs, problem, objective)
        case .learningRate(let settings): drawable = series(.learningRate, settings, runs, problem, objective)
        case .parameter(let name, let settings): drawable = series(.parameter(name), settings, runs, problem, objective)
        case .state(let state, let name, let settings):
            drawable = series(.state(state, parameter: name), settings, runs, problem, objective)
        case .fit(let columns, let steps): drawable = try fit(columns, steps: steps, runs[0], problem)
        case .boundary(let columns, let classColumn, let steps):
            drawable = try boundary(columns, classColumn: classColumn, steps: steps, runs[0], problem)
        case .regions(let columns, let classColumn, let steps):
            (drawable, aspect) = try regions(columns, classColumn: classColumn, steps: steps, runs[0], problem)
        case .field(let columns, let classColumn, let fields, let steps):
            (drawable, aspect) = try field(columns, classColumn: classColumn, fields: fields, steps: steps, runs[0], problem)
        case .finalLoss(let logX, let logY): drawable = finalLoss(logX: logX, logY: logY, runs, problem, objective)
        case .matrix(let settings): (drawable, aspect) = matrix(settings, runs, problem)
        case .blockSize(let block, let part, let logY): drawable = blockSize(block, part: part, logY: logY, runs)
        case .terms(let logY):
            drawable = try terms(logY: logY, runs, problem)
            aspect = max(aspect, runs.count > 1 ? 0.45 * Double((runs.count + 1) / 2) : 0.45)
        case .images(let images, let steps): (drawable, aspect) = try self.images(images, steps: steps, runs, problem)
        case .simplexSlice(let slice): drawable = simplexSlice(slice, runs, problem, objective)
        case .along(let parameter, let range, let logY):
            drawable = along(parameter, range: range, logY: logY, runs, problem, objective)
        case .starts(let parameter, let logY): drawable = starts(parameter: parameter, logY: logY, runs, problem)
        case .map(let shows, let floor): drawable = convergenceMap(spec.runs[0]).figure(showing: shows, floor: floor)
        case .lrRange(let rates):
            let chart = try rangeTest(spec.runs[0], rates: rates)
            drawable = chart.figure
            explanation = chart.caption
        case .filmstrip(let steps): (drawable, aspect) = filmstrip(steps: steps, runs, problem, objective)
        }
        return built(spec, drawable, aspect: aspect, explanation: explanation)
    }

    /// The figure with its caption (the title in bold first, then the lesson's words, then any `explanation`
    /// of numbers the lesson could not know, as markup).
    private func built(_ spec: FigureSpec, _ drawable: any Drawable, aspect: Double, explanation: String? = nil) -> BuiltFigure {
        var caption = (spec.title.map { "<b>\(TextStyle.escape($0)).</b> " } ?? "") + Notes.inline(spec.caption)
        if let explanation { caption += " " + explanation }
        return BuiltFigure(id: spec.id, drawable: drawable, aspectRatio: 1 / aspect, caption: caption)
    }

    /// The range test of an `lr-range` figure's run over `rates`.
    private func rangeTest(_ runID: String, rates: ClosedRange<Double>) throws -> RangeTestChart {
        guard let run = lesson.run(runID) else { preconditionFailure("checked by the decoder") }
        return try RangeTestChart.run(base: run.spec, from: rates.lowerBound, to: rates.upperBound,
                                      objective: try ProblemObjective(lesson.problem(of: run)))
    }

    /// The grid a `map` figure names, run by `LessonResults`.
    private func convergenceMap(_ gridID: String) -> ConvergenceMap {
        guard let map = results.maps[gridID] else { preconditionFailure("checked by the decoder") }
        return map
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

    func surfaceGrid(_ view: Problem.View, _ problem: Problem, _ objective: ProblemObjective) -> (SurfaceGrid, Int, Int) {
        let xi = problem.parameters.firstIndex(of: view.x)!, yi = problem.parameters.firstIndex(of: view.y!)!
        // One θ for every node: the held parameters stay, the view's two change.
        var theta = FigureFactory.point(problem, xi, view.xRange.lowerBound, yi, view.yRange!.lowerBound)
        let grid = SurfaceGrid(x: view.xRange, y: view.yRange!, resolution: surfaceResolution) { a, b in
            theta[xi] = a; theta[yi] = b
            return objective.loss(at: theta)
        }
        return (grid, xi, yi)
    }

    func heldNote(_ problem: Problem) -> String {
        let view = problem.view!
        let others = problem.parameters.filter { $0 != view.x && $0 != view.y }
        guard !others.isEmpty else { return "" }
        let point = FigureFactory.point(problem, 0, (problem.expected ?? problem.start)[0], nil, 0)
        let held = others.map { name -> String in
            "\(TextStyle.escape(name)) = \(NumberFormat.short(point[problem.parameters.firstIndex(of: name)!]))"
        }
        return " (\(held.joined(separator: ", ")) held)"
    }

    private func surface(_ settings: FigureSpec.ViewSettings, arrows stepArrows: FigureSpec.StepArrows?, _ runs: [RunResult],
                         _ problem: Problem, _ objective: ProblemObjective) -> Figure {
        let view = FigureFactory.view(settings, problem)
        let (grid, xi, yi) = surfaceGrid(view, problem, objective)
        let colorScale = ColorScale.fitting(grid.values, spacing: view.logColor.map { $0 ? .log : .linear } ?? .automatic)
        let contourSpacing: ColorScale.Spacing = colorScale.scale.kind == .log ? .log : .linear
        let contours = Contours(grid, count: 16, spacing: contourSpacing)
        var marks: [any Mark] = [Heatmap(grid, colorScale: colorScale), contours]
        let (arrows, arrowLabel) = self.stepArrows(stepArrows, runs, xi, yi, view: view)
        let styles = styleIndices(runs)
        for (k, r) in runs.enumerated() {
            let rows = FigureFactory.window(settings.stepWindow, r.trace.count)
            let xs = r.trace.parameterColumn(xi), ys = r.trace.parameterColumn(yi)
            var path = Trajectory(rows.map { DataPoint(xs[$0], ys[$0]) },
                                  label: FigureFactory.windowedLabel(TextStyle.escape(r.run.label), settings.stepWindow, rows),
                                  style: SeriesStyle.onSurface(styles[k]), firstStep: rows.lowerBound, markerLimit: 50, stepArrows: arrows[k])
            if k == 0 { path.arrowLabel = arrowLabel }
            marks.append(path)
        }
        if let e = FigureFactory.expectedPoint(problem, view) { marks.append(FigureFactory.expectedMark(problem, at: e)) }
        let panel = Panel(x: Axis("parameter \(TextStyle.escape(view.x))", range: view.xRange),
                          y: Axis("parameter \(TextStyle.escape(view.y!))", range: view.yRange!), marks: marks,
                          colorbar: Colorbar(colorScale, label: "loss\(heldNote(problem))", levels: contours.levels))
        return Figure(panel)
    }

    /// One panel per run over the loss surface (the figure's view), `columns` panels across, shared axes and color scale.
    func comparisonGrid(_ settings: FigureSpec.ViewSettings, _ runs: [RunResult], _ problem: Problem, _ objective: ProblemObjective,
                        columns: Int) -> Figure {
        let view = FigureFactory.view(settings, problem)
        let (grid, xi, yi) = surfaceGrid(view, problem, objective)
        let comparison = runs.map { r -> ComparisonGrid.Run in
            let rows = FigureFactory.window(settings.stepWindow, r.trace.count)
            let xs = r.trace.parameterColumn(xi), ys = r.trace.parameterColumn(yi)
            let points = rows.map { DataPoint(xs[$0], ys[$0]) }
            let title = FigureFactory.windowedLabel(TextStyle.escape(r.run.label), settings.stepWindow, rows)
            if case .diverged(let step, _) = r.trace.verdict {
                return ComparisonGrid.Run(title: "\(title) · diverged at step \(step)", points: points,
                                          finalLoss: r.trace.finalLoss, firstStep: rows.lowerBound)
            }
            return ComparisonGrid.Run(title: title, points: points, finalLoss: r.trace.finalLoss, firstStep: rows.lowerBound)
        }
        let expected = FigureFactory.expectedPoint(problem, view).map { ($0, TextStyle.escape(problem.expectedLabel)) }
        return ComparisonGrid.figure(runs: comparison, surface: grid, columns: columns, levels: 20,
                                     xLabel: "parameter \(TextStyle.escape(view.x))", yLabel: "parameter \(TextStyle.escape(view.y!))",
                                     lossLabel: "loss\(heldNote(problem))", expected: expected,
                                     logColor: view.logColor)
    }

    /// f over a one-parameter view (the figure's), one panel per run with its iterates, `columns` panels across.
    func curves(_ settings: FigureSpec.ViewSettings, _ runs: [RunResult], _ problem: Problem, _ objective: ProblemObjective,
                columns: Int) -> Figure {
        let view = FigureFactory.view(settings, problem)
        let xi = problem.parameters.firstIndex(of: view.x)!
        let f: (Double) -> Double = { objective.loss(at: FigureFactory.point(problem, xi, $0, nil, 0)) }
        // The loss axis spans the curve over the view, so a diverging run cannot flatten the others.
        let samples = (0...200).map { f(view.xRange.lowerBound + (view.xRange.upperBound - view.xRange.lowerBound) * Double($0) / 200) }
            .filter(\.isFinite)
        let lo = samples.min() ?? 0, hi = samples.max() ?? 1
        let lossRange = settings.yRange ?? (lo - 0.05 * (hi - lo))...(hi + 0.08 * (hi - lo))
        let expected = FigureFactory.expectedPoint(problem, view).map { DataPoint($0.x, f($0.x)) }
        let panels = runs.enumerated().map { k, r -> Panel in
            let verdict: String
            if case .diverged(let step, _) = r.trace.verdict {
                verdict = "diverged at step \(step)"
            } else {
                verdict = "final loss \(NumberFormat.significant(r.trace.finalLoss, 3))"
            }
            let rows = FigureFactory.window(settings.stepWindow, r.trace.count)
            let column = r.trace.parameterColumn(xi)
            let title = FigureFactory.windowedLabel(TextStyle.escape(r.run.label), settings.stepWindow, rows)
            var panel = ObjectiveView.panel(title: "\(title) · \(verdict)", f: f, iterates: rows.map { column[$0] },
                                            firstStep: rows.lowerBound, range: view.xRange,
                                            parameterLabel: "parameter \(TextStyle.escape(view.x))", lossLabel: "loss")
            panel.y.range = lossRange
            // One legend entry for the minimum is enough: the first panel's.
            if let e = expected { panel.marks.append(FigureFactory.expectedMark(problem, at: e, labelled: k == 0)) }
            return panel
        }
        return Figure(columns: columns, panels: panels, sharesX: true, sharesY: true)
    }
}
