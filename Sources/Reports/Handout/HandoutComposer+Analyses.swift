import Engine
import Lessons
import Plot
import Trace

/// `{{analysis ID}}`: each analysis a table and a sentence that state what was computed; what
/// it means is the teacher's, in the notes around it.
extension HandoutComposer {
    func addAnalysis(_ id: String, to h: inout HandoutBuilder) {
        guard let spec = lesson.analyses.first(where: { $0.id == id }) else { return }
        switch spec.kind {
        case .convexity(let problemID, let constraints, let base, let chords, let seed):
            convexity(problemID, constraints: constraints, base: base, chords: chords, seed: seed, to: &h)
        case .gridSearch(let problemID, let search, let base, let compare):
            gridSearch(problemID, search: search, base: base, compare: compare, to: &h)
        case .gradientRatio(let problemIDs, let at):
            gradientRatio(problemIDs, at: at, to: &h)
        case .hessian(let problemIDs, let at, let momentum):
            hessian(problemIDs, at: at, momentum: momentum, to: &h)
        case .zeros(let runs, let block):
            zeros(runs, block: block, to: &h)
        }
    }

    private func problem(_ id: String) -> Problem { lesson.problems.first { $0.id == id }! }

    private func objective(_ problemID: String) -> ProblemObjective { results.objectives[problemID]! }

    /// Parameter columns for a table of points: one per parameter up to eight, else none.
    private func parameterColumns(_ names: [String], _ points: [[Double]]) -> [Table.Column] {
        guard names.count <= 8 else { return [] }
        return names.enumerated().map { k, name in .number(Symbols.parameter(name), points.map { $0[k] }) }
    }

    private func significant(_ v: Double, _ digits: Int = 6) -> String { NumberFormat.significant(v, digits) }

    // MARK: convexity

    private func convexity(_ problemID: String, constraints: Constraints, base: [Double], chords: Int, seed: UInt64,
                           to h: inout HandoutBuilder) {
        let points = constraints.samples(count: 2 * chords, seed: seed, base: base)
        let result = objective(problemID).probeConvexity(points: points)
        guard let w = result.witness else {
            h.paragraph("None of \(result.chordsTried) chords between random feasible points had f rise above it at its midpoint. That proves nothing: convexity needs every chord, and a search only tries some.")
            return
        }
        let names = problem(problemID).parameters
        let rows = [w.p, w.q, w.midpoint]
        var columns = [Table.Column.text("point", ["p", "q", "m = ½p + ½q"])]
        columns += parameterColumns(names, rows)
        columns.append(.number("f", [w.lossP, w.lossQ, w.lossMidpoint]))
        h.table(Table(columns: columns, numberFormat: ColumnNumberFormat(significantDigits: 6), elision: nil),
                caption: "The chord, of \(result.chordsTried) between seeded random feasible points, whose midpoint f rises furthest above.")
        h.formula("chord at m:  ½ f(p) + ½ f(q) = \(significant(w.chord))\nf(m) = \(significant(w.lossMidpoint))  &gt;  chord, by \(significant(w.gap))")
        let height = w.chord > 0 ? " (\(significant(w.lossMidpoint / w.chord, 3)) times the chord's height)" : ""
        h.paragraph("f at the midpoint lies above the chord\(height), which a convex function never does: f is <b>not convex</b>.")
    }

    // MARK: grid search

    private func gridSearch(_ problemID: String, search: GridSearch, base: [Double], compare: [String],
                            to h: inout HandoutBuilder) {
        let grid = objective(problemID).gridSearch(search, base: base)
        let names = problem(problemID).parameters
        let best = results.results(named: compare).filter { $0.trace.finalLoss.isFinite }.min { $0.trace.finalLoss < $1.trace.finalLoss }
        var methods = ["grid search"], points = [grid.parameters], losses = [grid.loss]
        if let best {
            methods.append("best run (\(TextStyle.escape(best.run.label)))")
            points.append(best.trace.finalParameters)
            losses.append(best.trace.finalLoss)
        }
        var columns = [Table.Column.text("method", methods)]
        columns += parameterColumns(names, points)
        columns.append(.number("f", losses))
        let over: String
        switch search.domain {
        case .simplex(let group):
            over = "every point of the simplex over \(group.map { Symbols.parameter(names[$0]) }.joined(separator: ", ")) in steps of 1/\(search.resolution)"
        case .boxes(let boxes):
            over = boxes.map { "\(Symbols.parameter(names[$0.index])) in \(search.resolution + 1) steps over [\(significant($0.range.lowerBound, 4)), \(significant($0.range.upperBound, 4))]" }.joined(separator: ", ")
        }
        let solved = search.solved.map { " and, at each point, the best \(Symbols.parameter(names[$0.index])) in [\(significant($0.range.lowerBound, 4)), \(significant($0.range.upperBound, 4))] (a line search)" } ?? ""
        h.table(Table(columns: columns, numberFormat: ColumnNumberFormat(significantDigits: 8), elision: nil),
                caption: "A grid search over \(over)\(solved): \(grid.points) points, no gradient and no start.")
        if let best {
            let dTheta = zip(best.trace.finalParameters, grid.parameters).map { abs($0 - $1) }.max() ?? 0
            h.paragraph("The grid's best point and the best run differ by at most \(significant(dTheta, 2)) in any parameter, and their losses by \(significant(abs(best.trace.finalLoss - grid.loss), 2)).")
        }
    }

    // MARK: gradients and curvature

