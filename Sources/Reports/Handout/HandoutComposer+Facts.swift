import Foundation
import Engine
import Lessons
import Plot
import Trace

/// `{{fact NAME}}`: computed facts a handout prints, each a short paragraph and/or a table.
///
/// - `witness`: `ConstrainedFit.nonConvexityWitness()`, the chord below f;
/// - `grid-search`: `ConstrainedFit.gridSearch(resolution: 200)` beside the best constrained-fit run;
/// - `starts`: every run of the first start sweep, where it started and ended;
/// - `mean-sum`: the mean and sum reductions' gradients at the start, their ratio and 2/λmax each;
/// - `subgradient`: the zero-column rule of `zero-diagonal` and each run's zero columns.
extension HandoutComposer {
    /// Resolution of the grid-search fact: 1/200 steps in every aᵢ (1,373,701 points).
    static let gridResolution = 200

    func addFact(_ name: String, to h: inout HandoutBuilder) {
        switch name {
        case "witness": witnessFact(to: &h)
        case "grid-search": gridSearchFact(to: &h)
        case "starts": startsFact(to: &h)
        case "mean-sum": meanSumFact(to: &h)
        case "subgradient": subgradientFact(to: &h)
        default: break
        }
    }

    private func problem(builtins: [String]) -> Problem? {
        lesson.problems.first { p in
            if case .builtin(let n, _) = p.source { return builtins.contains(n) }
            return false
        }
    }

    private static func vector(_ v: [Double], _ digits: Int) -> String { NumberFormat.vector(v, digits: digits) }

    // MARK: constrained fit

    private func witnessFact(to h: inout HandoutBuilder) {
        let w = ConstrainedFit.nonConvexityWitness()
        let points = [("p", w.p, w.lossAtP), ("q", w.q, w.lossAtQ), ("m = ½p + ½q", w.mix, w.lossAtMix)]
        var columns = [Table.Column.text("point", points.map(\.0))]
        for (k, name) in ConstrainedFit.defaultParameterNames.enumerated() {
            columns.append(.number(name, points.map { $0.1[k] }))
        }
        columns.append(.number("f", points.map(\.2)))
        h.table(Table(columns: columns, numberFormat: ColumnNumberFormat(significantDigits: 6), elision: nil),
                caption: "Two feasible points p and q and their midpoint m (feasible too: the set is convex).")
        h.formula("chord at m:  ½ f(p) + ½ f(q) = \(NumberFormat.significant(w.chord, 6))\nf(m) = \(NumberFormat.significant(w.lossAtMix, 6))  &gt;  chord, by \(NumberFormat.significant(w.gap, 6))")
        h.paragraph("A convex function never rises above a chord between two of its points. Here f at the midpoint is \(NumberFormat.significant(w.lossAtMix / w.chord, 3)) times the chord's height, so f is <b>not convex</b>: no set of convexity rules could accept it, and DCP is right to refuse.")
    }

    /// The best finite run on the constrained-fit problem.
    private func bestConstrainedRun() -> RunResult? {
        guard let p = problem(builtins: ["constrained-fit"]) else { return nil }
        return results.results.filter { $0.run.problemID == p.id && $0.trace.finalLoss.isFinite }
            .min { $0.trace.finalLoss < $1.trace.finalLoss }
    }

    private func gridSearchFact(to h: inout HandoutBuilder) {
        let grid = ConstrainedFit.gridSearch(resolution: Self.gridResolution)
        var rows: [(String, [Double], Double)] = [
            ("grid search: every a on a 1/\(Self.gridResolution) grid, b exact", grid.parameters, grid.loss)]
        let best = bestConstrainedRun()
        if let best {
            rows.append(("projected descent: best run (\(Notes.escape(best.run.label)))", best.trace.finalParameters, best.trace.finalLoss))
        }
        var columns = [Table.Column.text("method", rows.map(\.0))]
        for (k, name) in ConstrainedFit.defaultParameterNames.enumerated() { columns.append(.number(name, rows.map { $0.1[k] })) }
        columns.append(.number("f(a, b)", rows.map(\.2)))
        h.table(Table(columns: columns, numberFormat: ColumnNumberFormat(significantDigits: 8), elision: nil),
                caption: "The minimum found two independent ways. The grid search visits \(NumberFormat.significant(Double((Self.gridResolution + 1) * (Self.gridResolution + 2) * (Self.gridResolution + 3) / 6), 7)) points of the simplex and solves b = Σ r<sub>j</sub>s<sub>j</sub>² / Σ s<sub>j</sub>⁴ (clipped to [−100, 100]) at each; it uses no gradient and no start.")
        if let best {
            let dTheta = zip(best.trace.finalParameters, grid.parameters).map { abs($0 - $1) }.max() ?? 0
            h.paragraph("They agree: the largest difference in any parameter is \(NumberFormat.significant(dTheta, 2)) and the losses differ by \(NumberFormat.significant(abs(best.trace.finalLoss - grid.loss), 2)).")
        }
    }

