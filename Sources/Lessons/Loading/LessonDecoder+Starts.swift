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
        var starts: [[Double]] = []
        if let listed = try r.table("spread") {
            guard let count = try listed.int("count"), (1...200).contains(count) else {
                throw listed.error("count", "is required: the number of starts, 1 to 200")
            }
            let seed = try listed.int("seed") ?? 0
            guard seed >= 0 else { throw listed.error("seed", "must be ≥ 0, got \(seed)") }
            try listed.finish()
            starts = Self.spreadStarts(count: count, seed: UInt64(seed), base: base.spec)
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
        let labelPattern = try r.string("label") ?? "start {value}"
        try r.finish()
        var generated: [LessonRun] = []
        for (i, start) in starts.enumerated() {
            var spec = base.spec
            spec.start = start
            do {
                try spec.validate()
            } catch let error as RunSpecError {
                throw r.error("starts[\(i)]", error.message)
            }
            let label = labelPattern.replacingOccurrences(of: "{value}", with: "\(i + 1)")
            generated.append(LessonRun(id: "\(id)-\(i + 1)", label: label, problemID: base.problemID, spec: spec,
                                       sweep: (id, Double(i + 1))))
        }
        let sweep = Sweep(id: id, parameter: "start", values: starts.indices.map { Double($0 + 1) }, runIDs: generated.map(\.id))
        return (sweep, generated)
    }

    /// `count` starts spread over the base run's simplex groups and boxes (see `decodeStartSweep`).
    static func spreadStarts(count: Int, seed: UInt64, base: RunSpec) -> [[Double]] {
        var generator = SeededGenerator(seed: seed)
        let groups = base.constraints.simplexGroups
        var starts: [[Double]] = []
        for _ in 0..<count {
            var start = base.start
            for group in groups {
                let draws = group.map { _ in -log(1 - generator.unit()) }
                let total = draws.reduce(0, +)
                for (k, i) in group.enumerated() { start[i] = draws[k] / total }
            }
            for box in base.constraints.boxes where !groups.contains(where: { $0.contains(box.index) }) {
                start[box.index] = box.lower + (box.upper - box.lower) * generator.unit()
            }
            starts.append(start)
        }
        return starts
    }
}
