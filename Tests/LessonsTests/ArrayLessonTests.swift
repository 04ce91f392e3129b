import Engine
import Testing
@testable import Lessons

/// Lessons with vector and matrix parameters: declarations, constants, starts by name and
/// constraints on arrays, read from lesson text.
@Suite("Array lessons")
struct ArrayLessonTests {
    static let lesson = """
        title = "T"

        [problem]
        objective = "sumsq(y - (a @ C + b*(a @ C)^2)) + lambda*sumsq(diag(M)) + mean(t)*0"
        parameters = ["a[3]", "b", "M[2,2]"]
        constants = { lambda = 0.5, y = [[1, 2]], C = [[1, 0], [0, 1], [1, 1]], t = { file = "data.csv", column = "y" } }
        start = { a = [0.2, 0.3, 0.5], b = 1, M = { uniform = [-1, 1], seed = 7 } }

        [[runs]]
        id = "r"
        optimizer = "sgd"
        lr = 0.01
        steps = 3
        simplex = ["a"]
        box = { b = [-2, 2], M = [-1, 1] }
        fixed = ["diag(M)"]
        """

    @Test("declarations, constants, starts and constraints on arrays")
    func decodes() throws {
        let lesson = try LessonText.parse(Self.lesson)
        let problem = lesson.problems[0]
        #expect(problem.declarations.map(\.description) == ["a[3]", "b", "M[2,2]"])
        #expect(problem.parameters == ["a[0]", "a[1]", "a[2]", "b", "M[0,0]", "M[0,1]", "M[1,0]", "M[1,1]"])
        #expect(problem.constants["lambda"] == ArrayValue(0.5))
        #expect(problem.constants["C"] == ArrayValue(matrix: [[1, 0], [0, 1], [1, 1]]))
        #expect(problem.constants["t"] == ArrayValue(vector: [0, 1, 2, 1]))
        #expect(Array(problem.start[0..<4]) == [0.2, 0.3, 0.5, 1])
        var generator = SeededGenerator(seed: 7)
        #expect(Array(problem.start[4...]) == (0..<4).map { _ in -1 + 2 * generator.unit() })
        let constraints = lesson.runs[0].spec.constraints
        #expect(constraints.simplexGroups == [[0, 1, 2]])
        #expect(constraints.boxes.map(\.index) == [3, 4, 5, 6, 7])
        #expect(constraints.fixed == [4, 7])
        #expect(problem.indices(of: "a[1]") == [1] && problem.indices(of: "M") == [4, 5, 6, 7] && problem.indices(of: "q") == nil)
        // The objective compiles over the declarations and constants, with exact gradients.
        let objective = try problem.objective("sumsq(y - (a @ C + b*(a @ C)^2))")
        let s = [0.2 + 0.5, 0.3 + 0.5]
        let expected = zip([1.0, 2.0], s).map { y, s in (y - (s + s * s)) * (y - (s + s * s)) }.reduce(0, +)
        #expect(abs(objective.lossValue(at: problem.start) - expected) < 1e-12)
    }

    @Test("a run's own start is a table too")
    func runStart() throws {
        let lesson = try LessonText.parse(Self.lesson.replacingOccurrences(of: "steps = 3", with: "steps = 3\nstart = { a = 0.25, b = 0, M = 0 }"))
        #expect(lesson.runs[0].spec.start == [0.25, 0.25, 0.25, 0, 0, 0, 0, 0])
    }

    static let figures = """

        [[figures]]
        id = "slice"
        kind = "simplex-slice"
        runs = ["r"]
        x = "a[1]"
        y = "a[2]"
        fill = "a[0]"
        solve = "b"
        caption = "c"

        [[figures]]
        id = "pictures"
        kind = "images"
        runs = ["r"]
        steps = [0, 3]
        images = [{ expression = "M - 1", title = "M minus one", scale = "value" }, { expression = "a @ C", title = "s" }]
        caption = "c"
        """

