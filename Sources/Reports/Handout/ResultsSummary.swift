import Engine
import Lessons
import Plot
import Trace

/// The key–value lines of a problem's results box.
enum ResultsSummary {
    static func rows(for problem: Problem, results: LessonResults) -> [(String, String)] {
        var rows: [(String, String)] = []
        if let expected = problem.expected {
            var text = vectorText(expected)
            if let loss = problem.expectedLoss { text += ", loss \(NumberFormat.significant(loss, 6))" }
            rows.append((TextStyle.escape(problem.expectedLabel), text))
        }
        let mine = results.results.filter { $0.run.problemID == problem.id }
        for r in mine where r.run.sweep == nil {
            rows.append((TextStyle.escape(r.run.label), describe(r, expected: problem.expected)))
        }
        for sweep in results.lesson.sweeps {
            let runs = mine.filter { $0.run.sweep?.id == sweep.id }
            guard !runs.isEmpty else { continue }
            rows.append(("sweep <tt>\(sweep.id)</tt>", describeSweep(sweep, runs)))
        }
        for grid in results.lesson.grids where grid.problemID == problem.id {
            if let map = results.maps[grid.id] { rows.append(("grid <tt>\(grid.id)</tt>", describeGrid(map))) }
        }
        return rows
    }

    /// `3000 cells; 412 diverged; lowest final loss 1.2×10⁻⁴⁸ at η = 0.2, μ = 0.27`.
    static func describeGrid(_ map: ConvergenceMap) -> String {
        let diverged = map.outcomes.filter(\.verdict.isDivergence).count
        var text = "\(map.outcomes.count) cells (\(TextStyle.escape(map.x.setting.symbol)) × \(TextStyle.escape(map.y.setting.symbol))); "
        text += diverged == 0 ? "none diverged" : "\(diverged) diverged"
        let finite = map.outcomes.indices.filter { !map.outcomes[$0].verdict.isDivergence && map.outcomes[$0].finalLoss.isFinite }
        if let best = finite.min(by: { map.outcomes[$0].finalLoss < map.outcomes[$1].finalLoss }) {
            let i = best % map.x.values.count, j = best / map.x.values.count
            text += "; lowest final loss \(NumberFormat.significant(map.outcomes[best].finalLoss, 3)) at "
            text += "\(TextStyle.escape(map.x.setting.symbol)) = \(TextStyle.escape(valueText(map.x.values[i]))), "
            text += "\(TextStyle.escape(map.y.setting.symbol)) = \(TextStyle.escape(valueText(map.y.values[j])))"
        }
        return text
    }

    /// `converged (gradient norm …) after 2523 steps; θ = (…); loss 0.125; 3.2×10⁻⁹ from least squares`
    static func describe(_ r: RunResult, expected: [Double]?) -> String {
        let t = r.trace
        let steps = "\(t.stepCount) step\(t.stepCount == 1 ? "" : "s")"
        var text: String
        if case .maxSteps = t.verdict {
            text = "<b>ran its whole budget</b> of \(steps) with the loss settled; "
        } else {
            text = "\(verdictText(t.verdict)) after \(steps); "
        }
        let theta = t.parameterCount <= longestVector ? "θ = \(vectorText(t.finalParameters))"
            : "θ: \(t.parameterCount) values (the trace's last row)"
        text += "\(theta); loss \(NumberFormat.significant(t.finalLoss, 6))"
        if let e = expected, !t.verdict.isDivergence {
            let d = zip(t.finalParameters, e).map { ($0 - $1) * ($0 - $1) }.reduce(0, +).squareRoot()
            text += "; distance to expected \(NumberFormat.significant(d, 3))"
        }
        return text
    }

    /// Past this many values a vector only fills the box: the trace and the figures hold every value.
    static let longestVector = 13

    /// `(a, b, c)`; a longer vector as its count and range, `192 values from 0.15 to 0.93`.
    static func vectorText(_ values: [Double]) -> String {
        guard values.count > longestVector, let low = values.min(), let high = values.max() else {
            return NumberFormat.vector(values)
        }
        return "\(values.count) values from \(NumberFormat.significant(low, 6)) to \(NumberFormat.significant(high, 6))"
    }

    static func verdictText(_ v: Verdict) -> String {
        switch v {
        case .converged(let rule): return "<b>converged</b> (\(TextStyle.escape(rule)))"
        case .maxSteps: return "<b>ran its whole budget</b> with the loss settled"
        case .diverged(let step, let reason): return "<b>diverged at step \(step)</b> (\(TextStyle.escape(reason)))"
        case .saddle, .stillFalling, .unboundedBelow: return "<b>\(TextStyle.escape(v.description))</b>"
        }
    }

    static func describeSweep(_ sweep: Sweep, _ runs: [RunResult]) -> String {
        let diverged = runs.filter { $0.trace.verdict.isDivergence }
        if sweep.setting == .start { return describeStartSweep(runs, diverged: diverged) }
        let symbol = TextStyle.escape(sweep.setting.symbol)
        let numbers = sweep.values.compactMap(\.number)
        var text = "\(runs.count) runs, \(symbol) "
        if numbers.count == sweep.values.count, let low = numbers.min(), let high = numbers.max() {
            text += "from \(NumberFormat.short(low)) to \(NumberFormat.short(high)); "
        } else {
            text += sweep.values.map { TextStyle.escape(Self.valueText($0)) }.joined(separator: ", ") + "; "
        }
        text += diverged.isEmpty ? "none diverged" : "\(diverged.count) diverged"
        let divergedValues = diverged.compactMap { $0.run.sweep?.value }
        if let first = divergedValues.compactMap(\.number).min() {
            text += " (the smallest at \(symbol) = \(NumberFormat.short(first)))"
        } else if let first = divergedValues.first {
            text += " (the first at \(symbol) = \(TextStyle.escape(Self.valueText(first))))"
        }
        let finite = runs.filter { $0.trace.finalLoss.isFinite }
        if let best = finite.min(by: { $0.trace.finalLoss < $1.trace.finalLoss }), let v = best.run.sweep?.value {
            text += "; lowest final loss \(NumberFormat.significant(best.trace.finalLoss, 3)) at \(symbol) = \(TextStyle.escape(Self.valueText(v)))"
        }
        return text
    }

    /// A setting's value for prose: numbers as `NumberFormat.short` writes them, anything else as written.
    static func valueText(_ value: SettingValue) -> String {
        value.number.map { NumberFormat.short($0) } ?? value.description
    }

    /// A start sweep in words, each start named by its run's label (`x₀ = −2` unless the teacher wrote one).
    private static func describeStartSweep(_ runs: [RunResult], diverged: [RunResult]) -> String {
        var text = "\(runs.count) runs from \(runs.count) starts; "
        text += diverged.isEmpty ? "none diverged" : "\(diverged.count) diverged (the first from \(TextStyle.escape(diverged[0].run.label)))"
        let finite = runs.filter { $0.trace.finalLoss.isFinite }
        if let best = finite.min(by: { $0.trace.finalLoss < $1.trace.finalLoss }) {
            text += "; lowest final loss \(NumberFormat.significant(best.trace.finalLoss, 3)) from \(TextStyle.escape(best.run.label))"
        }
        return text
    }
}
