import Engine
import Foundation
import Testing
@testable import Lessons

/// Valid lesson text decodes into the runs, sweeps, problems, figures and tables it declares.
@Suite("Lesson decoding")
struct LessonDecodingTests {
    @Test func minimalLessonTakesTheDefaults() throws {
        let lesson = try LessonText.parse(LessonText.minimal)
        #expect(lesson.id == "t" && lesson.title == "T" && lesson.subtitle == nil && lesson.question == nil)
        #expect(lesson.file == LessonText.file)
        let problem = try #require(lesson.problems.first)
        #expect(lesson.problems.count == 1)
        #expect(problem.id == "main" && problem.label == "main")
        #expect(problem.source == .expression("x^2 + 10*y^2"))
        #expect(problem.parameters == ["x", "y"] && problem.start == [1, 2])
        #expect(problem.expectedLabel == "the expected answer")
        let run = try #require(lesson.run("a"))
        #expect(run.label == "a" && run.problemID == "main" && run.sweep == nil)
        #expect(run.spec.optimizer.convention == .keras)
        #expect(run.spec.optimizer.learningRate == 0.01)
        #expect(run.spec.stop.maxSteps == 10 && run.spec.stop.maxEpochs == nil)
        #expect(run.spec.stop.divergenceFactor == 1e6)
        #expect(run.spec.schedule == .constant)
        #expect(run.spec.start == [1, 2])
        #expect(lesson.notes.isEmpty && lesson.figures.isEmpty && lesson.tables.isEmpty && lesson.checks.isEmpty)
    }

    @Test func runKeysReachTheSpec() throws {
        let lesson = try LessonText.parse("""
            title = "T"

            [problem]
            objective = "(y - (a*x + b))^2"
            parameters = ["a", "b"]
            start = [0, 0]
            data = "data.csv"

            [[runs]]
            id = "r"
            label = "R"
            optimizer = "sgd"
            convention = "pytorch"
            lr = 0.05
            momentum = 0.9
            nesterov = true
            epochs = 7
            batch = 2
            shuffle = 42
            gradient_tolerance = 1e-8
            loss_tolerance = 1e-12
            divergence_factor = 100
            schedule = { kind = "exponential", rate = 0.5, steps = 10 }
            box = { a = [-1, 1] }
            fixed = ["b"]
            start = [0.5, 0]

            [[runs]]
            id = "s"
            optimizer = "adagrad"
            steps = 3
            batch = "full"
            initial_accumulator = 0.2
            epsilon = 1e-6
            schedule = { kind = "inverse-time", decay = 0.01 }
            simplex = ["a", "b"]
            """)
        let r = try #require(lesson.run("r"))
        #expect(r.label == "R")
        #expect(r.spec.optimizer.kind == .sgd && r.spec.optimizer.convention == .pytorch)
        #expect(r.spec.optimizer.learningRate == 0.05 && r.spec.optimizer.momentum == 0.9 && r.spec.optimizer.nesterov)
        #expect(r.spec.stop.maxEpochs == 7 && r.spec.stop.maxSteps == nil)
        #expect(r.spec.stop.gradientTolerance == 1e-8 && r.spec.stop.lossChangeTolerance == 1e-12)
        #expect(r.spec.stop.divergenceFactor == 100)
        #expect(r.spec.batching.batchSize == 2 && r.spec.batching.shuffleSeed == 42)
        #expect(r.spec.schedule == .exponential(rate: 0.5, steps: 10))
        #expect(r.spec.constraints.boxes == [Constraints.Box(index: 0, lower: -1, upper: 1)])
        #expect(r.spec.constraints.fixed == [1])
        #expect(r.spec.start == [0.5, 0])
        let s = try #require(lesson.run("s"))
        #expect(s.spec.optimizer.kind == .adagrad)
        #expect(s.spec.optimizer.initialAccumulator == 0.2 && s.spec.optimizer.epsilon == 1e-6)
        #expect(s.spec.batching.batchSize == nil)
        #expect(s.spec.schedule == .inverseTime(decay: 0.01))
        #expect(s.spec.constraints.simplexGroups == [[0, 1]])
    }

