import Engine
import Trace

/// One decoder per figure kind drawn over the view, against step, over the data, or over a sweep:
/// each reads exactly its kind's keys (`FigureSpec.Kind.Name.keys`) and checks what the kind needs.
extension LessonDecoder {
    /// `surface`: the view, and `steps` with `arrows` (both or neither).
    func decodeSurface(_ r: TableReader, _ on: FigureRuns) throws -> FigureSpec.Kind {
        let steps = try decodeFigureSteps(r)
        var arrows: FigureSpec.StepArrows? = nil
        if let a = try r.string("arrows") {
            guard let vector = FigureSpec.StepArrows.Vector(rawValue: a) else {
                throw r.error("arrows", "expected \"gradient\" or \"state\", got \"\(a)\"")
            }
            arrows = FigureSpec.StepArrows(vector: vector, steps: steps)
        }
        let view = try decodeViewSettings(r, .surface)
        if !steps.isEmpty && arrows == nil {
            throw r.error("steps", "on a 'surface' figure 'steps' places arrows; add arrows = \"gradient\" or \"state\" (to show only some steps, use step_window)")
        }
        if arrows != nil && steps.isEmpty {
            throw r.error("arrows", "needs steps = [0, 10, …]: the steps to draw the arrows at")
        }
        try requireView(r, .surface, on)
        return .surface(view, arrows: arrows)
    }

    /// `surface3d`: the view and the camera (`azimuth`, `elevation` in degrees).
    func decodeSurface3D(_ r: TableReader, _ on: FigureRuns) throws -> FigureSpec.Kind {
        let view = try decodeViewSettings(r, .surface3d)
        let azimuth = try r.double("azimuth") ?? -60, elevation = try r.double("elevation") ?? 30
        guard elevation > 0 && elevation <= 90 else {
            throw r.error("elevation", "expected degrees above the floor, more than 0 and at most 90, got \(NumberText.plain(elevation))")
        }
        try requireView(r, .surface3d, on)
        return .surface3d(view, azimuth: azimuth, elevation: elevation)
    }

    /// `grid`: the view.
    func decodeGrid(_ r: TableReader, _ on: FigureRuns) throws -> FigureSpec.Kind {
        let view = try decodeViewSettings(r, .grid)
        try requireView(r, .grid, on)
        return .grid(view)
    }

    /// `curve`: the view (`y_range` is the loss axis).
    func decodeCurve(_ r: TableReader, _ on: FigureRuns) throws -> FigureSpec.Kind {
        let view = try decodeViewSettings(r, .curve)
        try requireView(r, .curve, on, plane: false)
        return .curve(view)
    }

    /// `parameter`: the parameter to plot.
    func decodeParameterFigure(_ r: TableReader, _ on: FigureRuns) throws -> FigureSpec.Kind {
        let parameter = try decodeFigureParameter(r, on)
        let series = try decodeSeriesSettings(r)
        guard let parameter else { throw r.error("parameter", "a 'parameter' figure needs the parameter to plot") }
        return .parameter(parameter, series)
    }

    /// `state`: a buffer every run keeps, and the parameter whose buffer to plot.
    func decodeStateFigure(_ r: TableReader, _ on: FigureRuns) throws -> FigureSpec.Kind {
        let parameter = try decodeFigureParameter(r, on)
        let state = try r.string("state")
        let series = try decodeSeriesSettings(r)
        guard let state else {
            throw r.error("state", "a 'state' figure needs the state buffer to plot (velocity, buffer, accumulator, mean_square, m, v)")
        }
        guard let parameter else { throw r.error("parameter", "a 'state' figure needs the parameter whose buffer to plot") }
        for run in on.runs where !stateNames(of: run.spec.optimizer).contains(state) {
            throw r.error("state", "run '\(run.id)' has no '\(state)' buffer (it has: \(stateNames(of: run.spec.optimizer).joined(separator: ", ").nonEmpty ?? "none"))")
        }
        return .state(state, parameter: parameter, series)
    }

    /// `x` and `y` (data columns), and `class` when the kind takes it.
    private func dataColumns(_ r: TableReader, _ on: FigureRuns, classColumn: Bool)
        throws -> (x: String?, y: String?, classColumn: String?) {
        let x = try decodeDataColumn(r, on, "x"), y = try decodeDataColumn(r, on, "y")
        return (x, y, classColumn ? try decodeDataColumn(r, on, "class") : nil)
    }

