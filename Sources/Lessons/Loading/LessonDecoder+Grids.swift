import Engine

extension LessonDecoder {
    /// The most steps one grid may take in all (cells × steps per cell): a few seconds of work.
    static let gridStepBudget = 200_000_000

    /// `[[grids]]`: `id`, `run` (a declared run), and `x` and `y`, each `{ setting = "lr", values = […] }` or
    /// with `range`/`log_range = [from, to, count]` instead of `values`.
    func decodeGrid(_ r: TableReader, problems: [Problem], runs: [LessonRun], takenIDs: [String]) throws -> LessonGrid {
        let id = try r.requiredString("id")
        try checkIdentifier(r, "id", id)
        guard !takenIDs.contains(id) else { throw r.error("id", "'\(id)' is already the id of a run, sweep or grid") }
        let base = try baseRun(r, runs: runs)
        var axes: [(GridAxis, TableReader, String)] = []
        for key in ["x", "y"] {
            guard let table = try r.table(key) else {
                throw r.error(key, "is required: { setting = \"lr\", log_range = [0.001, 0.3, 40] } (the setting \(key == "x" ? "across" : "up") and its values)")
            }
            let name = try table.requiredString("setting")
            guard let setting = RunSetting(key: name), setting.isVariable else {
                throw table.error("setting", "cannot vary '\(name)' (expected one of: \(RunSetting.variableKeys.joined(separator: ", ")))")
            }
            let (axis, valuesKey) = try decodeAxisValues(table, setting: setting)
            guard axis.values.count >= 2 else { throw table.error("values", "a grid axis needs at least 2 values, got \(axis.values.count)") }
            guard Set(axis.values).count == axis.values.count else { throw table.error("values", "lists a value twice") }
            try table.finish()
            axes.append((axis, table, valuesKey))
        }
        try r.finish()
        let (x, xReader, xKey) = axes[0], (y, yReader, yKey) = axes[1]
        guard x.setting != y.setting else { throw yReader.error("setting", "'\(y.setting.key)' is already the setting across; vary two different settings") }
        let problem = problems.first { $0.id == base.problemID }!
        let cells: [RunSpec]
        do {
            cells = try RunGrid.cells(base: base.spec, x: x, y: y)
            for cell in cells {
                try cell.validate(parameterNames: problem.parameters, rowCount: problem.data?.rowCount ?? 0)
            }
        } catch let error as RunSpecError {
            // A value of an axis at fault names that axis; a clash with the base run's other settings names the run.
            if error.setting == y.setting { throw yReader.error(yKey, error.message) }
            if error.setting == x.setting { throw xReader.error(xKey, error.message) }
            throw r.error("run", "run '\(base.id)' cannot run at every cell: \(error.message)")
        }
        let steps = cells.reduce(0) { $0 + ($1.stop.maxSteps ?? ($1.stop.maxEpochs ?? 1) * max(1, problem.data?.rowCount ?? 1)) }
        guard steps <= Self.gridStepBudget else {
            throw r.error("y", "the grid's \(cells.count) cells would take up to \(Self.millions(steps)) steps, past the budget of \(Self.millions(Self.gridStepBudget)) per grid; use fewer values or steps")
        }
        if let bad = problem.firstBadStart(Array(Set(cells.map(\.start)))) {
            throw x.setting == .start ? xReader.error(xKey, bad.error.description) : yReader.error(yKey, bad.error.description)
        }
        return LessonGrid(id: id, baseRunID: base.id, problemID: base.problemID, base: base.spec, x: x, y: y)
    }

    /// A `map` figure: `runs = ["GRID"]` names one grid; `show = "final-loss"` (default) or `"steps"`;
    /// `color_floor`, a value below which every cell takes the darkest color.
    func decodeMapFigure(_ r: TableReader, grids: [LessonGrid]) throws -> (FigureSpec.Kind, runs: [String]) {
        let names = try r.strings("runs") ?? []
        guard names.count == 1, let grid = grids.first(where: { $0.id == names[0] }) else {
            let known = grids.isEmpty ? "the lesson has none" : "grids: " + grids.map(\.id).joined(separator: ", ")
            throw r.error("runs", "a 'map' figure names one [[grids]] id (\(known))")
        }
        let showName = try r.string("show") ?? FigureSpec.MapQuantity.finalLoss.rawValue
        guard let shows = FigureSpec.MapQuantity(rawValue: showName) else {
            throw r.error("show", "expected \"final-loss\" or \"steps\", got \"\(showName)\"")
        }
        if shows == .steps, grid.base.stop.gradientTolerance == nil, grid.base.stop.lossChangeTolerance == nil {
            throw r.error("show", "\"steps\" counts the steps a stop rule needed; run '\(grid.baseRunID)' has no gradient_tolerance or loss_tolerance")
        }
        let floor = try r.double("color_floor")
        if let floor, !(floor > 0) { throw r.error("color_floor", "must be a positive number, got \(floor)") }
        return (.map(shows: shows, colorFloor: floor), [grid.id])
    }

    /// An `lr-range` figure: `runs = ["RUN"]` names one declared run with `steps` and a constant rate, and
    /// `range = [from, to]` the rates the test grows through (0 < from < to).
    func decodeRangeTestFigure(_ r: TableReader, runs: [LessonRun]) throws -> (FigureSpec.Kind, runs: [String]) {
        let names = try r.strings("runs") ?? []
        guard names.count == 1, let run = runs.first(where: { $0.id == names[0] && $0.sweep == nil }) else {
            throw r.error("runs", "an 'lr-range' figure names one run (runs: \(runs.filter { $0.sweep == nil }.map(\.id).joined(separator: ", ")))")
        }
        guard let bounds = try r.doubles("range") else { throw r.error("range", "is required: [from, to], the rates the test grows through") }
        guard bounds.count == 2, bounds[0] > 0, bounds[0] < bounds[1] else {
            throw r.error("range", "expected [from, to] with 0 < from < to")
        }
        guard run.spec.stop.maxSteps != nil else {
            throw r.error("runs", "run '\(run.id)' counts epochs; the range test's length is its 'steps'")
        }
        guard run.spec.schedule.isConstant else {
            throw r.error("runs", "run '\(run.id)' has a schedule; the range test sets the rate itself")
        }
        return (.lrRange(rates: bounds[0]...bounds[1]), [run.id])
    }
}
