import Engine
import Lessons
import Plot
import Trace

/// Turns a lesson and its results into a handout: the title block, the learner's
/// question, the notes in order with generated figures, tables, checks, update
/// rules and results placed where the notes ask, and anything not placed (in the notes or in an
/// exercise) at the end. Exercises belong to the worksheet and are left out.
struct HandoutComposer: LessonComposer {
    let material: LessonMaterial

    /// The handout's blocks in reading order, before pagination (the lesson's web page reads the same blocks).
    func blocks() throws -> HandoutBuilder {
        var h = HandoutBuilder(paper: paper, header: lesson.title, footer: "\(lesson.id) · steptrace \(version)")
        let problems = lesson.problems.map { "<i>\(TextStyle.escape($0.label))</i>" }.joined(separator: ", ")
        h.title(TextStyle.escape(lesson.title), subtitle: lesson.subtitle.map(TextStyle.escape),
                meta: "lesson <tt>\(lesson.id)</tt> · \(problems) · \(lesson.runs.count) run\(lesson.runs.count == 1 ? "" : "s")")
        if let question = lesson.question {
            h.paragraph("<b>The learner asked:</b> <i>“\(question)”</i>")
        }
        // What the worksheet's exercises place counts as placed: it is not appended here.
        var placedFigures = Set(lesson.exercises.flatMap { $0.inserts("figure") })
        var placedTables = Set(lesson.exercises.flatMap { $0.inserts("table") }), placedResults = false
        for block in lesson.notes {
            if h.addProse(block) { continue }
            switch block {
            case .insert("figure", let id?):
                addFigure(id, to: &h); placedFigures.insert(id)
            case .insert("table", let id?):
                addTable(id, to: &h); placedTables.insert(id)
            case .insert("check", let id?):
                try addCheck(id, to: &h)
            case .insert("rule", let id?):
                addRule(id, to: &h)
            case .insert("fact", let name?):
                addFact(name, to: &h)
            case .insert("analysis", let id?):
                addAnalysis(id, to: &h)
            case .insert("results", _):
                addResults(to: &h); placedResults = true
            default: break  // prose, added above
            }
        }
        let remainingFigures = lesson.figures.filter { !placedFigures.contains($0.id) }
        let remainingTables = lesson.tables.filter { !placedTables.contains($0.id) }
        if !remainingFigures.isEmpty || !remainingTables.isEmpty {
            h.heading("More figures and tables")
            for f in remainingFigures { addFigure(f.id, to: &h) }
            for t in remainingTables { addTable(t.id, to: &h) }
        }
        if !placedResults { addResults(to: &h) }
        return h
    }

    private func addFigure(_ id: String, to h: inout HandoutBuilder) {
        guard let built = figures[id] else { return }
        h.figure(built.drawable, aspectRatio: built.aspectRatio, caption: built.caption)
    }

    private func addTable(_ id: String, to h: inout HandoutBuilder) {
        guard let spec = lesson.tables.first(where: { $0.id == id }), let result = results.result(spec.run) else { return }
        h.table(StepTable.make(spec, trace: result.trace), caption: StepTable.caption(spec, run: result.run))
    }

    private func addRule(_ runID: String, to h: inout HandoutBuilder) {
        guard let run = lesson.run(runID) else { return }
        h.rule(of: run)
    }

    private func addCheck(_ id: String, to h: inout HandoutBuilder) throws {
        guard let spec = lesson.checks.first(where: { $0.id == id }) else { return }
        let problem = lesson.problems.first { $0.id == spec.problemID }!
        let report = try GradientCheckReportMaker.report(spec, problem: problem)
        h.table(report.table, caption: report.caption)
    }

    private func addResults(to h: inout HandoutBuilder) {
        for problem in lesson.problems {
            let rows = ResultsSummary.rows(for: problem, results: results)
            guard !rows.isEmpty else { continue }
            let title = lesson.problems.count == 1 ? "Results" : "Results: \(TextStyle.escape(problem.label))"
            h.resultsBox(title: title, rows: rows)
        }
    }
}
