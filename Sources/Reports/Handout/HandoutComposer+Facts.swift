import Foundation
import Engine
import Lessons
import Plot
import Trace

/// `{{fact starts}}`: every run of the lesson's start sweeps, where each started and ended.
extension HandoutComposer {
    func addFact(_ name: String, to h: inout HandoutBuilder) {
        if name == "starts" { startsFact(to: &h) }
    }

    private static func vector(_ v: [Double], _ digits: Int) -> String { NumberFormat.vector(v, digits: digits) }

    /// Every start sweep's runs in one table when the sweeps share their starts (one end and loss
    /// column pair per sweep), else one table per sweep.
    private func startsFact(to h: inout HandoutBuilder) {
        let sweeps = lesson.sweeps.filter { $0.setting == .start }
        let groups = sweeps.map { results.results(named: [$0.id]) }
        guard let first = groups.first, !first.isEmpty else { return }
        let starts = { (runs: [RunResult]) in runs.map { $0.trace.parameters(row: 0) } }
        let shared = groups.allSatisfy { starts($0) == starts(first) }
        let names = first[0].trace.parameterNames.map(TextStyle.escape).joined(separator: ", ")
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
}