    /// `fit`: the model over the data columns `x` and `y` at `steps`.
    func decodeFit(_ r: TableReader, _ on: FigureRuns) throws -> FigureSpec.Kind {
        let steps = try decodeFigureSteps(r)
        let columns = try dataColumns(r, on, classColumn: false)
        guard on.problem.model != nil, let x = columns.x, let y = columns.y else {
            throw r.error("kind", "a 'fit' figure needs the problem's 'model' and the figure's data columns 'x' and 'y'")
        }
        return .fit(FigureSpec.DataColumns(x: x, y: y), steps: steps)
    }

    /// `boundary` and `regions`: the model over the data columns `x` and `y`, the classes in `class`.
    private func classified(_ r: TableReader, _ on: FigureRuns, _ name: FigureSpec.Kind.Name)
        throws -> (FigureSpec.DataColumns, classColumn: String, steps: [Int], model: String) {
        let steps = try decodeFigureSteps(r)
        let columns = try dataColumns(r, on, classColumn: true)
        guard let model = on.problem.model, let x = columns.x, let y = columns.y, let c = columns.classColumn else {
            throw r.error("kind", "a '\(name.rawValue)' figure needs the problem's 'model' and the figure's data columns 'x', 'y' and 'class'")
        }
        return (FigureSpec.DataColumns(x: x, y: y), c, steps, model)
    }

    /// `boundary`: p = 0.5 of a model that is one probability per row.
    func decodeBoundary(_ r: TableReader, _ on: FigureRuns) throws -> FigureSpec.Kind {
        let (columns, classColumn, steps, model) = try classified(r, on, .boundary)
        let rank = (try? on.problem.arrayExpression(model).shape.rank) ?? 0
        guard rank == 0 else {
            throw r.error("kind", "a 'boundary' figure draws p = 0.5 of a model that is one probability per row; this model is a vector: use kind = \"regions\"")
        }
        return .boundary(columns, classColumn: classColumn, steps: steps)
    }

    /// `regions`: the class a model predicts.
    func decodeRegions(_ r: TableReader, _ on: FigureRuns) throws -> FigureSpec.Kind {
        let (columns, classColumn, steps, _) = try classified(r, on, .regions)
        return .regions(columns, classColumn: classColumn, steps: steps)
    }

    /// `field`: `fields` (one number per data row each) over the data columns `x` and `y`, the data by `class`.
    func decodeField(_ r: TableReader, _ on: FigureRuns) throws -> FigureSpec.Kind {
        let steps = try decodeFigureSteps(r)
        let columns = try dataColumns(r, on, classColumn: true)
        let tables = try r.tables("fields")
        guard !tables.isEmpty else {
            throw r.error("fields", "a 'field' figure needs fields = [{ expression = \"…\", title = \"…\" }, …]")
        }
        let fields = try tables.map { try decodeImage($0, problem: on.problem, perRow: true) }
        guard on.problem.data != nil, let x = columns.x, let y = columns.y else {
            throw r.error("kind", "a 'field' figure needs the problem's data and the figure's data columns 'x' and 'y'")
        }
        return .field(FigureSpec.DataColumns(x: x, y: y), classColumn: columns.classColumn, fields: fields, steps: steps)
    }

    /// `final-loss`: a sweep among the runs; `log_x` only when every swept value is positive.
    func decodeFinalLoss(_ r: TableReader, _ on: FigureRuns) throws -> FigureSpec.Kind {
        let logY = try r.bool("log_y")
        let logX = try r.bool("log_x")
        if logX == true, let (run, sweep) = on.runs.lazy.compactMap({ run in run.sweep.map { (run, $0) } })
            .first(where: { ($0.1.value.number ?? 0) <= 0 }) {
            throw r.error("log_x", "a log axis cannot show \(sweep.value) (run '\(run.id)'); remove log_x to choose the axis from the values")
        }
        guard on.names.contains(where: on.sweepIDs.contains) else { throw r.error("runs", "a 'final-loss' figure needs a sweep") }
        return .finalLoss(logX: logX, logY: logY)
    }
}