    @Test func sweepsExpandIntoRunsAfterTheDeclaredOnes() throws {
        let lesson = try LessonText.parse(LessonText.minimal + """


            momentum = 0.5

            [[sweeps]]
            id = "rates"
            run = "a"
            parameter = "lr"
            values = [0.001, 0.02, 0.3]

            [[sweeps]]
            id = "mu"
            run = "a"
            parameter = "momentum"
            values = [0, 0.99]
            label = "mu {value}"

            [[runs]]
            id = "z"
            optimizer = "adam"
            steps = 2

            [[sweeps]]
            id = "b1"
            run = "z"
            parameter = "beta1"
            values = [0.5]
            """)
        #expect(lesson.runs.map(\.id) == ["a", "z", "rates-1", "rates-2", "rates-3", "mu-1", "mu-2", "b1-1"])
        #expect(lesson.sweeps.map(\.id) == ["rates", "mu", "b1"])
        let rates = lesson.runs(named: ["rates"])
        #expect(rates.map { $0.spec.optimizer.learningRate } == [0.001, 0.02, 0.3])
        #expect(rates.allSatisfy { $0.spec.optimizer.momentum == 0.5 && $0.spec.stop.maxSteps == 10 })
        #expect(rates.map(\.label) == ["η = 0.001", "η = 0.02", "η = 0.3"])
        #expect(rates.map { $0.sweep?.id } == ["rates", "rates", "rates"])
        #expect(rates.map { $0.sweep?.value } == [.number(0.001), .number(0.02), .number(0.3)])
        let mu = lesson.runs(named: ["mu"])
        #expect(mu.map { $0.spec.optimizer.momentum } == [0, 0.99])
        #expect(mu.map(\.label) == ["mu 0", "mu 0.99"])
        #expect(mu.allSatisfy { $0.spec.optimizer.learningRate == 0.01 })
        #expect(lesson.run("b1-1")?.spec.optimizer.beta1 == 0.5)
        #expect(lesson.run("b1-1")?.label == "β₁ = 0.5")
        // The base run is untouched.
        #expect(lesson.run("a")?.spec.optimizer.learningRate == 0.01)
    }

    @Test(arguments: [
        (0.001, 0.3, 25),
        (0.01, 1.0, 5),
        (1e-4, 0.5, 7),
        (0.003, 0.7, 9),
        (0.002, 0.9, 2),
    ])
    func logRangeHasExactEndpointsAndEqualRatios(from: Double, to: Double, count: Int) throws {
        let lesson = try LessonText.parse(LessonText.minimal + """


            [[sweeps]]
            id = "g"
            run = "a"
            parameter = "lr"
            log_range = [\(from), \(to), \(count)]
            """)
        let values = try #require(lesson.sweeps.first).values.map { $0.number ?? .nan }
        #expect(values.count == count)
        #expect(values.first == from)
        #expect(values.last == to)
        let ratio = to / from
        for k in 1..<values.count {
            let expected = pow(ratio, 1 / Double(count - 1))
            #expect(abs(values[k] / values[k - 1] - expected) < 1e-12 * expected)
        }
        #expect(lesson.runs(named: ["g"]).map { $0.spec.optimizer.learningRate! } == values)
    }

    @Test func severalProblemsAreNamedByRunsFiguresAndChecks() throws {
        let lesson = try LessonText.parse("""
            title = "Two problems"

            [[problems]]
            id = "line"
            label = "a line"
            objective = "(y - (a*x + b))^2"
            parameters = ["a", "b"]
            start = [0, 0]
            data = "data.csv"
            model = "a*x + b"
            expected = [0.5, 0.5]
            expected_loss = 0.25
            expected_label = "least squares"

            [problems.view]
            x = "a"
            y = "b"
            x_range = [-1, 2]
            y_range = [-1, 2]

            [[problems]]
            id = "bowl"
            builtin = "quadratic"
            curvatures = [1, 10]
            start = [-4, 2]

            [[runs]]
            id = "fit"
            problem = "line"
            optimizer = "sgd"
            lr = 0.1
            epochs = 3

            [[runs]]
            id = "roll"
            problem = "bowl"
            optimizer = "rmsprop"
            steps = 4

            [[figures]]
            id = "surface"
            kind = "surface"
            runs = ["fit"]
            caption = "The surface."

            [[figures]]
            id = "data"
            kind = "fit"
            runs = ["fit"]
            x = "x"
            y = "y"
            steps = [0, 3]
            caption = "The fit."

            [[figures]]
            id = "ms"
            kind = "state"
            runs = ["roll"]
            state = "mean_square"
            parameter = "x"
            caption = "The mean square."

            [[tables]]
            id = "steps"
            run = "roll"
            columns = ["step", "epoch", "batch", "lr", "loss", "x", "grad.y", "update.x", "mean_square.y"]
            head = 2
            tail = 0
            digits = 4
            caption = "Steps."

            [[checks]]
            id = "claim"
            problem = "line"
            label = "the claim"
            partials = ["-2*(y - (a*x + b))*x", "-2*(y - (a*x + b))"]
            at = [1, 1]
            """)
        #expect(lesson.problems.map(\.id) == ["line", "bowl"])
        let line = lesson.problems[0], bowl = lesson.problems[1]
        #expect(line.label == "a line" && line.expectedLoss == 0.25 && line.expectedLabel == "least squares")
        #expect(line.model == "a*x + b" && line.dataFile == "data.csv" && line.data?.rowCount == 4)
        #expect(line.view == Problem.View(x: "a", y: "b", xRange: -1...2, yRange: -1...2, hold: [:], logColor: nil))
        #expect(bowl.label == "bowl")
        #expect(bowl.parameters == ["x", "y"])
        #expect(bowl.source == .builtin(name: "quadratic", curvatures: [1, 10]))
        #expect(lesson.run("fit")?.problemID == "line")
        #expect(lesson.run("roll")?.problemID == "bowl")
        #expect(lesson.figures.map(\.kind.name) == [.surface, .fit, .state])
        #expect(lesson.figures[0].aspect == 0.62)
        guard case .fit(_, let steps) = lesson.figures[1].kind else { Issue.record("not a fit figure"); return }
        #expect(steps == [0, 3])
        #expect(lesson.figures[2].kind == .state("mean_square", parameter: "x", FigureSpec.SeriesSettings()))
        let table = try #require(lesson.tables.first)
        #expect(table.head == 2 && table.tail == 0 && table.digits == 4)
        #expect(table.columns.count == 9)
        let check = try #require(lesson.checks.first)
        #expect(check.problemID == "line" && check.label == "the claim" && check.at == [1, 1])
    }

