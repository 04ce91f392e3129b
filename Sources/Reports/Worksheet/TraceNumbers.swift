import Lessons
import Plot
import Trace

/// The numbers a lesson's exercises quote from its traces (`{{trace RUN STEP COLUMN}}`), formatted,
/// and the markup of the exercises with them filled in.
struct TraceNumbers {
    /// The text of reference i, in the lesson's order.
    let texts: [String]

    /// Looks every reference up in `results`. A step the run never reached (a stop rule ended it
    /// sooner) is the lesson's mistake, named by its notes line.
    init(_ results: LessonResults) throws {
        texts = try results.lesson.traceReferences.map { reference in
            // The lesson checked that the run exists and the column belongs to its trace.
            let trace = results.result(reference.run)!.trace
            let last = trace.count - 1
            var row = last
            if case .number(let step) = reference.step {
                guard step <= last else {
                    throw LessonError(file: reference.file, line: reference.line,
                                      problem: "{{trace \(reference.run) \(step) …}}: run '\(reference.run)' ended after \(last) steps (\(trace.verdict)); step \(step) has no row")
                }
                row = step
            }
            return NumberFormat.significant(StepTable.values(named: reference.column, trace: trace)[row], reference.digits)
        }
    }

    /// `markup` with every reference marker replaced by its number.
    func fill(_ markup: String) -> String {
        var out = markup
        for (range, index) in TraceReference.markers(in: markup).reversed() { out.replaceSubrange(range, with: texts[index]) }
        return out
    }

    /// `block` with its markup filled in.
    func fill(_ block: NoteBlock) -> NoteBlock {
        switch block {
        case .heading(let text): return .heading(fill(text))
        case .paragraph(let text): return .paragraph(fill(text))
        case .bullets(let items): return .bullets(items.map(fill))
        case .numbered(let items, let start): return .numbered(items.map(fill), start: start)
        case .formula(let text): return .formula(fill(text))
        case .insert: return block
        }
    }
}
