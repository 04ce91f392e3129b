import Foundation
import Engine

extension LessonDecoder {
    /// A sweep over starting points: `parameter = "start"` with `starts = [[…], …]` listed, or
    /// `spread = { count = N, seed = S }` drawn inside the base run's constraints.
    ///
    /// Spread starts are uniform over each simplex group (flat Dirichlet: −log u normalised) and over
    /// each boxed parameter's box; other parameters keep the base run's start. One seeded generator,
    /// parameters in order, so the same seed gives the same starts everywhere.
    func decodeStartSweep(_ r: TableReader, id: String, base: LessonRun, problems: [Problem]) throws -> (Sweep, [LessonRun]) {
        let dimension = base.spec.start.count
        let parameterNames = problems.first { $0.id == base.problemID }?.parameters ?? []
        var starts: [[Double]] = []
        if let listed = try r.table("spread") {
            guard let count = try listed.int("count"), (1...200).contains(count) else {
                throw listed.error("count", "is required: the number of starts, 1 to 200")
            }
            let seed = try listed.int("seed") ?? 0
            guard seed >= 0 else { throw listed.error("seed", "must be ≥ 0, got \(seed)") }
            try listed.finish()
            let groups = base.spec.constraints.simplexGroups
            for box in base.spec.constraints.boxes where !groups.contains(where: { $0.contains(box.index) }) {
                guard (box.upper - box.lower).isFinite else {
                    let name = parameterNames[box.index]
                    throw r.error("spread", "cannot spread starts over the box of '\(name)' in run '\(base.id)': its width \(box.upper) − (\(box.lower)) is too large to draw from; narrow the box or list 'starts'")
                }
            }
            starts = base.spec.constraints.samples(count: count, seed: UInt64(seed), base: base.spec.start)
        }
        let rows = try r.numberRows("starts")
        let listedStarts = rows != nil
        if let rows {
            guard starts.isEmpty else { throw r.error("starts", "give 'starts' or 'spread', not both") }
            for (i, row) in rows.enumerated() {
                guard row.count == dimension else {
                    throw r.error("starts[\(i)]", "expected \(dimension) numbers (one per parameter), got \(row.count)")
                }
                starts.append(row)
            }
        }
        guard !starts.isEmpty else { throw r.error("starts", "a start sweep needs 'starts = [[…], …]' or 'spread = { count = N, seed = S }'") }
        guard starts.count <= 200 else { throw r.error("starts", "at most 200 starts per sweep, got \(starts.count)") }
        if let problem = problems.first(where: { $0.id == base.problemID }), let bad = problem.firstBadStart(starts) {
            throw r.error(listedStarts ? "starts[\(bad.index)]" : "spread", bad.error.description)
        }
        let labelPattern = try r.string("label")
        try r.finish()
        let spread = try r.table("spread") != nil
        // Name only the parameters the starts differ in (all of them for a single start).
        let varying = starts.count == 1 ? Array(0..<dimension)
            : (0..<dimension).filter { k in starts.contains { $0[k] != starts[0][k] } }
        var generated: [LessonRun] = []
        for (i, start) in starts.enumerated() {
            var spec = base.spec
            spec.start = start
            do {
                try spec.validate()
            } catch let error as RunSpecError {
                throw spread ? r.error("spread", "start \(i + 1) of the spread: \(error.message)") : r.error("starts[\(i)]", error.message)
            }
            let label = labelPattern?.replacingOccurrences(of: "{value}", with: "\(i + 1)")
                ?? Self.startLabel(start, names: parameterNames, varying: varying)
            generated.append(LessonRun(id: "\(id)-\(i + 1)", label: label, problemID: base.problemID, spec: spec,
                                       sweep: (id, .point(start))))
        }
        let sweep = Sweep(id: id, setting: .start, values: starts.map(SettingValue.point), runIDs: generated.map(\.id))
        return (sweep, generated)
    }

    /// A start sweep's default run label: the start in the parameters that vary, `x₀ = −2` or
    /// `(x₀, y₀) = (−2, 1)`; with more than three varying, `θ₀ = (…)` with every parameter.
    static func startLabel(_ start: [Double], names: [String], varying: [Int]) -> String {
        func number(_ v: Double) -> String { shortNumber(v).replacingOccurrences(of: "-", with: "−") }
        guard varying.count <= 3, varying.allSatisfy(names.indices.contains) else {
            return "θ₀ = (" + start.map(number).joined(separator: ", ") + ")"
        }
        let symbols = varying.map { names[$0] + "₀" }, values = varying.map { number(start[$0]) }
        if varying.count == 1 { return "\(symbols[0]) = \(values[0])" }
        return "(" + symbols.joined(separator: ", ") + ") = (" + values.joined(separator: ", ") + ")"
    }
}
