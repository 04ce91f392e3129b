import Engine
import Foundation

/// Turns a parsed lesson file into a `Lesson`, checking every key, type, name and cross-reference.
struct LessonDecoder {
    let root: TableReader
    let id: String
    let folder: String
    let file: String

    func decode(notes notesText: String?, notesFile: String) throws -> Lesson {
        let title = try root.requiredString("title")
        let subtitle = try root.string("subtitle")
        let question = try root.string("question").map(Notes.inline)
        let problems = try decodeProblems()
        let runReaders = try root.tables("runs")
        var runs = try runReaders.map { try decodeRun($0, problems: problems) }
        guard !runs.isEmpty else { throw root.error("runs", "a lesson needs at least one [[runs]] table") }
        try checkUnique(runs.map(\.id), key: "runs", what: "run id")
        var sweeps: [Sweep] = []
        var sweepBases: [String: String] = [:]
        for reader in try root.tables("sweeps") {
            let (sweep, generated) = try decodeSweep(reader, problems: problems, runs: runs, takenIDs: runs.map(\.id) + sweeps.map(\.id))
            sweeps.append(sweep)
            sweepBases[sweep.id] = try reader.requiredString("run")
            runs += generated
        }
        try checkBudget(runs: runs, readers: runReaders, sweepBases: sweepBases, problems: problems)
        var grids: [LessonGrid] = []
        for reader in try root.tables("grids") {
            grids.append(try decodeGrid(reader, problems: problems, runs: runs, takenIDs: runs.map(\.id) + sweeps.map(\.id) + grids.map(\.id)))
        }
        let runIDs = Set(runs.map(\.id)), sweepIDs = Set(sweeps.map(\.id))
        let figures = try root.tables("figures").map {
            try decodeFigure($0, problems: problems, runIDs: runIDs, sweepIDs: sweepIDs, runs: runs, grids: grids)
        }
        try checkUnique(figures.map(\.id), key: "figures", what: "figure id")
        let tables = try root.tables("tables").map { try decodeTable($0, problems: problems, runs: runs) }
        try checkUnique(tables.map(\.id), key: "tables", what: "table id")
        let checks = try root.tables("checks").map { try decodeCheck($0, problems: problems) }
        try checkUnique(checks.map(\.id), key: "checks", what: "check id")
        let analyses = try root.tables("analyses").map {
            try decodeAnalysis($0, problems: problems, runs: runs, sweepIDs: sweepIDs)
        }
        try checkUnique(analyses.map(\.id), key: "analyses", what: "analysis id")
        try root.finish()

        let document = try notesText.map { try Notes.document($0, file: notesFile) }
        let notes = document?.blocks ?? [], exercises = document?.exercises ?? []
        for case let .insert(kind, ref?) in notes + exercises.flatMap({ $0.question + $0.answer }) {
            let known: [String]
            switch kind {
            case "figure": known = figures.map(\.id)
            case "table": known = tables.map(\.id)
            case "check": known = checks.map(\.id)
            case "analysis": known = analyses.map(\.id)
            case "fact": try checkFact(ref, sweeps: sweeps, notesFile: notesFile); continue
            default: known = runs.map(\.id)
            }
            guard known.contains(ref) else {
                let noun = kind == "rule" ? "run" : kind
                let choices = known.isEmpty ? "it has no \(noun == "analysis" ? "analyses" : noun + "s")" : "known: \(known.joined(separator: ", "))"
                let line = notesText.flatMap { Notes.line(of: "{{\(kind) \(ref)}}", in: $0) }
                throw LessonError(file: notesFile, line: line,
                                  problem: "{{\(kind) \(ref)}} names no \(noun) in \(LessonLoader.fileName) (\(choices))")
            }
        }
        var lesson = Lesson(id: id, title: title, subtitle: subtitle, question: question, folder: folder, file: file,
                            problems: problems, runs: runs, sweeps: sweeps, grids: grids, figures: figures, tables: tables,
                            checks: checks, analyses: analyses, notes: notes)
        if let document, let notesText {
            lesson.exercises = document.exercises
            lesson.traceReferences = document.references
            try checkExercises(of: lesson, notesText: notesText, notesFile: notesFile)
            // Without notes there is no worksheet, so blanks have nothing to be placed by.
            try checkBlanksArePlaced(in: lesson)
        }
        return lesson
    }

    /// A `{{fact NAME}}` must name a known fact, and `starts` needs a start sweep.
    private func checkFact(_ name: String, sweeps: [Sweep], notesFile: String) throws {
        guard Notes.facts.contains(where: { $0.name == name }) else {
            throw LessonError(file: notesFile, problem: "{{fact \(name)}} is not a known fact (known: \(Notes.facts.map(\.name).joined(separator: ", ")))")
        }
        if name == "starts" && !sweeps.contains(where: { $0.setting == .start }) {
            throw LessonError(file: notesFile, problem: "{{fact starts}} needs a [[sweeps]] with parameter = \"start\"")
        }
    }

