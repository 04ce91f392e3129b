import Engine

/// The runs a figure draws, as its `runs` names them.
struct FigureRuns {
    /// The run and sweep ids written.
    let names: [String]
    /// The runs they mean, a sweep's in its order.
    let runs: [LessonRun]
    /// The one problem the runs solve.
    let problem: Problem
    /// The lesson's sweep ids.
    let sweepIDs: Set<String>
}

extension LessonDecoder {
    /// One `[[figures]]` entry: the keys every figure has, then its kind's own, read by that kind's decoder.
    /// A key of another kind is refused first, with a sentence naming the kinds that take it.
    func decodeFigure(_ r: TableReader, problems: [Problem], runIDs: Set<String>, sweepIDs: Set<String>,
                      runs: [LessonRun], grids: [LessonGrid]) throws -> FigureSpec {
        let id = try r.requiredString("id")
        try checkIdentifier(r, "id", id)
        let kindName = try r.requiredString("kind")
        guard let name = FigureSpec.Kind.Name(rawValue: kindName) else {
            throw r.error("kind", "unknown figure kind '\(kindName)' (expected \(FigureSpec.Kind.Name.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        let title = try r.string("title")
        let caption = try r.requiredString("caption")
        for key in FigureSpec.Kind.Name.allKeys where r.has(key) {
            if let refusal = name.refusal(of: key) { throw r.error(key, refusal) }
        }
        var names: [String] = []
        /// Reads `runs` as run and sweep ids of one problem, then the kind's keys.
        func onRuns(_ decode: (FigureRuns) throws -> FigureSpec.Kind) throws -> FigureSpec.Kind {
            let figureRuns = try decodeFigureRuns(r, problems: problems, runIDs: runIDs, sweepIDs: sweepIDs, runs: runs)
            names = figureRuns.names
            return try decode(figureRuns)
        }
        let kind: FigureSpec.Kind
        switch name {
        case .surface: kind = try onRuns { try decodeSurface(r, $0) }
        case .surface3d: kind = try onRuns { try decodeSurface3D(r, $0) }
        case .grid: kind = try onRuns { try decodeGrid(r, $0) }
        case .curve: kind = try onRuns { try decodeCurve(r, $0) }
        case .loss: kind = try onRuns { _ in .loss(try decodeSeriesSettings(r)) }
        case .gradientNorm: kind = try onRuns { _ in .gradientNorm(try decodeSeriesSettings(r)) }
        case .learningRate: kind = try onRuns { _ in .learningRate(try decodeSeriesSettings(r)) }
        case .parameter: kind = try onRuns { try decodeParameterFigure(r, $0) }
        case .state: kind = try onRuns { try decodeStateFigure(r, $0) }
        case .fit: kind = try onRuns { try decodeFit(r, $0) }
        case .boundary: kind = try onRuns { try decodeBoundary(r, $0) }
        case .regions: kind = try onRuns { try decodeRegions(r, $0) }
        case .field: kind = try onRuns { try decodeField(r, $0) }
        case .finalLoss: kind = try onRuns { try decodeFinalLoss(r, $0) }
        case .matrix: kind = try onRuns { try decodeMatrix(r, $0) }
        case .blockSize: kind = try onRuns { try decodeBlockSize(r, $0) }
        case .terms: kind = try onRuns { try decodeTerms(r, $0) }
        case .images: kind = try onRuns { try decodeImages(r, $0) }
        case .simplexSlice: kind = try onRuns { try decodeSimplexSlice(r, $0) }
        case .along: kind = try onRuns { try decodeAlong(r, $0) }
        case .starts: kind = try onRuns { try decodeStarts(r, $0) }
        case .map: (kind, names) = try decodeMapFigure(r, grids: grids)
        case .lrRange: (kind, names) = try decodeRangeTestFigure(r, runs: runs)
        case .filmstrip: kind = try onRuns { try decodeFilmstrip(r, $0) }
        }
        let aspect = try decodeAspect(r, default: name.defaultAspect)
        try r.finish()
        return FigureSpec(id: id, kind: kind, title: title, caption: caption, runs: names, aspect: aspect)
    }

    /// `runs: a, b; sweeps: rates`: what a figure or analysis may name, for an error about a name it cannot find.
    static func runAndSweepList(_ runs: [LessonRun], sweepIDs: Set<String>) -> String {
        let plain = runs.filter { $0.sweep == nil }.map(\.id)
        let sweeps = sweepIDs.sorted()
        return "runs: \(plain.isEmpty ? "none" : plain.joined(separator: ", "))" + (sweeps.isEmpty ? "" : "; sweeps: \(sweeps.joined(separator: ", "))")
    }

    /// `runs`: run and sweep ids, at least one, whose runs all solve one problem.
    func decodeFigureRuns(_ r: TableReader, problems: [Problem], runIDs: Set<String>, sweepIDs: Set<String>,
                          runs: [LessonRun]) throws -> FigureRuns {
        let names = try r.strings("runs") ?? []
        guard !names.isEmpty else { throw r.error("runs", "name at least one run or sweep") }
        for (i, name) in names.enumerated() where !runIDs.contains(name) && !sweepIDs.contains(name) {
            throw r.error("runs[\(i)]", "no run or sweep has the id '\(name)' (\(LessonDecoder.runAndSweepList(runs, sweepIDs: sweepIDs)))")
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
        return FigureRuns(names: names, runs: named, problem: problem, sweepIDs: sweepIDs)
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

