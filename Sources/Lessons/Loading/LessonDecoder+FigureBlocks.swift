import Engine

/// One decoder per figure kind that looks at blocks of parameters, array expressions, a simplex,
/// one parameter, many starts or a filmstrip of the surface.
extension LessonDecoder {
    /// `block` (with `rows` and `columns` when the names do not give the shape): a block of the problem's parameters.
    private func decodeBlock(_ r: TableReader, _ on: FigureRuns, _ name: FigureSpec.Kind.Name) throws -> FigureSpec.NamedBlock {
        let prefix = try r.string("block")
        let rows = try r.int("rows"), columns = try r.int("columns")
        guard let prefix else {
            throw r.error("block", "a '\(name.rawValue)' figure needs the parameter block, e.g. block = \"C\" for C_0_0, C_0_1, …")
        }
        guard let block = ParameterBlock.resolve(prefix, in: on.problem.parameters, rows: rows, columns: columns) else {
            throw r.error("block", "no parameters form the block '\(prefix)': name them \(prefix)_ROW_COLUMN, or give 'rows' and 'columns' whose product is the number of parameters starting with '\(prefix)'")
        }
        return FigureSpec.NamedBlock(name: prefix, block: block)
    }

    /// `matrix`: a block at `steps`, with `expected` and `colormap`.
    func decodeMatrix(_ r: TableReader, _ on: FigureRuns) throws -> FigureSpec.Kind {
        let steps = try decodeFigureSteps(r)
        let showsExpected = try r.bool("expected") ?? false
        let colormapName = try r.string("colormap")
        let block = try decodeBlock(r, on, .matrix)
        var colormap: FigureSpec.MatrixColors? = nil
        if let c = colormapName {
            guard let colors = FigureSpec.MatrixColors(rawValue: c) else {
                throw r.error("colormap", "expected \"diverging\" or \"sequential\", got \"\(c)\"")
            }
            colormap = colors
        }
        if showsExpected && on.problem.expected == nil {
            throw r.error("expected", "the problem has no 'expected' answer to show")
        }
        return .matrix(FigureSpec.MatrixSettings(block: block, steps: steps, showsExpected: showsExpected, colormap: colormap))
    }

    /// `block-size`: a block and its `part`.
    func decodeBlockSize(_ r: TableReader, _ on: FigureRuns) throws -> FigureSpec.Kind {
        let logY = try r.bool("log_y")
        let partName = try r.string("part")
        let block = try decodeBlock(r, on, .blockSize)
        var part = FigureSpec.BlockPart.all
        if let p = partName {
            guard let named = FigureSpec.BlockPart(rawValue: p) else {
                throw r.error("part", "expected \"all\", \"diagonal\" or \"off-diagonal\", got \"\(p)\"")
            }
            part = named
        }
        return .blockSize(block, part: part, logY: logY)
    }

    /// `terms`: the problem's `[problem.terms]`.
    func decodeTerms(_ r: TableReader, _ on: FigureRuns) throws -> FigureSpec.Kind {
        let logY = try r.bool("log_y")
        guard !on.problem.terms.isEmpty else {
            throw r.error("kind", "a 'terms' figure needs the problem's terms: [problem.terms] with name = \"expression\" lines")
        }
        return .terms(logY: logY)
    }

    /// `images`: at least one array expression, at `steps`.
    func decodeImages(_ r: TableReader, _ on: FigureRuns) throws -> FigureSpec.Kind {
        let steps = try decodeFigureSteps(r)
        let tables = try r.tables("images")
        guard !tables.isEmpty else {
            throw r.error("images", "an 'images' figure needs images = [{ expression = \"…\", title = \"…\" }, …]")
        }
        return .images(try tables.map { try decodeImage($0, problem: on.problem) }, steps: steps)
    }

