import Testing
@testable import Lessons

/// Exercise blocks in `notes.md`, `{{trace}}` numbers, table blanks and filmstrips: what a lesson
/// reads, and the one line each mistake gives.
@Suite("Exercises")
struct ExerciseTests {
    /// Lines 1–28: a bowl, a Keras momentum run of 10 steps, a table with blanks, a surface and a
    /// state figure.
    static let toml = """
        title = "T"

        [problem]
        objective = "0.5*(x^2 + 10*y^2)"
        parameters = ["x", "y"]
        start = [-4, 2]
        view = { x = "x", y = "y", x_range = [-5, 5], y_range = [-3, 3] }

        [[runs]]
        id = "k"
        optimizer = "sgd"
        lr = 0.02
        momentum = 0.9
        steps = 10

        [[tables]]
        id = "v"
        run = "k"
        columns = ["step", "x", "velocity.x"]
        head = 4
        blank = { x = [1, 2], "velocity.x" = [1] }
        caption = "The velocity."

        [[figures]]
        id = "paths"
        kind = "surface"
        runs = ["k"]
        caption = "Paths."
        """

    static let notes = """
        ## First

        Prose.

        ::: exercise compute lines=5
        Compute v~2~ from v~1~ = {{trace k 1 velocity.x}}.

        {{table v}}
        ::: answer
            v_2 = {{trace k 2 velocity.x 3}}
        :::

        ## Second

        ::: exercise predict
        Sketch the path.

        {{figure paths}}
        ::: answer
        It ends at x = {{trace k last x}}.
        :::

        {{figure paths}}
        """