    @Test func inlineTablesAndQuotedKeysDecode() throws {
        let lesson = try LessonText.parse("""
            title = 'Single quotes'
            subtitle = "sub"

            [problem]
            builtin = "rosenbrock"
            start = [-1.5, 2]
            view = { x = "x", y = "y", x_range = [-2, 2], y_range = [-1, 3], log_color = true }

            [[runs]]
            id = "adam_1"
            optimizer = "adam"
            convention = "pytorch"
            lr = 0.01
            beta1 = 0.8
            beta2 = 0.99
            steps = 5
            """)
        #expect(lesson.title == "Single quotes" && lesson.subtitle == "sub")
        #expect(lesson.problems[0].view?.logColor == true)
        #expect(lesson.problems[0].parameters == ["x", "y"])
        let run = try #require(lesson.run("adam_1"))
        #expect(run.spec.optimizer.beta1 == 0.8 && run.spec.optimizer.beta2 == 0.99)
    }

    @Test func notesInsertsMayNameEveryKindOfId() throws {
        let lesson = try LessonText.parse(LessonText.minimal + """


            [[figures]]
            id = "l"
            kind = "loss"
            runs = ["a"]
            caption = "c"

            [[tables]]
            id = "t"
            run = "a"
            columns = ["step"]
            caption = "c"

            [[checks]]
            id = "k"
            partials = ["2*x", "20*y"]
            """, notes: "{{figure l}}\n{{table t}}\n{{check k}}\n{{rule a}}\n{{results}}\n")
        #expect(lesson.notes.count == 5)
    }
}

/// Sweeps of any setting and grids decode into typed values.
@Suite("Lesson decoding: settings and grids")
struct LessonSettingDecodingTests {
    @Test func sweepsTakeWordsFlagsSchedulesAndBatches() throws {
        let lesson = try LessonText.parse(LessonText.minimal + """


            [[sweeps]]
            id = "opt"
            run = "a"
            parameter = "optimizer"
            values = ["sgd", "adam"]

            [[sweeps]]
            id = "sched"
            run = "a"
            parameter = "schedule"
            values = ["constant", "step:5:0.5"]

            [[sweeps]]
            id = "budget"
            run = "a"
            parameter = "steps"
            range = [10, 30, 3]
            """)
        #expect(lesson.runs(named: ["opt"]).map { $0.spec.optimizer.kind } == [.sgd, .adam])
        #expect(lesson.runs(named: ["opt"]).map(\.label) == ["optimizer = sgd", "optimizer = adam"])
        #expect(lesson.runs(named: ["sched"]).map(\.spec.schedule) == [.constant, .step(every: 5, factor: 0.5)])
        #expect(lesson.runs(named: ["budget"]).map { $0.spec.stop.maxSteps } == [10, 20, 30])
        #expect(lesson.sweeps.map(\.setting) == [.optimizer, .schedule, .steps])
    }

    @Test func gridsKeepTheirAxesAndMapsNameThem() throws {
        let lesson = try LessonText.parse(LessonText.minimal + """


            [[grids]]
            id = "g"
            run = "a"
            x = { setting = "lr", log_range = [0.001, 0.1, 3] }
            y = { setting = "momentum", values = [0, 0.5, 0.9] }

            [[figures]]
            id = "m"
            kind = "map"
            runs = ["g"]
            color_floor = 1e-9
            caption = "c"
            """)
        let grid = try #require(lesson.grids.first)
        #expect(grid.id == "g" && grid.baseRunID == "a" && grid.x.setting == .learningRate && grid.x.spacing == .log)
        #expect(grid.y.values == [.number(0), .number(0.5), .number(0.9)] && grid.y.spacing == .listed)
        let figure = try #require(lesson.figures.first)
        #expect(figure.kind == .map(shows: .finalLoss, colorFloor: 1e-9) && figure.runs == ["g"])
    }
}