    /// `simplex-slice`: `x`, `y` and `fill`, three parameters of a simplex every run keeps, and `solve`,
    /// a boxed parameter outside it.
    func decodeSimplexSlice(_ r: TableReader, _ on: FigureRuns) throws -> FigureSpec.Kind {
        let problem = on.problem
        var axes: [String] = []
        for key in ["x", "y"] {
            guard let p = try r.string(key) else { throw r.error(key, "a 'simplex-slice' figure needs the parameters on its axes, 'x' and 'y'") }
            guard problem.parameters.contains(p) else {
                throw r.error(key, "'\(p)' is not a parameter (parameters: \(problem.parameters.joined(separator: ", ")))")
            }
            axes.append(p)
        }
        let fillName = try r.string("fill")
        let solve = try r.string("solve")
        guard let fill = fillName else { throw r.error("fill", "a 'simplex-slice' figure needs 'fill': the parameter that takes 1 − x − y") }
        guard problem.parameters.contains(fill) else {
            throw r.error("fill", "'\(fill)' is not a parameter (parameters: \(problem.parameters.joined(separator: ", ")))")
        }
        axes.append(fill)
        guard Set(axes).count == 3 else { throw r.error("fill", "'x', 'y' and 'fill' must be three different parameters") }
        let indices = axes.compactMap { problem.parameters.firstIndex(of: $0) }
        for run in on.runs where !run.spec.constraints.simplexGroups.contains(where: { Set(indices).isSubset(of: $0) }) {
            throw r.error("runs", "run '\(run.id)' keeps no simplex = [...] holding \(axes.joined(separator: ", ")); a simplex slice needs it")
        }
        if let solve {
            guard let i = problem.parameters.firstIndex(of: solve) else {
                throw r.error("solve", "'\(solve)' is not a parameter (parameters: \(problem.parameters.joined(separator: ", ")))")
            }
            let group = on.runs.first?.spec.constraints.simplexGroups.first { Set(indices).isSubset(of: $0) } ?? []
            if group.contains(i) {
                throw r.error("solve", "'\(solve)' is in the simplex the slice shows; solve a parameter outside it")
            }
            for run in on.runs where !run.spec.constraints.boxes.contains(where: { $0.index == i }) {
                throw r.error("solve", "run '\(run.id)' has no box for '\(solve)' (box = { \(solve) = [low, high] }): solving needs its interval")
            }
        }
        return .simplexSlice(FigureSpec.SimplexSlice(x: axes[0], y: axes[1], fill: fill, solve: solve))
    }

    /// `along`: the parameter to vary, and optionally its `range`.
    func decodeAlong(_ r: TableReader, _ on: FigureRuns) throws -> FigureSpec.Kind {
        let parameter = try decodeFigureParameter(r, on)
        let logY = try r.bool("log_y")
        var range: ClosedRange<Double>? = nil
        if let v = try r.doubles("range") {
            guard v.count == 2, v[0] < v[1] else { throw r.error("range", "expected [low, high] with low < high") }
            range = v[0]...v[1]
        }
        guard let parameter else { throw r.error("parameter", "an 'along' figure needs the parameter to vary") }
        return .along(parameter: parameter, range: range, logY: logY)
    }

    /// `starts`: optionally a parameter to show too.
    func decodeStarts(_ r: TableReader, _ on: FigureRuns) throws -> FigureSpec.Kind {
        .starts(parameter: try decodeFigureParameter(r, on), logY: try r.bool("log_y"))
    }

    /// `filmstrip`: `steps` within the runs' budgets, over the problem's view.
    func decodeFilmstrip(_ r: TableReader, _ on: FigureRuns) throws -> FigureSpec.Kind {
        let steps = try decodeFigureSteps(r)
        try requireView(r, .filmstrip, on)
        let longest = on.runs.map { stepBudget($0, problem: on.problem) }.max() ?? 0
        for (i, step) in steps.enumerated() where step > longest {
            throw r.error("steps[\(i)]", "step \(step) is past the end of the runs (they take at most \(longest) steps)")
        }
        return .filmstrip(steps: steps)
    }

    /// One entry of `images` (`{ expression = "T - Y", title = "the residual", scale = "pixel value" }`: a vector
    /// or matrix over the problem's parameters and constants) or, `perRow`, of `fields` (one number per data
    /// row: an expression of the parameters and the data columns).
    func decodeImage(_ r: TableReader, problem: Problem, perRow: Bool = false) throws -> FigureSpec.ImageSpec {
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