    @Test func exercisesAreReadApartFromTheHandoutsBlocks() throws {
        let lesson = try LessonText.parse(Self.toml, notes: Self.notes)
        #expect(lesson.notes == [.heading("First"), .paragraph("Prose."), .heading("Second"), .insert(kind: "figure", id: "paths")])
        #expect(lesson.exercises.count == 2)
        let compute = lesson.exercises[0]
        #expect(compute.kind == .compute && compute.lines == 5 && compute.section == "First" && compute.line == 5)
        #expect(compute.question == [.paragraph("Compute v<sub>2</sub> from v<sub>1</sub> = \(TraceReference.marker(0))."),
                                     .insert(kind: "table", id: "v")])
        #expect(compute.answer == [.formula("v<sub>2</sub> = \(TraceReference.marker(1))")])
        let predict = lesson.exercises[1]
        #expect(predict.kind == .predict && predict.lines == nil && predict.section == "Second" && predict.line == 15)
        #expect(predict.inserts("figure") == ["paths"])
        #expect(lesson.traceReferences == [
            TraceReference(run: "k", step: .number(1), column: "velocity.x", digits: 6, file: LessonText.notesFile, line: 6),
            TraceReference(run: "k", step: .number(2), column: "velocity.x", digits: 3, file: LessonText.notesFile, line: 10),
            TraceReference(run: "k", step: .last, column: "x", digits: 6, file: LessonText.notesFile, line: 20),
        ])
        #expect(lesson.tables[0].blanks == [TableBlank(column: "x", steps: [1, 2]), TableBlank(column: "velocity.x", steps: [1])])
    }

    @Test func markersAreFoundInOrder() {
        let text = "a \(TraceReference.marker(3)) b \(TraceReference.marker(12))"
        #expect(TraceReference.markers(in: text).map(\.index) == [3, 12])
        #expect(TraceReference.markers(in: "plain").isEmpty)
    }

    /// A broken notes file (with the valid `toml`) and its line.
    struct Broken: CustomTestStringConvertible, Sendable {
        var name: String
        var notes: String
        var message: String
        var testDescription: String { name }
    }

    static let n = LessonText.notesFile
    static let answer = "::: answer\nA.\n:::\n"

    static let brokenNotes: [Broken] = [
        Broken(name: "unknown kind", notes: "::: exercise guess\nQ?\n" + answer,
               message: "\(n) line 1: unknown exercise kind 'guess' (expected compute, predict, explain)"),
        Broken(name: "no kind", notes: "::: exercise\nQ?\n" + answer,
               message: "\(n) line 1: '::: exercise' needs a kind: compute, predict, explain"),
        Broken(name: "bad option", notes: "::: exercise explain space=3\nQ?\n" + answer,
               message: "\(n) line 1: unknown exercise option 'space=3' (expected lines=N, N from 0 to 40: the ruled lines of writing space)"),
        Broken(name: "answer without a question", notes: "Text.\n\n::: exercise explain\n\n::: answer\nA.\n:::\n",
               message: "\(n) line 5: an answer without a question: write the question between '::: exercise' and '::: answer'"),
        Broken(name: "no answer", notes: "::: exercise explain\nQ?\n:::\n",
               message: "\(n) line 3: the exercise of line 1 ends without an answer (write it after '::: answer')"),
        Broken(name: "empty answer", notes: "::: exercise explain\nQ?\n::: answer\n\n:::\n",
               message: "\(n) line 5: '::: answer' is empty: write the answer before ':::'"),
        Broken(name: "unclosed", notes: "## S\n\n::: exercise explain\nQ?\n::: answer\nA.\n",
               message: "\(n) line 3: the exercise has no closing ':::'"),
        Broken(name: "nested", notes: "::: exercise explain\nQ?\n::: exercise compute\n",
               message: "\(n) line 3: an exercise cannot hold another (close the one of line 1 with ':::' first)"),
        Broken(name: "answer outside", notes: "Text.\n::: answer\n",
               message: "\(n) line 2: '::: answer' outside an exercise (start one with '::: exercise KIND')"),
        Broken(name: "close outside", notes: ":::\n",
               message: "\(n) line 1: ':::' closes nothing (an exercise starts with '::: exercise KIND')"),
        Broken(name: "unknown block", notes: "::: note\n",
               message: "\(n) line 1: unknown block '::: note' (expected '::: exercise KIND', '::: answer' or ':::')"),
        Broken(name: "heading inside", notes: "::: exercise explain\n## Q\n" + answer,
               message: "\(n) line 2: a heading cannot stand inside an exercise; close it with ':::' first"),
        Broken(name: "results inside", notes: "::: exercise explain\nQ?\n{{results}}\n" + answer,
               message: "\(n) line 3: an exercise may place {{figure ID}}, {{table ID}} and {{rule RUN}}; {{results}} belongs to the notes outside it"),
        Broken(name: "trace outside", notes: "x is {{trace k 1 x}}.\n",
               message: "\(n) line 1: {{trace …}} numbers go inside exercise blocks (between '::: exercise KIND' and ':::')"),
        Broken(name: "trace without a column", notes: "::: exercise explain\nQ {{trace k 1}}?\n" + answer,
               message: "\(n) line 2: {{trace …}} needs a run, a step and a column, as in {{trace keras 2 velocity.x}} (run, step or 'last', column, optionally significant digits)"),
        Broken(name: "trace with a bad step", notes: "::: exercise explain\nQ {{trace k first x}}?\n" + answer,
               message: "\(n) line 2: step 'first' in {{trace …}} is not a whole number ≥ 0 or 'last', as in {{trace keras 2 velocity.x}} (run, step or 'last', column, optionally significant digits)"),
        Broken(name: "trace with bad digits", notes: "::: exercise explain\nQ?\n::: answer\n{{trace k 1 x 20}}\n:::\n",
               message: "\(n) line 4: digits '20' in {{trace …}} must be a whole number from 1 to 15"),
        Broken(name: "trace unclosed", notes: "::: exercise explain\nQ {{trace k 1 x?\n" + answer,
               message: "\(n) line 2: '{{trace' without a closing '}}'"),
        Broken(name: "trace naming no run", notes: "::: exercise explain\nQ?\n::: answer\n{{trace q 1 x}}\n:::\n",
               message: "\(n) line 4: {{trace q …}} names no run (runs: k)"),
        Broken(name: "trace naming no column", notes: "::: exercise explain\nQ {{trace k 1 buffer.x}}?\n" + answer,
               message: "\(n) line 2: {{trace k …}}: unknown column 'buffer.x' (expected lr, loss, a parameter, or grad., update., velocity. followed by a parameter)"),
        Broken(name: "trace past the run's end", notes: "::: exercise explain\nQ {{trace k 11 x}}?\n" + answer,
               message: "\(n) line 2: {{trace k 11 …}}: step 11 is past the end of run 'k' (it takes at most 10 steps; 'last' names its last row)"),
        Broken(name: "figure naming nothing", notes: "::: exercise explain\nQ?\n\n{{figure nope}}\n" + answer,
               message: "\(n) line 4: {{figure nope}} names no figure in lesson.toml (known: paths)"),
    ]

    @Test(arguments: brokenNotes)
    func brokenNotesGiveOneLine(_ broken: Broken) {
        // The valid table with blanks needs an exercise placing it; these cases test the notes alone.
        let toml = Self.toml.replacingOccurrences(of: "blank = { x = [1, 2], \"velocity.x\" = [1] }\n", with: "")
        #expect(LessonText.failure(toml, notes: broken.notes) == broken.message)
    }

    /// A broken lesson file (with the valid notes) and its line.
    static let brokenFiles: [(String, String, String)] = [
        ("blank on a column the table lacks", "blank = { x = [1, 2], \"velocity.x\" = [1] }", "blank = { y = [1] }"),
        ("blank on the step column", "blank = { x = [1, 2], \"velocity.x\" = [1] }", "blank = { step = [1] }"),
        ("blank below the rows shown", "blank = { x = [1, 2], \"velocity.x\" = [1] }", "blank = { x = [4] }"),
        ("blank without steps", "blank = { x = [1, 2], \"velocity.x\" = [1] }", "blank = { x = [] }"),
        ("filmstrip step past the runs", "kind = \"surface\"", "kind = \"filmstrip\"\nsteps = [0, 12]"),
    ]
    static let brokenFileMessages = [
        "\(LessonText.file) line 21, key 'tables[0].blank.y': 'y' is not a column of this table that can be blanked (columns: x, velocity.x)",
        "\(LessonText.file) line 21, key 'tables[0].blank.step': 'step' is not a column of this table that can be blanked (columns: x, velocity.x)",
        "\(LessonText.file) line 21, key 'tables[0].blank.x[0]': step 4.0 is not a row the table shows from the top (steps 0 to 3, head = 4)",
        "\(LessonText.file) line 21, key 'tables[0].blank.x': expected the steps to blank, as in \"x\" = [1, 2]",
        "\(LessonText.file) line 27, key 'figures[0].steps[1]': step 12 is past the end of the runs (they take at most 10 steps)",
    ]

    @Test(arguments: zip(brokenFiles, brokenFileMessages))
    func brokenLessonFilesGiveOneLine(_ broken: (String, String, String), _ message: String) {
        #expect(LessonText.failure(Self.toml.replacingOccurrences(of: broken.1, with: broken.2), notes: Self.notes) == message,
                "\(broken.0)")
    }

    @Test func aTableWithBlanksNeedsAnExercisePlacingIt() {
        let notes = "## Only prose\n\n{{table v}}\n"
        #expect(LessonText.failure(Self.toml, notes: notes)
            == "\(LessonText.file) line 21, key 'tables[0].blank': blanks print only in a worksheet: place the table in an exercise block with {{table v}}")
    }

    @Test func aPredictionNeedsAFigureWithEmptyAxes() {
        let toml = Self.toml + "\n\n[[figures]]\nid = \"vel\"\nkind = \"starts\"\nruns = [\"k\"]\ncaption = \"V.\"\n"
        let notes = Self.notes + "\n\n::: exercise predict\nSketch.\n\n{{figure vel}}\n::: answer\nA.\n:::\n"
        #expect(LessonText.failure(toml, notes: notes)
            == "\(LessonText.notesFile) line 28: a prediction shows {{figure vel}} as empty axes, which a 'starts' figure has not (kinds that have: surface, grid, curve, loss, gradient-norm, parameter, state, learning-rate, fit, boundary, final-loss, filmstrip); put it in the answer")
    }

    @Test func aFilmstripNeedsATwoParameterView() {
        let toml = Self.toml.replacingOccurrences(of: "view = { x = \"x\", y = \"y\", x_range = [-5, 5], y_range = [-3, 3] }\n", with: "")
            .replacingOccurrences(of: "kind = \"surface\"", with: "kind = \"filmstrip\"")
        #expect(LessonText.failure(toml, notes: Self.notes)
            == "\(LessonText.file) line 25, key 'figures[0].kind': a 'filmstrip' figure needs [problem.view] with both 'x' and 'y'")
    }
}
