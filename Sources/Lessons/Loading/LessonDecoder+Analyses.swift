import Engine

extension LessonDecoder {
    /// The most chords a convexity probe may try, and grid points a grid search may visit.
    static let analysisLimits = (chords: 1_000_000, gridPoints: 20_000_000)

    /// `[[analyses]]`: an id, a `kind`, and that kind's keys (see `AnalysisSpec.Kind`).
    func decodeAnalysis(_ r: TableReader, problems: [Problem], runs: [LessonRun], sweepIDs: Set<String>) throws -> AnalysisSpec {
        let id = try r.requiredString("id")
        try checkIdentifier(r, "id", id)
        let kindName = try r.requiredString("kind")
        func run(_ key: String) throws -> LessonRun {
            let name = try r.requiredString(key)
            guard let found = runs.first(where: { $0.id == name }) else {
                throw r.error(key, "no run has the id '\(name)' (runs: \(runs.map(\.id).joined(separator: ", ")))")
            }
            return found
        }
        func problemOf(_ run: LessonRun) -> Problem { problems.first { $0.id == run.problemID }! }
        func runList(_ key: String, problem: Problem?) throws -> [String] {
            let names = try r.strings(key) ?? []
            for (i, name) in names.enumerated() {
                let members = runs.filter { $0.id == name || (sweepIDs.contains(name) && $0.sweep?.id == name) }
                guard !members.isEmpty else {
                    throw r.error("\(key)[\(i)]", "no run or sweep has the id '\(name)' (\(LessonDecoder.runAndSweepList(runs, sweepIDs: sweepIDs)))")
                }
                if let problem, let other = members.first(where: { $0.problemID != problem.id }) {
                    throw r.error("\(key)[\(i)]", "run '\(other.id)' solves problem '\(other.problemID)', not '\(problem.id)'")
                }
            }
            return names
        }
        func problemList() throws -> [Problem] {
            let names = try r.strings("problems") ?? [problem(named: r, in: problems).id]
            guard !names.isEmpty else { throw r.error("problems", "name at least one problem") }
            return try names.enumerated().map { i, name in
                guard let p = problems.first(where: { $0.id == name }) else {
                    throw r.error("problems[\(i)]", "no problem has the id '\(name)' (problems: \(problems.map(\.id).joined(separator: ", ")))")
                }
                return p
            }
        }
        func point(for chosen: [Problem]) throws -> AnalysisSpec.Point {
            let count = chosen[0].parameters.count
            if let other = chosen.first(where: { $0.parameters.count != count }) {
                throw r.error("problems", "problems '\(chosen[0].id)' and '\(other.id)' have different numbers of parameters; one point cannot serve both")
            }
            if let values = try? r.doubles("at") {
                guard values.count == count else {
                    throw r.error("at", "has \(counted(values.count, "number")) for \(counted(count, "parameter"))")
                }
                return .values(values)
            }
            switch try r.string("at") {
            case nil, "start"?: return .start
            case let text? where text.hasPrefix("end:"):
                let name = String(text.dropFirst(4))
                guard let found = runs.first(where: { $0.id == name }) else {
                    throw r.error("at", "no run has the id '\(name)' (runs: \(runs.map(\.id).joined(separator: ", ")))")
                }
                guard problemOf(found).parameters.count == count else {
                    throw r.error("at", "run '\(name)' has \(counted(problemOf(found).parameters.count, "parameter")), not \(count)")
                }
                return .endOf(run: name)
            case let text?:
                throw r.error("at", "expected \"start\", \"end:RUN\" or one number per parameter, got \"\(text)\"")
            }
        }
        func parameterIndex(_ name: String, _ key: String, _ problem: Problem) throws -> Int {
            guard let i = problem.parameters.firstIndex(of: name) else {
                throw r.error(key, "'\(name)' is not a parameter (parameters: \(problem.parameters.prefix(8).joined(separator: ", "))\(problem.parameters.count > 8 ? ", …" : ""))")
            }
            return i
        }

        let kind: AnalysisSpec.Kind
        switch kindName {
        case "convexity":
            let base = try run("run")
            let problem = problemOf(base)
            var constraints = base.spec.constraints
            constraints.fixed = []
            if let ranges = try r.table("ranges") {
                for name in ranges.keys {
                    let i = try parameterIndex(name, "ranges.\(name)", problem)
                    guard let bounds = try ranges.doubles(name), bounds.count == 2, bounds[0] < bounds[1],
                          (bounds[1] - bounds[0]).isFinite else {
                        throw ranges.error(name, "expected [low, high] with low < high, both finite")
                    }
                    constraints.boxes.removeAll { $0.index == i }
                    constraints.boxes.append(.init(index: i, lower: bounds[0], upper: bounds[1]))
                }
                try ranges.finish()
            }
            for box in constraints.boxes where !(box.upper - box.lower).isFinite {
                throw r.error("ranges", "the box of '\(problem.parameters[box.index])' in run '\(base.id)' is too wide to draw points from; give ranges = { \(problem.parameters[box.index]) = [low, high] }")
            }
            guard !constraints.boxes.isEmpty || !constraints.simplexGroups.isEmpty else {
                throw r.error("ranges", "run '\(base.id)' constrains no parameter; give ranges = { name = [low, high], … } to draw points from")
            }
            let chords = try r.int("chords") ?? 1000
            guard (1...Self.analysisLimits.chords).contains(chords) else {
                throw r.error("chords", "must be 1 to \(Self.analysisLimits.chords), got \(chords)")
            }
            let seed = try r.int("seed") ?? 0
            guard seed >= 0 else { throw r.error("seed", "must be ≥ 0, got \(seed)") }
            kind = .convexity(problemID: problem.id, constraints: constraints, base: base.spec.start, chords: chords, seed: UInt64(seed))
        case "grid-search":
            let base = try run("run")
            let problem = problemOf(base)
            let constraints = base.spec.constraints
            guard let over = try r.strings("over"), !over.isEmpty else {
                throw r.error("over", "is required: the parameters on the grid (a simplex group of the run, or boxed parameters)")
            }
            let indices = try over.enumerated().flatMap { i, name -> [Int] in
                guard let found = problem.indices(of: name) else { _ = try parameterIndex(name, "over[\(i)]", problem); return [] }
                return found
            }
            guard let resolution = try r.int("resolution"), resolution >= 1 else {
                throw r.error("resolution", "is required: steps per unit of the simplex, or intervals per box (≥ 1)")
            }
            let domain: GridSearch.Domain
            if let group = constraints.simplexGroups.first(where: { Set($0) == Set(indices) }) {
                domain = .simplex(group)
            } else {
                domain = .boxes(try indices.map { i in
                    guard let box = constraints.boxes.first(where: { $0.index == i }), (box.upper - box.lower).isFinite else {
                        throw r.error("over", "'\(problem.parameters[i])' is neither in a simplex group of run '\(base.id)' nor in a finite box of it")
                    }
                    return (i, box.lower...box.upper)
                })
            }
            var solved: (index: Int, range: ClosedRange<Double>)? = nil
            if let name = try r.string("solve") {
                let i = try parameterIndex(name, "solve", problem)
                guard !indices.contains(i) else { throw r.error("solve", "'\(name)' is on the grid already") }
                guard let box = constraints.boxes.first(where: { $0.index == i }), (box.upper - box.lower).isFinite else {
                    throw r.error("solve", "'\(name)' needs a finite box in run '\(base.id)': it is minimized over that interval")
                }
                solved = (i, box.lower...box.upper)
            }
            let search = GridSearch(domain: domain, resolution: resolution, solved: solved)
            guard search.pointCount <= Self.analysisLimits.gridPoints else {
                throw r.error("resolution", "the grid would have \(search.pointCount == Int.max ? "too many" : "\(search.pointCount)") points; at most \(Self.analysisLimits.gridPoints / 1_000_000) million")
            }
            var compare = try runList("compare", problem: problem)
            if compare.isEmpty { compare = runs.filter { $0.problemID == problem.id }.map(\.id) }
            kind = .gridSearch(problemID: problem.id, search: search, base: base.spec.start, compare: compare)
        case "gradient-ratio":
            let chosen = try problemList()
            guard chosen.count >= 2 else { throw r.error("problems", "a gradient ratio needs at least two problems") }
            kind = .gradientRatio(problemIDs: chosen.map(\.id), at: try point(for: chosen))
        case "hessian":
            let chosen = try problemList()
            let momentum = try r.double("momentum")
            if let m = momentum, !(0..<1).contains(m) { throw r.error("momentum", "must be in [0, 1), got \(m)") }
            kind = .hessian(problemIDs: chosen.map(\.id), at: try point(for: chosen), momentum: momentum)
        case "zeros":
            var names = try runList("runs", problem: nil)
            if names.isEmpty { names = runs.map(\.id) }
            var block: ParameterBlock? = nil
            if let prefix = try r.string("block") {
                let members = runs.filter { names.contains($0.id) || names.contains($0.sweep?.id ?? "") }
                let problemIDs = Set(members.map(\.problemID))
                guard problemIDs.count == 1, let p = problems.first(where: { $0.id == problemIDs.first }) else {
                    throw r.error("block", "the runs solve several problems; a block needs runs of one problem")
                }
                block = ParameterBlock.resolve(prefix, in: p.parameters, rows: try r.int("rows"), columns: try r.int("columns"))
                guard block != nil else {
                    throw r.error("block", "no parameters form the block '\(prefix)': name them \(prefix)_ROW_COLUMN, or give 'rows' and 'columns'")
                }
            }
            kind = .zeros(runs: names, block: block)
        default:
            throw r.error("kind", "unknown analysis '\(kindName)' (known: \(AnalysisSpec.kindNames.joined(separator: ", ")))")
        }
        try r.finish()
        return AnalysisSpec(id: id, kind: kind)
    }
}