    /// The most trace values one lesson's runs may record together (about 0.8 GB in memory and
    /// 1.6 GB of CSV), checked before anything runs.
    static let valueBudget = 100_000_000
    /// Bytes of CSV per trace value, measured over the shipped lessons (15.6), rounded up.
    static let csvBytesPerValue = 16

    /// Refuses a lesson whose runs together would record more than `valueBudget` values, naming
    /// the budget key of the run that (with the sweeps built on it) records the most.
    private func checkBudget(runs: [LessonRun], readers: [TableReader], sweepBases: [String: String],
                             problems: [Problem]) throws {
        var total = 0
        var byBase: [String: Int] = [:]
        for run in runs {
            let problem = problems.first { $0.id == run.problemID }!
            let values = try run.spec.validate(parameterNames: problem.parameters, rowCount: problem.data?.rowCount ?? 0)
            total += values
            byBase[run.sweep.flatMap { sweepBases[$0.id] } ?? run.id, default: 0] += values
        }
        guard total > Self.valueBudget else { return }
        let (index, largest) = runs.indices.prefix(readers.count)
            .map { ($0, byBase[runs[$0].id] ?? 0) }.max { $0.1 < $1.1 }!
        let key = runs[index].spec.stop.maxEpochs == nil ? "steps" : "epochs"
        func gb(_ values: Int, _ bytesPerValue: Int) -> String {
            let gigabytes = Double(values) * Double(bytesPerValue) / 1e9
            return gigabytes >= 10 ? "\(Int(gigabytes.rounded())) GB" : "\((gigabytes * 10).rounded() / 10) GB"
        }
        throw readers[index].error(key, "the lesson's runs would record up to \(Self.millions(total)) trace values "
            + "(about \(gb(total, 8)) in memory and \(gb(total, Self.csvBytesPerValue)) of CSV), past the budget of "
            + "\(Self.millions(Self.valueBudget)) per lesson; run '\(runs[index].id)'"
            + (sweepBases.values.contains(runs[index].id) ? " and the sweeps built on it record " : " records ")
            + "\(Self.millions(largest)): use fewer \(key)")
    }

    /// `1.2 billion`, `350 million`, `12,345`.
    static func millions(_ count: Int) -> String {
        if count >= 1_000_000_000 { return "\((Double(count) / 1e8).rounded() / 10) billion" }
        if count >= 1_000_000 { return "\(Int((Double(count) / 1e6).rounded())) million" }
        return "\(count)"
    }

    private func checkUnique(_ ids: [String], key: String, what: String) throws {
        var seen = Set<String>()
        for (i, id) in ids.enumerated() {
            guard seen.insert(id).inserted else { throw root.error("\(key)[\(i)].id", "duplicate \(what) '\(id)'") }
        }
    }

