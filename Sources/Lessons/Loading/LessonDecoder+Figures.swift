import Engine

extension LessonDecoder {
    func decodeFigure(_ r: TableReader, problems: [Problem], runIDs: Set<String>, sweepIDs: Set<String>,
                      runs: [LessonRun], grids: [LessonGrid]) throws -> FigureSpec {
        let id = try r.requiredString("id")
        try checkIdentifier(r, "id", id)
        let kindName = try r.requiredString("kind")
        guard let kind = FigureSpec.Kind(rawValue: kindName) else {
            throw r.error("kind", "unknown figure kind '\(kindName)' (expected \(FigureSpec.Kind.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        let title = try r.string("title")
        let caption = try r.requiredString("caption")
        switch kind {
        case .map: return try decodeMapFigure(r, id: id, title: title, caption: caption, grids: grids)
        case .lrRange: return try decodeRangeTestFigure(r, id: id, title: title, caption: caption, runs: runs)
        default: break
        }
        let names = try r.strings("runs") ?? []
        guard !names.isEmpty else { throw r.error("runs", "name at least one run or sweep") }
        for (i, name) in names.enumerated() where !runIDs.contains(name) && !sweepIDs.contains(name) {
            throw r.error("runs[\(i)]", "no run or sweep has the id '\(name)'")
        }
        let named = names.flatMap { name -> [LessonRun] in
            sweepIDs.contains(name) ? runs.filter { $0.sweep?.id == name } : runs.filter { $0.id == name }
        }
        guard let problemID = named.first?.problemID, let problem = problems.first(where: { $0.id == problemID }) else {
            throw r.error("runs", "name at least one run or sweep")
        }
        if let other = named.first(where: { $0.problemID != problemID }) {
            throw r.error("runs", "runs '\(named[0].id)' and '\(other.id)' solve different problems; one figure shows one problem")
        }
        let steps = try (r.doubles("steps") ?? []).enumerated().map { i, v -> Int in
            guard v >= 0, v == v.rounded() else { throw r.error("steps[\(i)]", "expected a whole step number ≥ 0, got \(v)") }
            return Int(v)
        }
        let parameter = try r.string("parameter")
        if let p = parameter, !problem.parameters.contains(p) {
            throw r.error("parameter", "'\(p)' is not a parameter (parameters: \(problem.parameters.joined(separator: ", ")))")
        }
        let state = try r.string("state")
        let logY = try r.bool("log_y")
        let logX = try r.bool("log_x")
        if logX != nil && kind != .finalLoss {
            throw r.error("log_x", "only a 'final-loss' figure has swept values on its x axis; use log_y for the loss")
        }
        if logX == true, let run = named.first(where: { ($0.sweep?.value.number ?? 0) <= 0 && $0.sweep != nil }) {
            throw r.error("log_x", "a log axis cannot show \(run.sweep!.value) (run '\(run.id)'); remove log_x to choose the axis from the values")
        }
        let arrows = try r.string("arrows")
        let aspect = try r.double("aspect") ?? 0.62
        guard aspect >= 0.2 && aspect <= 1.4 else { throw r.error("aspect", "must be between 0.2 and 1.4 (height / width), got \(aspect)") }
        let xColumn = try r.string("x"), yColumn = try r.string("y"), classColumn = try r.string("class")
        if kind == .simplexSlice {
            for (key, name) in [("x", xColumn), ("y", yColumn)] {
                guard let p = name else { throw r.error(key, "a 'simplex-slice' figure needs the parameters on its axes, 'x' and 'y'") }
                guard problem.parameters.contains(p) else {
                    throw r.error(key, "'\(p)' is not a parameter (parameters: \(problem.parameters.joined(separator: ", ")))")
                }
            }
        } else {
            let columns = problem.data?.columnNames ?? []
            for (key, column) in [("x", xColumn), ("y", yColumn), ("class", classColumn)] {
                if let c = column, !columns.contains(c) {
                    throw r.error(key, "'\(c)' is not a data column (columns: \(columns.joined(separator: ", ")))")
                }
            }
        }
        let extra = try decodeFigureExtras(r, kind: kind, problem: problem, named: named, sweepIDs: sweepIDs, names: names,
                                           x: xColumn, y: yColumn, parameter: parameter)
        if let a = arrows, !["gradient", "state"].contains(a) {
            throw r.error("arrows", "expected \"gradient\" or \"state\", got \"\(a)\"")
        }
        let view = try decodeFigureView(r, kind: kind, steps: steps, arrows: arrows)
        try r.finish()

        switch kind {
        case .surface, .grid, .surface3d, .filmstrip:
            guard let view = problem.view, view.y != nil else {
                throw r.error("kind", "a '\(kind.rawValue)' figure needs [problem.view] with both 'x' and 'y'")
            }
        case .curve:
            guard problem.view != nil else { throw r.error("kind", "a 'curve' figure needs [problem.view] with 'x'") }
        case .fit:
            guard problem.model != nil, xColumn != nil, yColumn != nil else {
                throw r.error("kind", "a 'fit' figure needs the problem's 'model' and the figure's data columns 'x' and 'y'")
            }
        case .boundary, .regions:
            guard problem.model != nil, xColumn != nil, yColumn != nil, classColumn != nil else {
                throw r.error("kind", "a '\(kind.rawValue)' figure needs the problem's 'model' and the figure's data columns 'x', 'y' and 'class'")
            }
            let rank = (try? problem.arrayExpression(problem.model!).shape.rank) ?? 0
            if kind == .boundary && rank != 0 {
                throw r.error("kind", "a 'boundary' figure draws p = 0.5 of a model that is one probability per row; this model is a vector: use kind = \"regions\"")
            }
        case .field:
            guard problem.data != nil, xColumn != nil, yColumn != nil else {
                throw r.error("kind", "a 'field' figure needs the problem's data and the figure's data columns 'x' and 'y'")
            }
        case .parameter:
            guard parameter != nil else { throw r.error("parameter", "a 'parameter' figure needs the parameter to plot") }
        case .state:
            guard let s = state else { throw r.error("state", "a 'state' figure needs the state buffer to plot (velocity, buffer, accumulator, mean_square, m, v)") }
            guard parameter != nil else { throw r.error("parameter", "a 'state' figure needs the parameter whose buffer to plot") }
            for run in named where !stateNames(of: run.spec.optimizer).contains(s) {
                throw r.error("state", "run '\(run.id)' has no '\(s)' buffer (it has: \(stateNames(of: run.spec.optimizer).joined(separator: ", ").nonEmpty ?? "none"))")
            }
        case .finalLoss:
            guard names.contains(where: sweepIDs.contains) else { throw r.error("runs", "a 'final-loss' figure needs a sweep") }
        case .loss, .gradientNorm, .learningRate: break
        case .matrix, .blockSize, .terms, .images, .simplexSlice, .along, .starts: break
        case .map, .lrRange: preconditionFailure("decoded above")
        }
        if kind == .filmstrip { try checkFilmstripSteps(r, steps: steps, runs: named, problem: problem) }
        var spec = FigureSpec(id: id, kind: kind, title: title, caption: caption, runs: names, steps: steps,
                              parameter: parameter, state: state, logY: logY, logX: logX, arrows: arrows, aspect: aspect,
                              xColumn: xColumn, yColumn: yColumn, classColumn: classColumn)
        extra(&spec)
        view(&spec)
        return spec
    }

    /// The state buffers an optimizer keeps, under its convention's names.
    func stateNames(of optimizer: OptimizerSpec) -> [String] {
        optimizer.resolved().stateNames
    }

    func decodeTable(_ r: TableReader, problems: [Problem], runs: [LessonRun]) throws -> TableSpec {
        let id = try r.requiredString("id")
        try checkIdentifier(r, "id", id)
        let runID = try r.requiredString("run")
        guard let run = runs.first(where: { $0.id == runID }) else {
            throw r.error("run", "no run has the id '\(runID)' (runs: \(runs.map(\.id).joined(separator: ", ")))")
        }
        let problem = problems.first { $0.id == run.problemID }!
        let columns = try r.strings("columns") ?? ["step", "loss"] + problem.parameters
        let states = stateNames(of: run.spec.optimizer)
        for (i, column) in columns.enumerated() {
            guard isTraceColumn(column, run: run, problem: problem) else {
                let prefixes = (["grad", "update"] + states).map { $0 + "." }.joined(separator: ", ")
                throw r.error("columns[\(i)]", "unknown column '\(column)' for run '\(runID)' (expected step, epoch, batch, lr, loss, batch_loss, a parameter, or \(prefixes) followed by a parameter)")
            }
        }
        let head = try r.int("head") ?? 8, tail = try r.int("tail") ?? 3
        guard head >= 1, tail >= 0 else { throw r.error("head", "head must be ≥ 1 and tail ≥ 0") }
        let digits = try r.int("digits") ?? 6
        guard (2...15).contains(digits) else { throw r.error("digits", "must be between 2 and 15, got \(digits)") }
        let caption = try r.requiredString("caption")
        let blanks = try decodeBlanks(r, columns: columns, head: head)
        try r.finish()
        return TableSpec(id: id, run: runID, columns: columns, head: head, tail: tail, caption: caption, digits: digits,
                         blanks: blanks)
    }

    func decodeCheck(_ r: TableReader, problems: [Problem]) throws -> GradientCheckSpec {
        let id = try r.requiredString("id")
        try checkIdentifier(r, "id", id)
        let problem = try self.problem(named: r, in: problems)
        let label = try r.string("label") ?? id
        guard problem.hasOnlyScalarParameters else {
            throw r.error("problem", "gradient checks need scalar parameters (one claimed partial each); '\(problem.id)' declares arrays")
        }
        guard let partials = try r.strings("partials") else {
            throw r.error("partials", "is required: one claimed partial derivative per parameter")
        }
        guard partials.count == problem.parameters.count else {
            throw r.error("partials", "has \(counted(partials.count, "expression")) for \(counted(problem.parameters.count, "parameter")) (\(problem.parameters.joined(separator: ", ")))")
        }
        for (i, partial) in partials.enumerated() {
            do {
                _ = try ExpressionObjective(expression: partial, parameters: problem.parameters, data: problem.data)
            } catch {
                throw r.error("partials[\(i)]", error.message)
            }
        }
        let at = try r.doubles("at")
        if let a = at, a.count != problem.parameters.count {
            throw r.error("at", "has \(counted(a.count, "number")) for \(counted(problem.parameters.count, "parameter")) (\(problem.parameters.joined(separator: ", ")))")
        }
        try r.finish()
        return GradientCheckSpec(id: id, label: label, problemID: problem.id, partials: partials, at: at)
    }
}

extension String {
    var nonEmpty: String? { isEmpty ? nil : self }
}

extension LessonDecoder {
    /// Reads and checks the keys of the block, image and objective-specific kinds; returns a function
    /// that stores them on the spec.
    func decodeFigureExtras(_ r: TableReader, kind: FigureSpec.Kind, problem: Problem, named: [LessonRun],
                            sweepIDs: Set<String>, names: [String], x: String?, y: String?,
                            parameter: String?) throws -> (inout FigureSpec) -> Void {
        let block = try r.string("block")
        let rows = try r.int("rows"), columns = try r.int("columns")
        let part = try r.string("part")
        let showsExpected = try r.bool("expected") ?? false
        let colormap = try r.string("colormap")
        let fill = try r.string("fill")
        let solve = try r.string("solve")
        let images = try r.tables("images")
        let fields = try r.tables("fields")
        var range: ClosedRange<Double>? = nil
        if let v = try r.doubles("range") {
            guard v.count == 2, v[0] < v[1] else { throw r.error("range", "expected [low, high] with low < high") }
            range = v[0]...v[1]
        }
        let usesBlock = kind == .matrix || kind == .blockSize
        if !usesBlock {
            for (key, present) in [("block", block != nil), ("rows", rows != nil), ("columns", columns != nil),
                                   ("part", part != nil), ("colormap", colormap != nil)] where present {
                throw r.error(key, "only 'matrix' and 'block-size' figures take '\(key)'")
            }
        }
        if showsExpected && kind != .matrix { throw r.error("expected", "only 'matrix' figures take 'expected'") }
        if fill != nil && kind != .simplexSlice { throw r.error("fill", "only 'simplex-slice' figures take 'fill'") }
        if solve != nil && kind != .simplexSlice { throw r.error("solve", "only 'simplex-slice' figures take 'solve'") }
        if !images.isEmpty && kind != .images { throw r.error("images", "only 'images' figures take 'images'") }
        if !fields.isEmpty && kind != .field { throw r.error("fields", "only 'field' figures take 'fields'") }
        if range != nil && kind != .along { throw r.error("range", "only 'along' figures take 'range'") }
        if kind == .terms, problem.terms.isEmpty {
            throw r.error("kind", "a 'terms' figure needs the problem's terms: [problem.terms] with name = \"expression\" lines")
        }
        var imageSpecs: [FigureSpec.ImageSpec] = []
        if kind == .images {
            guard !images.isEmpty else {
                throw r.error("images", "an 'images' figure needs images = [{ expression = \"…\", title = \"…\" }, …]")
            }
            imageSpecs = try images.map { try decodeImage($0, problem: problem) }
        }
        if kind == .field {
            guard !fields.isEmpty else {
                throw r.error("fields", "a 'field' figure needs fields = [{ expression = \"…\", title = \"…\" }, …]")
            }
            imageSpecs = try fields.map { try decodeImage($0, problem: problem, perRow: true) }
        }
        switch kind {
        case .matrix, .blockSize:
            guard let prefix = block else {
                throw r.error("block", "a '\(kind.rawValue)' figure needs the parameter block, e.g. block = \"C\" for C_0_0, C_0_1, …")
            }
            guard ParameterBlock.resolve(prefix, in: problem.parameters, rows: rows, columns: columns) != nil else {
                throw r.error("block", "no parameters form the block '\(prefix)': name them \(prefix)_ROW_COLUMN, or give 'rows' and 'columns' whose product is the number of parameters starting with '\(prefix)'")
            }
            if let p = part, !["all", "diagonal", "off-diagonal"].contains(p) {
                throw r.error("part", "expected \"all\", \"diagonal\" or \"off-diagonal\", got \"\(p)\"")
            }
            if let c = colormap, !["diverging", "sequential"].contains(c) {
                throw r.error("colormap", "expected \"diverging\" or \"sequential\", got \"\(c)\"")
            }
            if showsExpected && problem.expected == nil {
                throw r.error("expected", "the problem has no 'expected' answer to show")
            }
        case .simplexSlice:
            guard let fill else { throw r.error("fill", "a 'simplex-slice' figure needs 'fill': the parameter that takes 1 − x − y") }
            guard problem.parameters.contains(fill) else {
                throw r.error("fill", "'\(fill)' is not a parameter (parameters: \(problem.parameters.joined(separator: ", ")))")
            }
            let axes = [x!, y!, fill]
            guard Set(axes).count == 3 else { throw r.error("fill", "'x', 'y' and 'fill' must be three different parameters") }
            let indices = axes.compactMap { problem.parameters.firstIndex(of: $0) }
            for run in named where !run.spec.constraints.simplexGroups.contains(where: { Set(indices).isSubset(of: $0) }) {
                throw r.error("runs", "run '\(run.id)' keeps no simplex = [...] holding \(axes.joined(separator: ", ")); a simplex slice needs it")
            }
            if let solve {
                guard let i = problem.parameters.firstIndex(of: solve) else {
                    throw r.error("solve", "'\(solve)' is not a parameter (parameters: \(problem.parameters.joined(separator: ", ")))")
                }
                if run(named.first!, group: indices).contains(i) {
                    throw r.error("solve", "'\(solve)' is in the simplex the slice shows; solve a parameter outside it")
                }
                for run in named where !run.spec.constraints.boxes.contains(where: { $0.index == i }) {
                    throw r.error("solve", "run '\(run.id)' has no box for '\(solve)' (box = { \(solve) = [low, high] }): solving needs its interval")
                }
            }
        case .along:
            guard parameter != nil else { throw r.error("parameter", "an 'along' figure needs the parameter to vary") }
        default: break
        }
        return { spec in
            spec.block = block; spec.rows = rows; spec.columns = columns; spec.part = part
            spec.showsExpected = showsExpected; spec.colormap = colormap; spec.fill = fill; spec.range = range
            spec.solve = solve; spec.images = imageSpecs
        }
    }

    /// The simplex group of `run` that holds `indices`.
    private func run(_ run: LessonRun, group indices: [Int]) -> [Int] {
        run.spec.constraints.simplexGroups.first { Set(indices).isSubset(of: $0) } ?? []
    }

    /// One entry of `images` (`{ expression = "T - Y", title = "the residual", scale = "pixel value" }`: a vector
    /// or matrix over the problem's parameters and constants) or, `perRow`, of `fields` (one number per data
    /// row: an expression of the parameters and the data columns).
    private func decodeImage(_ r: TableReader, problem: Problem, perRow: Bool = false) throws -> FigureSpec.ImageSpec {
        let expression = try r.requiredString("expression")
        let title = try r.requiredString("title")
        let scale = try r.string("scale")
        try r.finish()
        let shape: ArrayShape
        do {
            shape = perRow ? try problem.arrayExpression(expression).shape
                : try ArrayExpression(expression: expression, parameters: problem.declarations, constants: problem.constants).shape
        } catch {
            throw r.error("expression", error.message)
        }
        if perRow {
            guard shape.isScalar else {
                throw r.error("expression", "is \(shape.noun); a field gives one number at each point of the plane (e.g. tanh(W[0] @ [x1, x2] + c[0]))")
            }
        } else {
            guard shape.rank >= 1 else {
                throw r.error("expression", "is a number; an image needs a vector or a matrix (e.g. T - Y)")
            }
        }
        return FigureSpec.ImageSpec(expression: expression, title: title, scale: scale)
    }
}