    @Test("expected from a constant; simplex slices solve a boxed parameter; images of array expressions")
    func figureKeys() throws {
        let text = Self.lesson.replacingOccurrences(of: "start = { a = [0.2, 0.3, 0.5], b = 1, M = { uniform = [-1, 1], seed = 7 } }",
                                                    with: "start = { a = [0.2, 0.3, 0.5], b = 1, M = { uniform = [-1, 1], seed = 7 } }\nexpected = { a = [1, 0, 0], b = \"lambda\", M = \"Q\" }")
            .replacingOccurrences(of: "lambda = 0.5,", with: "lambda = 0.5, Q = [[1, 2], [3, 4]],") + Self.figures
        let lesson = try LessonText.parse(text)
        #expect(lesson.problems[0].expected == [1, 0, 0, 0.5, 1, 2, 3, 4])
        let slice = lesson.figures[0], pictures = lesson.figures[1]
        guard case .simplexSlice(let settings) = slice.kind else { Issue.record("not a simplex slice"); return }
        #expect(settings.solve == "b")
        #expect(pictures.kind == .images([FigureSpec.ImageSpec(expression: "M - 1", title: "M minus one", scale: "value"),
                                          FigureSpec.ImageSpec(expression: "a @ C", title: "s")], steps: [0, 3]))
    }

    @Test("mistakes in figure keys and expected values are one line with the key", arguments: [
        ("solve = \"b\"", "solve = \"a[1]\"", "lessons/t/lesson.toml line 24, key 'figures[0].solve': 'a[1]' is in the simplex the slice shows; solve a parameter outside it"),
        ("solve = \"b\"", "solve = \"q\"", "lessons/t/lesson.toml line 24, key 'figures[0].solve': 'q' is not a parameter (parameters: a[0], a[1], a[2], b, M[0,0], M[0,1], M[1,0], M[1,1])"),
        ("box = { b = [-2, 2], M = [-1, 1] }", "box = { M = [-1, 1] }", "lessons/t/lesson.toml line 24, key 'figures[0].solve': run 'r' has no box for 'b' (box = { b = [low, high] }): solving needs its interval"),
        ("expression = \"a @ C\"", "expression = \"sum(a)\"", "lessons/t/lesson.toml line 32, key 'figures[1].images[1].expression': is a number; an image needs a vector or a matrix (e.g. T - Y)"),
        ("expression = \"a @ C\"", "expression = \"a @ M\"", "lessons/t/lesson.toml line 32, key 'figures[1].images[1].expression': @: shapes [3] and [2,2] don't match at column 3"),
        (", title = \"s\" }", " }", "lessons/t/lesson.toml line 32, key 'figures[1].images[1].title': is required (a string)"),
        ("kind = \"images\"", "kind = \"loss\"", "lessons/t/lesson.toml line 32, key 'figures[1].images': only 'images' figures take 'images'"),
    ])
    func figureMistakes(original: String, broken: String, message: String) {
        let text = Self.lesson + Self.figures
        #expect(text.contains(original))
        #expect(LessonText.failure(text.replacingOccurrences(of: original, with: broken)) == message)
    }

    @Test("an expected table names a constant that exists and has the parameter's shape", arguments: [
        ("expected = { a = 0, b = 0, M = \"nope\" }", "lessons/t/lesson.toml line 8, key 'problem.expected.M': no constant is named 'nope' (constants: C, lambda, t, y)"),
        ("expected = { a = 0, b = 0, M = \"C\" }", "lessons/t/lesson.toml line 8, key 'problem.expected.M': the constant 'C' has shape [3,2]; 'M[2,2]' needs [2,2]"),
        ("expected = { a = 0, b = 0 }", "lessons/t/lesson.toml line 8, key 'problem.expected': gives no expected for 'M' (a number, its elements, or a constant's name)"),
    ])
    func expectedMistakes(line: String, message: String) {
        let text = Self.lesson.replacingOccurrences(of: "start = { a = [0.2, 0.3, 0.5], b = 1, M = { uniform = [-1, 1], seed = 7 } }",
                                                    with: "start = { a = [0.2, 0.3, 0.5], b = 1, M = { uniform = [-1, 1], seed = 7 } }\n" + line)
        #expect(LessonText.failure(text) == message)
    }

    @Test("mistakes in array lessons are one line with the key", arguments: [
        ("\"a[3]\", \"b\"", "\"a[0]\", \"b\"", "lessons/t/lesson.toml line 5, key 'problem.parameters[0]': parameter 'a[0]': dimension 0 must be at least 1"),
        ("\"a[3]\", \"b\"", "\"a[3]\", \"a\"", "lessons/t/lesson.toml line 5, key 'problem.parameters': the name 'a' appears twice"),
        ("b = 1, M", "M", "lessons/t/lesson.toml line 7, key 'problem.start': gives no start for 'b' (a number, its elements, a constant's name, or { uniform = [low, high], seed = S })"),
        ("a = [0.2, 0.3, 0.5]", "a = [0.2, 0.3]", "lessons/t/lesson.toml line 7, key 'problem.start.a': has shape [2]; 'a[3]' needs [3]"),
        ("uniform = [-1, 1]", "uniform = [1, -1]", "lessons/t/lesson.toml line 7, key 'problem.start.M.uniform': expected [low, high] with low < high"),
        ("column = \"y\"", "column = \"z\"", "lessons/t/lesson.toml line 6, key 'problem.constants.t.column': 'z' is not a column of data.csv (columns: x, y)"),
        ("lambda = 0.5", "2lambda = 0.5", "lessons/t/lesson.toml line 6, key 'problem.constants.2lambda': '2lambda' is not a valid name (letters, digits, '_', not starting with a digit)"),
        ("C = [[1, 0], [0, 1], [1, 1]]", "C = [[1, 0], [0, 1, 2], [1, 1]]", "lessons/t/lesson.toml line 6, key 'problem.constants.C[1]': has 3 numbers; row 0 has 2 (a matrix's rows are equally long)"),
        ("file = \"data.csv\"", "file = \"../data.csv\"", "lessons/t/lesson.toml line 6, key 'problem.constants.t.file': '../data.csv' leads outside the lesson folder"),
        ("y = [[1, 2]]", "y = [1, 2, 3]", "lessons/t/lesson.toml line 4, key 'problem.objective': -: shapes [3] and [2] don't match at column 9"),
        ("simplex = [\"a\"]", "simplex = [\"z\"]", "lessons/t/lesson.toml line 14, key 'runs[0].simplex': 'z' is not a parameter (parameters: a, b, M)"),
        ("fixed = [\"diag(M)\"]", "fixed = [\"diag(a)\"]", "lessons/t/lesson.toml line 16, key 'runs[0].fixed': 'diag(a)' is not a parameter (parameters: a, b, M)"),
    ])
    func mistakes(original: String, broken: String, message: String) {
        #expect(Self.lesson.contains(original))
        #expect(LessonText.failure(Self.lesson.replacingOccurrences(of: original, with: broken)) == message)
    }
}

