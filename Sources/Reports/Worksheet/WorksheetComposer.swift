import Foundation
import Lessons
import Plot

/// Turns a lesson's exercises into a worksheet and its answer key.
///
/// Both list the exercises in notes order under the headings of the sections they stand in, each
/// with its kind, its question (numbers from the real runs filled in) and the figures, tables and
/// update rules it places. The worksheet adds ruled writing space sized to the expected answer,
/// leaves a table's blanked cells empty, and draws a prediction's figures as empty axes; the key
/// fills the blanks (shaded, in bold), draws every figure whole with its caption, and prints each
/// answer.
struct WorksheetComposer: LessonComposer {
    let material: LessonMaterial

    /// Which of the two documents is being made.
    enum Copy {
        case worksheet, key

        var name: String { self == .worksheet ? "worksheet" : "answer key" }
    }

    /// The worksheet and the answer key. Throws when an exercise quotes a step its run never reached,
    /// or a table blanks a row its run never reached.
    func compose(canvas: Canvas, creationDate: Int) throws -> (worksheet: Document, key: Document) {
        let numbers = try TraceNumbers(results)
        let tables = try blankedTables()
        return (document(.worksheet, numbers: numbers, tables: tables, canvas: canvas, creationDate: creationDate),
                document(.key, numbers: numbers, tables: tables, canvas: canvas, creationDate: creationDate))
    }

    private func document(_ copy: Copy, numbers: TraceNumbers, tables: [String: Table], canvas: Canvas,
                          creationDate: Int) -> Document {
        let title = (copy == .worksheet ? "Worksheet" : "Answer key") + ": " + lesson.title
        var h = HandoutBuilder(paper: paper, header: "\(lesson.title) · \(copy.name)",
                               footer: "\(lesson.id) · \(copy.name) · steptrace \(version)")
        let count = lesson.exercises.count
        h.title(TextStyle.escape(title), subtitle: lesson.subtitle.map(TextStyle.escape),
                meta: "lesson <tt>\(lesson.id)</tt> · \(count) exercise\(count == 1 ? "" : "s")")
        if copy == .worksheet {
            h.drawing(FieldLine(labels: ["Name", "Class", "Date"], style: h.style.body), height: 22)
        }
        if let question = lesson.question {
            h.paragraph("<b>The learner asked:</b> <i>“\(question)”</i>")
        }
        h.paragraph(copy == .worksheet
            ? "Every number on this sheet comes from steptrace's own run of this lesson, so a careful hand computation matches it to the digits shown. Work each exercise in the box below it; where a table has empty boxes, fill them in."
            : "The answers, with the exact numbers of the runs. Shaded cells in bold are the ones the worksheet leaves blank; figures the worksheet shows as empty axes are drawn whole here.")
        var section: String?
        for (n, exercise) in lesson.exercises.enumerated() {
            if let heading = exercise.section, heading != section { h.heading(heading) }
            section = exercise.section
            let label = "<b>Exercise \(n + 1)</b> · <i>\(exercise.kind.title)</i>"
            let header = TextBlock(lines: [label], style: h.style.body, lineHeight: h.style.bodyLineHeight)
            h.drawing(header, height: header.height, keepWithNext: true)
            let empty = copy == .worksheet && exercise.kind == .predict
            for (i, block) in exercise.question.enumerated() {
                // A paragraph that leads into a figure or table stays on its page, and so does the
                // worksheet's last paragraph of a question with the box it is answered in.
                let leadsIn: Bool
                if i + 1 < exercise.question.count, case .insert(let kind, _) = exercise.question[i + 1] {
                    leadsIn = kind == "figure" || kind == "table"
                } else {
                    leadsIn = i + 1 == exercise.question.count && copy == .worksheet && exercise.lines != 0
                }
                if case .paragraph(let text) = block, leadsIn {
                    let lines = TextBlock.wrapping(numbers.fill(text), width: h.textArea.width, style: h.style.body,
                                                   lineHeight: h.style.bodyLineHeight, canvas: canvas)
                    h.drawing(lines, height: lines.height, keepWithNext: true)
                    continue
                }
                add(numbers.fill(block), copy: copy, emptyFigures: empty, tables: tables, to: &h, canvas: canvas)
            }
            switch copy {
            case .worksheet:
                // Empty axes to sketch on or blanks to fill carry much of the answer, so the box is half as tall.
                let sketches = (empty && !exercise.inserts("figure").isEmpty)
                    || exercise.inserts("table").contains { id in lesson.tables.contains { $0.id == id && !$0.blanks.isEmpty } }
                let sized = writingLines(for: exercise.answer, numbers: numbers, h: h, canvas: canvas)
                let space = WritingSpace(lines: exercise.lines ?? (sketches ? max(3, (sized + 1) / 2) : sized))
                if exercise.lines != 0 { h.drawing(space, height: space.height) }
            case .key:
                var answer = exercise.answer.map(numbers.fill)
                if case .paragraph(let text) = answer.first {
                    answer[0] = .paragraph("<b>Answer.</b> " + text)
                } else {
                    answer.insert(.paragraph("<b>Answer.</b>"), at: 0)
                }
                for block in answer { add(block, copy: copy, emptyFigures: false, tables: tables, to: &h, canvas: canvas) }
            }
        }
        return h.build(canvasForMeasuring: canvas, title: title, creationDate: creationDate)
    }