    /// Every start sweep's runs in one table when the sweeps share their starts (one end and loss
    /// column pair per sweep), else one table per sweep.
    private func startsFact(to h: inout HandoutBuilder) {
        let sweeps = lesson.sweeps.filter { $0.parameter == "start" }
        let groups = sweeps.map { results.results(named: [$0.id]) }
        guard let first = groups.first, !first.isEmpty else { return }
        let starts = { (runs: [RunResult]) in runs.map { $0.trace.parameters(row: 0) } }
        let shared = groups.allSatisfy { starts($0) == starts(first) }
        let names = first[0].trace.parameterNames.map(Notes.escape).joined(separator: ", ")
        for (k, runs) in (shared ? [first] : groups).enumerated() {
            let members = shared ? Array(zip(sweeps, groups)) : [(sweeps[k], runs)]
            var columns: [Table.Column] = [
                .integer("start", Array(1...runs.count)),
                .text("θ<sub>0</sub> = (\(names))", runs.map { Self.vector($0.trace.parameters(row: 0), 2) }),
            ]
            var notes: [String] = []
            for (sweep, group) in members {
                columns.append(.text("end, <tt>\(sweep.id)</tt>", group.map { Self.vector($0.trace.finalParameters, 4) }))
                columns.append(.number("f", group.map(\.trace.finalLoss)))
                let ends = Set(group.map { Self.vector($0.trace.finalParameters, 3) }).count
                let losses = group.map(\.trace.finalLoss)
                let best = losses.filter(\.isFinite).min() ?? .nan
                let near = Self.nearBest(losses).count
                notes.append("<tt>\(sweep.id)</tt>: \(near) of \(group.count) end at its best f = \(NumberFormat.significant(best, 6)) (equal to within a millionth of |f|, or 10⁻⁶ when |f| &lt; 1), \(ends) different end point\(ends == 1 ? "" : "s") to three digits")
            }
            let table = Table(columns: columns, numberFormat: ColumnNumberFormat(significantDigits: 5), elision: nil, fontSize: 8)
            h.table(table, caption: "Where each start went (\(runs.count) starts, \(group(members.count)) run by run, after its whole budget). \(notes.joined(separator: "; ")).")
        }
    }

    /// The finite losses within `relativeTolerance` of the smallest, for any sign and scale:
    ///
    /// ```
    /// |f − f_best| ≤ relativeTolerance · max(1, |f_best|)
    /// ```
    ///
    /// so a best of −3.5 counts values down to 3.5×10⁻⁶ away, and a best near 0 counts values within 10⁻⁶.
    static func nearBest(_ losses: [Double], relativeTolerance: Double = 1e-6) -> [Double] {
        guard let best = losses.filter(\.isFinite).min() else { return [] }
        let tolerance = relativeTolerance * max(1, abs(best))
        return losses.filter { $0.isFinite && abs($0 - best) <= tolerance }
    }

    private func group(_ count: Int) -> String { count == 1 ? "one sweep" : "\(count) sweeps" }

    // MARK: custom loss