    /// The point an analysis looks at, for a problem, and its words.
    private func point(_ at: AnalysisSpec.Point, _ problemID: String) -> (theta: [Double], words: String) {
        switch at {
        case .start: return (problem(problemID).start, "at the start")
        case .values(let v): return (v, "at θ = \(NumberFormat.vector(v, digits: 4))")
        case .endOf(let run):
            let trace = results.result(run)!.trace
            return (trace.finalParameters, "at the end of run <tt>\(TextStyle.escape(run))</tt>")
        }
    }

    private func gradientRatio(_ problemIDs: [String], at: AnalysisSpec.Point, to h: inout HandoutBuilder) {
        let (theta, words) = point(at, problemIDs[0])
        let gradients = problemIDs.map { objective($0).gradient(at: theta) }
        func norm(_ v: [Double]) -> Double { v.reduce(0) { $0 + $1 * $1 }.squareRoot() }
        let norms = gradients.map(norm)
        h.table(Table(columns: [
            .text("problem", problemIDs.map { TextStyle.escape(problem($0).label) }),
            .number("‖∇f‖ \(words)", norms),
            .number("ratio to the first", norms.map { $0 / norms[0] }),
        ], numberFormat: ColumnNumberFormat(significantDigits: 9), elision: nil),
                caption: "The gradients of \(problemIDs.count) problems \(words), over all their data.")
        var sentences: [String] = []
        for k in 1..<gradients.count {
            let ratios = zip(gradients[k], gradients[0]).filter { $0.1 != 0 }.map { $0.0 / $0.1 }
            let zerosAgree = zip(gradients[k], gradients[0]).allSatisfy { $0.1 != 0 || $0.0 == 0 }
            guard let low = ratios.min(), let high = ratios.max() else { continue }
            let a = TextStyle.escape(problem(problemIDs[0]).label), b = TextStyle.escape(problem(problemIDs[k]).label)
            if zerosAgree && high - low <= 1e-9 * max(1, abs(high)) {
                sentences.append("Every component of the gradient of <i>\(b)</i> is \(significant(low, 9)) times that of <i>\(a)</i>.")
            } else {
                sentences.append("Component by component, the gradient of <i>\(b)</i> is between \(significant(low, 4)) and \(significant(high, 4)) times that of <i>\(a)</i>.")
            }
        }
        if !sentences.isEmpty { h.paragraph(sentences.joined(separator: " ")) }
    }

    private func hessian(_ problemIDs: [String], at: AnalysisSpec.Point, momentum: Double?, to h: inout HandoutBuilder) {
        let (theta, words) = point(at, problemIDs[0])
        let extremes = problemIDs.map { id in
            let o = objective(id)
            return Hessian.extremeEigenvalues(at: theta) { o.gradient(at: $0) }
        }
        var columns: [Table.Column] = [
            .text("problem", problemIDs.map { TextStyle.escape(problem($0).label) }),
            .number("λ<sub>min</sub>", extremes.map(\.smallest)),
            .number("λ<sub>max</sub>", extremes.map(\.largest)),
            .number("2/λ<sub>max</sub>", extremes.map { 2 / $0.largest }),
        ]
        if let mu = momentum {
            columns.append(.number("2(1 + μ)/λ<sub>max</sub>, μ = \(significant(mu, 3))", extremes.map { 2 * (1 + mu) / $0.largest }))
        }
        let method = theta.count <= Hessian.wholeMatrixLimit
            ? "every eigenvalue of the Hessian from central differences of the exact gradient"
            : "power iteration on Hessian–vector products (central differences of the exact gradient)"
        h.table(Table(columns: columns, numberFormat: ColumnNumberFormat(significantDigits: 5), elision: nil),
                caption: "The Hessian's smallest and largest eigenvalues \(words), by \(method). Gradient descent on a quadratic is stable for η &lt; 2/λ<sub>max</sub>\(momentum == nil ? "" : ", heavy-ball momentum for η &lt; 2(1 + μ)/λ<sub>max</sub>").")
    }

    // MARK: zeros

    private func zeros(_ runIDs: [String], block: ParameterBlock?, to h: inout HandoutBuilder) {
        let runs = results.results(named: runIDs)
        func zeroCount(_ theta: [Double]) -> Int { theta.filter { $0 == 0 }.count }
        var columns: [Table.Column] = [
            .text("run", runs.map { TextStyle.escape($0.run.label) }),
            .integer("parameters at 0, step 0", runs.map { zeroCount($0.trace.parameters(row: 0)) }),
            .integer("at the end", runs.map { zeroCount($0.trace.finalParameters) }),
        ]
        if let block {
            func zeroColumns(_ theta: [Double]) -> Int {
                (0..<block.columns).filter { c in (0..<block.rows).allSatisfy { theta[block.indices[$0 * block.columns + c]] == 0 } }.count
            }
            func diagonal(_ theta: [Double]) -> Double {
                (0..<min(block.rows, block.columns)).reduce(0.0) { sum, i in
                    let entry = theta[block.indices[i * block.columns + i]]
                    return sum + entry * entry
                }
            }
            columns += [
                .integer("zero columns, step 0", runs.map { zeroColumns($0.trace.parameters(row: 0)) }),
                .integer("at the end", runs.map { zeroColumns($0.trace.finalParameters) }),
                .number("Σ diagonal² at the end", runs.map { diagonal($0.trace.finalParameters) }),
            ]
        }
        columns.append(.number("final loss", runs.map(\.trace.finalLoss)))
        h.table(Table(columns: columns, numberFormat: ColumnNumberFormat(significantDigits: 4), elision: nil),
                caption: "Parameters exactly 0 at the start and the end of each run\(block == nil ? "" : ", the block's all-zero columns and the size of its diagonal").")
    }
}
