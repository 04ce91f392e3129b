import Engine

extension LessonDecoder {
    /// Whether `column` names a trace column of `run`: `step`, `epoch`, `batch`, `lr`, `loss`,
    /// `batch_loss`, a parameter, or `grad.`, `update.` or a state buffer of the run, then a parameter.
    func isTraceColumn(_ column: String, run: LessonRun, problem: Problem) -> Bool {
        let parts = column.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        if parts.count == 1 {
            return ["step", "epoch", "batch", RunSetting.learningRate.key, "loss", "batch_loss"].contains(column) || problem.parameters.contains(column)
        }
        return (["grad", "update"] + stateNames(of: run.spec.optimizer)).contains(parts[0]) && problem.parameters.contains(parts[1])
    }

    /// The most steps `run` can take (its last trace row, unless a stop rule ends it sooner).
    func stepBudget(_ run: LessonRun, problem: Problem) -> Int {
        // The run was validated when it was read, so its plan exists.
        (try? run.spec.stepBudget(parameterNames: problem.parameters, rowCount: problem.data?.rowCount ?? 0)) ?? 0
    }

    /// `blank = { "velocity.x" = [1, 2], x = [2] }`: columns of the table and steps among the rows it
    /// shows from the top.
    func decodeBlanks(_ r: TableReader, columns: [String], head: Int) throws -> [TableBlank] {
        guard let table = try r.table("blank") else { return [] }
        var blanks: [TableBlank] = []
        for column in table.keys {
            guard columns.contains(column), column != "step" else {
                let others = columns.filter { $0 != "step" }
                throw table.error(column, "'\(column)' is not a column of this table that can be blanked (columns: \(others.joined(separator: ", ")))")
            }
            guard let values = try table.doubles(column), !values.isEmpty else {
                throw table.error(column, "expected the steps to blank, as in \"\(column)\" = [1, 2]")
            }
            let steps = try values.enumerated().map { i, v -> Int in
                guard v >= 0, v == v.rounded(), v < Double(head) else {
                    throw table.error("\(column)[\(i)]", "step \(v) is not a row the table shows from the top (steps 0 to \(head - 1), head = \(head))")
                }
                return Int(v)
            }
            blanks.append(TableBlank(column: column, steps: steps))
        }
        try table.finish()
        return blanks
    }

    /// Checks every exercise against the lesson: trace numbers name a run, a column of its trace and a
    /// step within its budget; a prediction's figures can be drawn as empty axes.
    func checkExercises(of lesson: Lesson, notesText: String, notesFile: String) throws {
        for reference in lesson.traceReferences {
            let fail = { (problem: String) in LessonError(file: reference.file, line: reference.line, problem: problem) }
            guard let run = lesson.run(reference.run) else {
                throw fail("{{trace \(reference.run) …}} names no run (runs: \(lesson.runs.map(\.id).joined(separator: ", ")))")
            }
            let problem = lesson.problem(of: run)
            guard isTraceColumn(reference.column, run: run, problem: problem) else {
                let prefixes = (["grad", "update"] + stateNames(of: run.spec.optimizer)).map { $0 + "." }.joined(separator: ", ")
                throw fail("{{trace \(reference.run) …}}: unknown column '\(reference.column)' (expected lr, loss, a parameter, or \(prefixes) followed by a parameter)")
            }
            if case .number(let step) = reference.step {
                let budget = stepBudget(run, problem: problem)
                guard step <= budget else {
                    throw fail("{{trace \(reference.run) \(step) …}}: step \(step) is past the end of run '\(run.id)' (it takes at most \(budget) steps; 'last' names its last row)")
                }
            }
        }
        for exercise in lesson.exercises where exercise.kind == .predict {
            for block in exercise.question {
                guard case .insert("figure", let id?) = block, let figure = lesson.figures.first(where: { $0.id == id }),
                      !figure.kind.name.hasEmptyAxes else { continue }
                let kinds = FigureSpec.Kind.Name.allCases.filter(\.hasEmptyAxes).map(\.rawValue).joined(separator: ", ")
                throw LessonError(file: notesFile, line: Notes.line(of: "{{figure \(id)}}", in: notesText) ?? exercise.line,
                                  problem: "a prediction shows {{figure \(id)}} as empty axes, which a '\(figure.kind.name.rawValue)' figure has not (kinds that have: \(kinds)); put it in the answer")
            }
        }
    }

    /// A table with blanks is printed blank only in a worksheet, so an exercise of the notes must place it.
    func checkBlanksArePlaced(in lesson: Lesson) throws {
        let placed = Set(lesson.exercises.flatMap { $0.inserts("table") })
        for (i, table) in lesson.tables.enumerated() where !table.blanks.isEmpty && !placed.contains(table.id) {
            throw root.error("tables[\(i)].blank", "blanks print only in a worksheet: place the table in an exercise block with {{table \(table.id)}}")
        }
    }
}