    /// Adds one block of an exercise.
    private func add(_ block: NoteBlock, copy: Copy, emptyFigures: Bool, tables: [String: Table],
                     to h: inout HandoutBuilder, canvas: Canvas) {
        if h.addProse(block) { return }
        switch block {
        case .insert("figure", let id?):
            guard let built = figures[id] else { return }
            if emptyFigures, let figure = built.drawable as? Figure {
                let width = h.textArea.width
                let empty = EmptyAxes.figure(figure, width: width, aspectRatio: built.aspectRatio, canvas: canvas)
                h.figure(empty, aspectRatio: built.aspectRatio, caption: "Empty axes: sketch your prediction here.")
            } else {
                // The worksheet leaves captions out: they often say what the student is asked to find.
                let spec = lesson.figures.first { $0.id == id }
                h.figure(built.drawable, aspectRatio: built.aspectRatio,
                         caption: copy == .key ? built.caption : spec?.title.map { "<b>\(TextStyle.escape($0)).</b>" })
            }
        case .insert("table", let id?):
            guard let spec = lesson.tables.first(where: { $0.id == id }), var table = tables[id],
                  let result = results.result(spec.run) else { return }
            if copy == .worksheet {
                table.blankCells = table.answerCells
                table.answerCells = []
            }
            h.table(table, caption: StepTable.caption(spec, run: result.run))
        case .insert("rule", let id?):
            guard let run = lesson.run(id) else { return }
            h.rule(of: run)
        default: break  // prose, added above
        }
    }

    /// Ruled lines for an answer: about twice the lines it takes in print (handwriting is larger),
    /// at least 3 and at most 16.
    private func writingLines(for answer: [NoteBlock], numbers: TraceNumbers, h: HandoutBuilder, canvas: Canvas) -> Int {
        let width = h.textArea.width
        var printed = 0
        for block in answer.map(numbers.fill) {
            switch block {
            case .paragraph(let text), .heading(let text):
                printed += TextBlock.wrapping(text, width: width, style: h.style.body, lineHeight: 1, canvas: canvas).lines.count
            case .bullets(let items), .numbered(let items, _):
                printed += items.map { TextBlock.wrapping($0, width: width - 20, style: h.style.body, lineHeight: 1, canvas: canvas).lines.count }
                    .reduce(0, +)
            case .formula(let text): printed += text.split(separator: "\n").count
            case .insert: break
            }
        }
        return min(16, max(3, Int((Double(printed) * 1.8).rounded(.up)) + 1))
    }

    /// Every table an exercise places, with its blanked cells marked as answers. A blank on a row the
    /// run never reached is the lesson's mistake.
    private func blankedTables() throws -> [String: Table] {
        var tables: [String: Table] = [:]
        let placed = Set(lesson.exercises.flatMap { $0.inserts("table") })
        for (i, spec) in lesson.tables.enumerated() where placed.contains(spec.id) {
            guard let result = results.result(spec.run) else { continue }
            var table = StepTable.make(spec, trace: result.trace)
            table.fontSize = 10
            table.minimumFontSize = 7
            for blank in spec.blanks {
                let column = spec.columns.firstIndex(of: blank.column)!
                for step in blank.steps {
                    guard step < result.trace.count else {
                        throw LessonError(file: lesson.file, key: "tables[\(i)].blank",
                                          problem: "run '\(spec.run)' ended after \(result.trace.count - 1) steps; step \(step) has no row to blank")
                    }
                    table.answerCells.insert(Table.CellPosition(row: step, column: column))
                }
            }
            tables[spec.id] = table
        }
        return tables
    }
}
