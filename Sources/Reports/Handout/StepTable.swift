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
        let parts = name.split(separator: ".", maxSplits: 1).map(String.init)
        if parts.count == 2, let p = trace.parameterNames.firstIndex(of: parts[1]) {
            switch parts[0] {
            case "grad":
                return Table.Column(header: Symbols.indexed("g", by: parts[1]), content: .numbers(trace.gradientColumn(p)))
            case "update":
                return Table.Column(header: "Δ" + Symbols.parameter(parts[1]), content: .numbers(trace.updateColumn(p)))
            default:
                let values = trace.stateColumn(parts[0], parameter: p) ?? []
                return Table.Column(header: Symbols.indexed(Notes.escape(parts[0]), by: parts[1]), content: .numbers(values))
            }
        }
        switch name {
        case "step": return Table.Column(header: "step", content: .integers(Array(0..<trace.count)))
        case "epoch": return Table.Column(header: "epoch", content: .integers(trace.epochs.map(Int.init)))
        case "batch": return Table.Column(header: "batch", content: .integers(trace.batches.map(Int.init)))
        case RunSetting.learningRate.key: return Table.Column(header: RunSetting.learningRate.symbol, content: .numbers(trace.learningRates))
        case "loss":
            return Table.Column(header: trace.lossStride > 1 ? Notes.escape(trace.lossLabel) : "loss", content: .numbers(trace.losses))
        case "batch_loss": return Table.Column(header: "batch loss", content: .numbers(trace.batchLosses ?? trace.losses))
        default:
            let p = trace.parameterNames.firstIndex(of: name)!
            return Table.Column(header: Symbols.parameter(name), content: .numbers(trace.parameterColumn(p)))
        }
    }
}