/// Models over data: a vector of class probabilities for `regions`, scalar fields for `field`.
@Suite("Class models and fields")
struct ClassModelLessonTests {
    static let lesson = """
        title = "T"

        [problem]
        objective = "logsumexp(W @ [x1, x2] + b) - (W @ [x1, x2] + b)[label]"
        parameters = ["W[3,2]", "b[3]"]
        start = { W = 0, b = 0 }
        data = "classes.csv"
        model = "softmax(W @ [x1, x2] + b)"

        [[runs]]
        id = "r"
        optimizer = "sgd"
        lr = 0.1
        steps = 3

        [[figures]]
        id = "regions"
        kind = "regions"
        runs = ["r"]
        x = "x1"
        y = "x2"
        class = "label"
        caption = "c"

        [[figures]]
        id = "p"
        kind = "field"
        runs = ["r"]
        x = "x1"
        y = "x2"
        fields = [{ expression = "softmax(W @ [x1, x2] + b)[0]", title = "p0" }]
        caption = "c"
        """
    static func failure(_ text: String) -> String? { LessonText.failure(text) }

    @Test("a vector model, a regions figure and a field figure load")
    func loads() throws {
        let lesson = try LessonText.parse(Self.lesson)
        #expect(lesson.figures.map(\.kind.name) == [.regions, .field])
        guard case .field(_, _, let fields, _) = lesson.figures[1].kind else { Issue.record("not a field figure"); return }
        #expect(fields == [FigureSpec.ImageSpec(expression: "softmax(W @ [x1, x2] + b)[0]", title: "p0")])
    }

    @Test("mistakes name the key", arguments: [
        ("kind = \"regions\"", "kind = \"boundary\"", "lessons/t/lesson.toml line 18, key 'figures[0].kind': a 'boundary' figure draws p = 0.5 of a model that is one probability per row; this model is a vector: use kind = \"regions\""),
        ("model = \"softmax(W @ [x1, x2] + b)\"", "model = \"W\"", "lessons/t/lesson.toml line 8, key 'problem.model': is a [3,2] matrix; a model gives one number or a vector of class probabilities per row"),
        ("[0]\", title = \"p0\"", "\", title = \"p0\"", "lessons/t/lesson.toml line 31, key 'figures[1].fields[0].expression': is a [3] vector; a field gives one number at each point of the plane (e.g. tanh(W[0] @ [x1, x2] + c[0]))"),
        ("class = \"label\"", "class = \"z\"", "lessons/t/lesson.toml line 22, key 'figures[0].class': 'z' is not a data column (columns: x1, x2, label)"),
        ("kind = \"field\"", "kind = \"loss\"", "lessons/t/lesson.toml line 31, key 'figures[1].fields': only 'field' figures take 'fields'"),
    ])
    func mistakes(original: String, broken: String, message: String) {
        #expect(Self.lesson.contains(original))
        #expect(Self.failure(Self.lesson.replacingOccurrences(of: original, with: broken)) == message)
    }
}