    private func meanSumFact(to h: inout HandoutBuilder) {
        guard let p = problem(builtins: ["custom-loss", "custom-loss-sum"]) else { return }
        let mean = CustomLoss(reduction: .mean), sum = CustomLoss(reduction: .sumThenMean)
        let n = Double(mean.pixelCount)
        let theta = p.start
        func gradient(_ o: CustomLoss, _ t: [Double]) -> [Double] { BuiltinObjective.customLoss(o).evaluate(at: t).gradient }
        func norm(_ v: [Double]) -> Double { v.reduce(0) { $0 + $1 * $1 }.squareRoot() }
        let gMean = gradient(mean, theta), gSum = gradient(sum, theta)
        let ratio = norm(gSum) / norm(gMean)
        // L is quadratic, so H v = ∇L(θ + v) − ∇L(θ) exactly; power iteration gives λmax.
        var v = (0..<theta.count).map { k in 1 + 0.1 * Double(k % 7) }
        var lambda = 0.0
        for _ in 0..<300 {
            let length = norm(v)
            v = v.map { $0 / length }
            let hv = zip(gradient(mean, zip(theta, v).map(+)), gMean).map(-)
            lambda = zip(hv, v).reduce(0) { $0 + $1.0 * $1.1 }
            v = hv
        }
        let table = Table(columns: [
            .text("reduction", ["mean: (1/n) Σ", "“mean of a sum”: Σ"]),
            .number("‖∇L‖ at the start", [norm(gMean), norm(gSum)]),
            .number("λ<sub>max</sub> of the Hessian", [lambda, n * lambda]),
            .number("largest stable η = 2/λ<sub>max</sub>", [2 / lambda, 2 / (n * lambda)]),
        ], numberFormat: ColumnNumberFormat(significantDigits: 5), elision: nil)
        h.table(table, caption: "Both losses at the start Y = \(NumberFormat.short(theta.first ?? 0)) everywhere, n = \(Int(n)) pixels. The Hessian's largest eigenvalue is found by power iteration (L is quadratic, so H v = ∇L(Y + v) − ∇L(Y) exactly).")
        h.paragraph("The ratio of the two gradients is \(NumberFormat.significant(ratio, 9)) = n: every component of the sum's gradient is exactly n times the mean's. Plain gradient descent on the sum at rate η takes the same steps as descent on the mean at rate n·η, so the largest stable rate shrinks from \(NumberFormat.significant(2 / lambda, 3)) to \(NumberFormat.significant(2 / (n * lambda), 3)).")
    }

    // MARK: zero diagonal

    private func subgradientFact(to h: inout HandoutBuilder) {
        guard let p = problem(builtins: ["zero-diagonal", "zero-diagonal-penalty"]),
              let objective = ObjectiveViews.builtin(p), case .zeroDiagonal(let o) = objective else { return }
        let n = o.pointCount
        func zeroColumns(_ theta: [Double]) -> Int {
            (0..<n).filter { i in (0..<n).allSatisfy { theta[$0 * n + i] == 0 } }.count
        }
        // At C = 0 the norm term contributes nothing to the gradient: compare with λ = 0.
        let zero = [Double](repeating: 0, count: n * n)
        let full = objective.evaluate(at: zero).gradient
        let fitOnly = BuiltinObjective.zeroDiagonal(ZeroDiagonal(lambda: 0)).evaluate(at: zero).gradient
        let difference = zip(full, fitOnly).map { abs($0 - $1) }.max() ?? 0
        h.formula("∂(λ‖c<sub>i</sub>‖)/∂c<sub>i</sub> = λ c<sub>i</sub> / ‖c<sub>i</sub>‖   if c<sub>i</sub> ≠ 0\n                 = 0                if c<sub>i</sub> = 0")
        h.paragraph("At C = 0 all \(n) columns are zero; the gradient there equals the fit term's alone (largest difference \(NumberFormat.significant(difference, 2))), so the first step is driven only by ‖x<sub>i</sub> − X c<sub>i</sub>‖².")
        let runs = results.results.filter { r in
            if case .builtin(let name, _) = lesson.problem(of: r.run).source { return name.hasPrefix("zero-diagonal") }
            return false
        }
        let table = Table(columns: [
            .text("run", runs.map { Notes.escape($0.run.label) }),
            .integer("zero columns at step 0", runs.map { zeroColumns($0.trace.parameters(row: 0)) }),
            .integer("at the end", runs.map { zeroColumns($0.trace.finalParameters) }),
            .number("Σ C<sub>ii</sub>² at the end", runs.map { o.diagonalSize(of: $0.trace.finalParameters) }),
            .number("final loss", runs.map(\.trace.finalLoss)),
        ], numberFormat: ColumnNumberFormat(significantDigits: 4), elision: nil)
        h.table(table, caption: "Zero columns of C at the start and the end of each run, and the diagonal's size at the end.")
    }
}
