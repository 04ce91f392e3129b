import Engine
import Lessons
import Plot

/// A claimed gradient checked against finite differences, as a handout table.
enum GradientCheckReportMaker {
    /// Builds the check's table and caption; the check runs over every data row at the spec's point.
    static func report(_ spec: GradientCheckSpec, problem: Problem) throws -> (table: Table, caption: String) {
        let objective = try ProblemObjective(problem)
        let point = spec.at ?? problem.start
        let rows = Array(0..<objective.rowCount)
        let report: GradientCheckReport
        switch objective {
        case .expression(let o):
            report = try GradientCheck.compare(objective: o, claimedGradient: spec.partials, data: problem.data,
                                               at: point, rows: rows)
        case .builtin(let o):
            report = try GradientCheck.compare(objective: o, claimedGradient: spec.partials, data: problem.data,
                                               at: point, rows: rows)
        }
        let table = Table(columns: [
            Table.Column(header: "parameter", content: .text(report.entries.map { TextStyle.escape($0.name) })),
            Table.Column(header: "claimed ∂f", content: .numbers(report.entries.map(\.analytic))),
            Table.Column(header: "finite differences", content: .numbers(report.entries.map(\.numeric))),
            Table.Column(header: "relative error", content: .numbers(report.entries.map(\.relativeError))),
            Table.Column(header: "verdict", content: .text(report.entries.map { $0.passed ? "agrees" : "WRONG" })),
        ], numberFormat: ColumnNumberFormat(significantDigits: 6), elision: nil)
        let over = rows.isEmpty ? "" : " averaged over all \(rows.count) data rows"
        let verdict = report.passed
            ? "every partial agrees with finite differences"
            : "the claimed \(report.failures.map { TextStyle.escape($0.name) }.joined(separator: ", ")) partial\(report.failures.count == 1 ? " is" : "s are") wrong"
        let caption = "Gradient check of \(TextStyle.escape(spec.label)) at θ = \(NumberFormat.vector(point))\(over): "
            + "largest relative error \(NumberFormat.short(report.maxRelativeError)), so \(verdict)."
        return (table, caption)
    }
}