    func checkIdentifier(_ reader: TableReader, _ key: String, _ value: String) throws {
        let ok = !value.isEmpty && value.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }
        guard ok else { throw reader.error(key, "'\(value)' is not a valid id (letters, digits, '-' and '_' only)") }
    }

    // MARK: problem

    /// `[problem]` (one problem, id `main`) or `[[problems]]` (each with an id), not both.
    private func decodeProblems() throws -> [Problem] {
        let single = try root.table("problem")
        let many = try root.tables("problems")
        switch (single, many.isEmpty) {
        case (let one?, true): return [try decodeProblem(one, id: "main")]
        case (nil, false):
            var problems: [Problem] = []
            for reader in many {
                let id = try reader.requiredString("id")
                try checkIdentifier(reader, "id", id)
                guard !problems.contains(where: { $0.id == id }) else { throw reader.error("id", "duplicate problem id '\(id)'") }
                problems.append(try decodeProblem(reader, id: id))
            }
            return problems
        case (nil, true): throw root.error("problem", "is required (a [problem] table, or [[problems]] with ids)")
        case (.some, false): throw root.error("problems", "give [problem] or [[problems]], not both")
        }
    }

    /// The problem a run, figure or table names with `problem = "id"` (the only one when there is one).
    func problem(named reader: TableReader, in problems: [Problem]) throws -> Problem {
        guard let id = try reader.string("problem") else {
            guard problems.count == 1 else {
                throw reader.error("problem", "this lesson has several problems; name one (\(problems.map(\.id).joined(separator: ", ")))")
            }
            return problems[0]
        }
        guard let p = problems.first(where: { $0.id == id }) else {
            throw reader.error("problem", "no problem has the id '\(id)' (problems: \(problems.map(\.id).joined(separator: ", ")))")
        }
        return p
    }

    private func decodeProblem(_ r: TableReader, id: String) throws -> Problem {
        let label = try r.string("label") ?? id
        let expression = try r.string("objective")
        let builtin = try r.string("builtin")
        let curvatures = try r.doubles("curvatures")
        let names = try r.strings("parameters")
        let source: Problem.Source
        let declarations: [ParameterDeclaration]
        switch (expression, builtin) {
        case (let e?, nil):
            guard curvatures == nil else { throw r.error("curvatures", "only a builtin quadratic takes curvatures") }
            guard let names, !names.isEmpty else {
                throw r.error("parameters", "is required: the names of the parameters, in order (a[4] for a vector, C[3,3] for a matrix)")
            }
            source = .expression(e)
            declarations = try decodeDeclarations(r, names)
        case (nil, let b?):
            do {
                declarations = try BuiltinObjective(named: b, parameterNames: names, curvatures: curvatures).parameterNames
                    .map { ParameterDeclaration(name: $0) }
            } catch {
                throw r.error(curvatures != nil && b == "quadratic" ? "curvatures" : "builtin", error.message)
            }
            source = .builtin(name: b, curvatures: curvatures ?? [])
        case (nil, nil): throw r.error(nil, "needs either 'objective' (an expression) or 'builtin' (a named objective)")
        case (.some, .some): throw r.error("builtin", "give either 'objective' or 'builtin', not both")
        }
        let parameters = declarations.flatMap(\.elementNames)
        for (i, p) in parameters.enumerated() where parameters.firstIndex(of: p) != i {
            throw r.error("parameters", "the name '\(p)' appears twice")
        }
        let constants = try decodeConstants(r)
        let start = try decodeElements(r, "start", declarations: declarations, parameters: parameters, constants: constants)!
        if !constants.isEmpty, case .builtin = source { throw r.error("constants", "only an 'objective' expression uses constants") }
        var dataFile: String? = nil, data: DataTable? = nil
        if let name = try r.string("data") {
            dataFile = name
            data = try lessonCSV(r, "data", name)
        }
        let columns = data?.columnNames ?? []
        for p in parameters where columns.contains(p) {
            throw r.error("parameters", "'\(p)' is both a parameter and a data column")
        }
        let compile = { (text: String) throws(ExpressionError) -> ExpressionObjective in
            try ExpressionObjective(expression: text, parameters: declarations, constants: constants, data: data)
        }
        if case .expression(let e) = source {
            do { _ = try compile(e) } catch { throw r.error("objective", error.message) }
        }
        let model = try r.string("model")
        if let m = model {
            guard data != nil else { throw r.error("model", "a model needs a data file ('data')") }
            // One number per row (a prediction, a probability) or a vector of class probabilities.
            let shape: ArrayShape
            do {
                shape = try ArrayExpression(expression: m, parameters: declarations, constants: constants, data: data).shape
            } catch { throw r.error("model", error.message) }
            guard shape.rank <= 1 else { throw r.error("model", "is \(shape.noun); a model gives one number or a vector of class probabilities per row") }
        }
        let expected = try decodeElements(r, "expected", declarations: declarations, parameters: parameters, constants: constants)
        let expectedLoss = try r.double("expected_loss")
        let expectedLabel = try r.string("expected_label") ?? "the expected answer"
        var terms: [(name: String, expression: String)] = []
        if let table = try r.table("terms") {
            guard case .expression = source else { throw r.error("terms", "only an 'objective' expression has terms (builtins name their own)") }
            for name in table.keys {
                let text = try table.requiredString(name)
                do { _ = try compile(text) } catch { throw table.error(name, error.message) }
                terms.append((name, text))
            }
            try table.finish()
        }
        let view = try r.table("view").map { try decodeView($0, parameters: parameters) }
        try r.finish()
        return Problem(id: id, label: label, source: source, declarations: declarations, parameters: parameters,
                       constants: constants, terms: terms, start: start, dataFile: dataFile, data: data,
                       model: model, expected: expected, expectedLoss: expectedLoss, expectedLabel: expectedLabel,
                       view: view)
    }

    private func decodeView(_ r: TableReader, parameters: [String]) throws -> Problem.View {
        func parameter(_ key: String) throws -> String? {
            guard let name = try r.string(key) else { return nil }
            guard parameters.contains(name) else {
                throw r.error(key, "'\(name)' is not a parameter (parameters: \(parameters.joined(separator: ", ")))")
            }
            return name
        }
        func range(_ key: String) throws -> ClosedRange<Double>? {
            guard let v = try r.doubles(key) else { return nil }
            guard v.count == 2, v[0] < v[1] else { throw r.error(key, "expected [low, high] with low < high") }
            return v[0]...v[1]
        }
        guard let x = try parameter("x") else { throw r.error("x", "is required: the parameter on the horizontal axis") }
        let y = try parameter("y")
        guard let xRange = try range("x_range") else { throw r.error("x_range", "is required: [low, high]") }
        let yRange = try range("y_range")
        if y != nil && yRange == nil { throw r.error("y_range", "is required when 'y' is set") }
        if y == nil && yRange != nil { throw r.error("y", "is required when 'y_range' is set") }
        if let y, y == x { throw r.error("y", "must differ from 'x'") }
        var hold: [String: Double] = [:]
        if let h = try r.table("hold") {
            for key in h.keys {
                guard parameters.contains(key) else { throw h.error(key, "'\(key)' is not a parameter") }
                guard key != x && key != y else { throw h.error(key, "'\(key)' is on an axis; it cannot be held") }
                hold[key] = try h.double(key)
            }
            try h.finish()
        }
        let logColor = try r.bool("log_color")
        try r.finish()
        return Problem.View(x: x, y: y, xRange: xRange, yRange: yRange, hold: hold, logColor: logColor)
    }
}
