import Engine
import Lessons
import Plot
import Trace

/// A lesson's step table built from a trace.
enum StepTable {
    /// The table `spec` asks for, every row of the trace, elided to head and tail.
    static func make(_ spec: TableSpec, trace: Trace) -> Table {
        let columns = spec.columns.map { column(named: $0, trace: trace) }
        return Table(columns: columns, numberFormat: ColumnNumberFormat(significantDigits: spec.digits),
                     elision: Table.Elision(head: spec.head, tail: spec.tail))
    }

    /// The teacher's caption (inline Markdown), then the optimizer, its convention and settings,
    /// and what each state buffer in the table holds.
    static func caption(_ spec: TableSpec, run: LessonRun) -> String {
        let settings = UpdateRule.lines(for: run.spec.optimizer, schedule: run.spec.schedule).settings
        var states: [String] = []
        for name in spec.columns {
            let parts = name.split(separator: ".", maxSplits: 1).map(String.init)
            if parts.count == 2, !["grad", "update"].contains(parts[0]), !states.contains(parts[0]) { states.append(parts[0]) }
        }
        let meanings = states.map(Symbols.stateMeaning).joined(separator: "; ")
        return Notes.inline(spec.caption) + " <i>Optimizer: \(settings)" + (meanings.isEmpty ? "" : "; \(meanings)") + ".</i>"
    }

    private static func column(named name: String, trace: Trace) -> Table.Column {
        let values = values(named: name, trace: trace)
        if ["step", "epoch", "batch"].contains(name) {
            return Table.Column(header: name, content: .integers(values.map { Int($0) }))
        }
        return Table.Column(header: header(name, trace: trace), content: .numbers(values))
    }

    /// The printed header of trace column `name`: gₓ, Δx, a state by its library's name, η, a parameter.
    private static func header(_ name: String, trace: Trace) -> String {
        let parts = name.split(separator: ".", maxSplits: 1).map(String.init)
        if parts.count == 2, trace.parameterNames.contains(parts[1]) {
            switch parts[0] {
            case "grad": return Symbols.indexed("g", by: parts[1])
            case "update": return "Δ" + Symbols.parameter(parts[1])
            default: return Symbols.indexed(TextStyle.escape(parts[0]), by: parts[1])
            }
        }
        switch name {
        case RunSetting.learningRate.key: return RunSetting.learningRate.symbol
        case "loss": return trace.lossStride > 1 ? TextStyle.escape(trace.lossLabel) : "loss"
        case "batch_loss": return "batch loss"
        default: return Symbols.parameter(name)
        }
    }

    /// The values of trace column `name` (as tables and `{{trace}}` numbers name it), one per row.
    static func values(named name: String, trace: Trace) -> [Double] {
        let parts = name.split(separator: ".", maxSplits: 1).map(String.init)
        if parts.count == 2, let p = trace.parameterNames.firstIndex(of: parts[1]) {
            switch parts[0] {
            case "grad": return trace.gradientColumn(p)
            case "update": return trace.updateColumn(p)
            default: return trace.stateColumn(parts[0], parameter: p) ?? []
            }
        }
        switch name {
        case "step": return (0..<trace.count).map(Double.init)
        case "epoch": return trace.epochs.map(Double.init)
        case "batch": return trace.batches.map(Double.init)
        case RunSetting.learningRate.key: return trace.learningRates
        case "loss": return trace.losses
        case "batch_loss": return trace.batchLosses ?? trace.losses
        default: return trace.parameterColumn(trace.parameterNames.firstIndex(of: name)!)
        }
    }
}
