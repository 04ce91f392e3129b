import Testing
@testable import Lessons

/// One broken lesson and the exact line it must produce.
struct BrokenLesson: CustomTestStringConvertible, Sendable {
    var name: String
    var toml: String
    var notes: String? = nil
    var message: String
    var testDescription: String { name }
}

/// A corpus of broken lesson files: each gives exactly one `LessonError` line naming the file,
/// the line and key where known, and the problem. The messages are pinned as the loader writes them.
@Suite("Broken lessons")
struct BrokenLessonTests {
    /// Lines 1–6: a valid problem. Cases that only break a run, figure or table start from it.
    static let head = """
        title = "T"

        [problem]
        objective = "x^2 + 10*y^2"
        parameters = ["x", "y"]
        start = [1, 2]
        """
    /// Lines 1–12: `head` and a valid run `a` (sgd, lr 0.01, 10 steps).
    static let withRun = head + """


        [[runs]]
        id = "a"
        optimizer = "sgd"
        lr = 0.01
        steps = 10
        """

    static let f = "lessons/t/lesson.toml"

    static let syntax: [BrokenLesson] = [
        BrokenLesson(name: "unterminated string", toml: "title = \"T\n", message: "lessons/t/lesson.toml line 1: TOML syntax error: unterminated string: expected '\"' before the end of the line (column 11)"),
        BrokenLesson(name: "unclosed table header", toml: "title = \"T\"\n[problem\nstart = [1]\n", message: "lessons/t/lesson.toml line 2: TOML syntax error: expected ']' to close the header, found the end of the line (column 9)"),
        BrokenLesson(name: "key without value", toml: "title = \"T\"\n\n[problem]\nstart =\n", message: "lessons/t/lesson.toml line 4: TOML syntax error: expected a value (a string, number, true, false, array or table), found the end of the line (column 8)"),
    ]

    static let unknownKeys: [BrokenLesson] = [
        BrokenLesson(name: "unknown root key", toml: "titel = \"U\"\n" + withRun, message: "lessons/t/lesson.toml line 1, key 'titel': unknown key (known keys here: title, subtitle, question, problem, problems, runs, sweeps, grids, figures, tables, checks, analyses)"),
        BrokenLesson(name: "unknown problem key", toml: head + "\nlabels = \"p\"\n", message: "lessons/t/lesson.toml line 7, key 'problem.labels': unknown key (known keys here: label, objective, builtin, curvatures, parameters, constants, start, data, model, expected, expected_loss, expected_label, terms, view)"),
        BrokenLesson(name: "unknown view key", toml: head + """

            [problem.view]
            x = "x"
            x_range = [-1, 1]
            z = "y"
            """ + "\n" + String(withRun.dropFirst(head.count)), message: "lessons/t/lesson.toml line 10, key 'problem.view.z': unknown key (known keys here: x, y, x_range, y_range, hold, log_color)"),
        BrokenLesson(name: "unknown run key", toml: withRun + "\nlearning_rate = 0.1", message: "lessons/t/lesson.toml line 13, key 'runs[0].learning_rate': unknown key (known keys here: id, problem, label, optimizer, convention, lr, momentum, nesterov, dampening, rho, beta1, beta2, epsilon, initial_accumulator, schedule, steps, epochs, gradient_tolerance, loss_tolerance, divergence_factor, batch, shuffle, box, simplex, fixed, start)"),
        BrokenLesson(name: "unknown schedule key", toml: withRun + "\nschedule = { kind = \"step\", every = 5, factor = 0.5, gamma = 2 }", message: "lessons/t/lesson.toml line 13, key 'runs[0].schedule.gamma': unknown key (known keys here: kind, every, factor)"),
        BrokenLesson(name: "box names no parameter", toml: withRun + "\nbox = { x = [0, 1], q = [0, 1] }", message: "lessons/t/lesson.toml line 13, key 'runs[0].box.q': 'q' is not a parameter (parameters: x, y)"),
        BrokenLesson(name: "unknown sweep key", toml: withRun + """


            [[sweeps]]
            id = "s"
            run = "a"
            parameter = "lr"
            values = [0.1, 0.2]
            step = 2
            """, message: "lessons/t/lesson.toml line 19, key 'sweeps[0].step': unknown key (known keys here: id, run, parameter, values, log_range, range, label)"),
        BrokenLesson(name: "unknown figure key", toml: withRun + """


            [[figures]]
            id = "l"
            kind = "loss"
            runs = ["a"]
            caption = "c"
            colour = "red"
            """, message: "lessons/t/lesson.toml line 19, key 'figures[0].colour': unknown key (known keys here: id, kind, title, caption, runs, log_y, step_window, aspect)"),
        BrokenLesson(name: "unknown table key", toml: withRun + """


            [[tables]]
            id = "t"
            run = "a"
            columns = ["step", "x"]
            caption = "c"
            rows = 3
            """, message: "lessons/t/lesson.toml line 19, key 'tables[0].rows': unknown key (known keys here: id, run, columns, head, tail, digits, caption, blank)"),
        BrokenLesson(name: "unknown check key", toml: withRun + """


            [[checks]]
            id = "c"
            partials = ["2*x", "20*y"]
            point = [0, 0]
            """, message: "lessons/t/lesson.toml line 17, key 'checks[0].point': unknown key (known keys here: id, problem, label, partials, at)"),
    ]

    static let types: [BrokenLesson] = [
        BrokenLesson(name: "title is a number", toml: "title = 3\n" + String(withRun.dropFirst(12)), message: "lessons/t/lesson.toml line 1, key 'title': expected a string, found the integer 3"),
        BrokenLesson(name: "lr is a string", toml: withRun.replacingOccurrences(of: "lr = 0.01", with: "lr = \"fast\""), message: "lessons/t/lesson.toml line 11, key 'runs[0].lr': expected a number, found the string \"fast\""),
        BrokenLesson(name: "steps is fractional", toml: withRun.replacingOccurrences(of: "steps = 10", with: "steps = 2.5"), message: "lessons/t/lesson.toml line 12, key 'runs[0].steps': expected a whole number, found the number 2.5"),
        BrokenLesson(name: "start is a number", toml: withRun.replacingOccurrences(of: "start = [1, 2]", with: "start = 1"), message: "lessons/t/lesson.toml line 6, key 'problem.start': expected an array of numbers, found the integer 1"),
        BrokenLesson(name: "nesterov is a string", toml: withRun + "\nnesterov = \"yes\"", message: "lessons/t/lesson.toml line 13, key 'runs[0].nesterov': expected true or false, found the string \"yes\""),
        BrokenLesson(name: "runs is a string", toml: "runs = \"a\"\n" + head, message: "lessons/t/lesson.toml line 1, key 'runs': expected an array of tables ([[runs]]), found the string \"a\""),
        BrokenLesson(name: "start holds a string", toml: withRun.replacingOccurrences(of: "start = [1, 2]", with: "start = [1, \"2\"]"), message: "lessons/t/lesson.toml line 6, key 'problem.start[1]': expected a number, found the string \"2\""),
        BrokenLesson(name: "batch is a bool", toml: withRun + "\nbatch = true", message: "lessons/t/lesson.toml line 13, key 'runs[0].batch': expected a string or a whole number, found true"),
    ]

    static let missing: [BrokenLesson] = [
        BrokenLesson(name: "no title", toml: String(withRun.dropFirst(12)), message: "lessons/t/lesson.toml, key 'title': is required (a string)"),
        BrokenLesson(name: "no problem", toml: "title = \"T\"\n\n[[runs]]\nid = \"a\"\noptimizer = \"sgd\"\nsteps = 1\n", message: "lessons/t/lesson.toml, key 'problem': is required (a [problem] table, or [[problems]] with ids)"),
        BrokenLesson(name: "no runs", toml: head, message: "lessons/t/lesson.toml, key 'runs': a lesson needs at least one [[runs]] table"),
        BrokenLesson(name: "no optimizer", toml: withRun.replacingOccurrences(of: "optimizer = \"sgd\"\n", with: ""), message: "lessons/t/lesson.toml line 8, key 'runs[0].optimizer': is required (a string)"),
        BrokenLesson(name: "no start", toml: withRun.replacingOccurrences(of: "start = [1, 2]", with: "label = \"p\""), message: "lessons/t/lesson.toml line 3, key 'problem.start': is required: one number per parameter, or a table by name"),
        BrokenLesson(name: "no objective or builtin", toml: withRun.replacingOccurrences(of: "objective = \"x^2 + 10*y^2\"", with: "label = \"p\""), message: "lessons/t/lesson.toml line 3, key 'problem': needs either 'objective' (an expression) or 'builtin' (a named objective)"),
        BrokenLesson(name: "no steps or epochs", toml: withRun.replacingOccurrences(of: "steps = 10", with: "label = \"r\""), message: "lessons/t/lesson.toml line 8, key 'runs[0].steps': a run needs 'steps' or 'epochs'"),
        BrokenLesson(name: "figure without caption", toml: withRun + "\n\n[[figures]]\nid = \"l\"\nkind = \"loss\"\nruns = [\"a\"]", message: "lessons/t/lesson.toml line 14, key 'figures[0].caption': is required (a string)"),
        // A misspelled required key is named, at its own line.
        BrokenLesson(name: "optimizer misspelled", toml: withRun.replacingOccurrences(of: "optimizer = ", with: "optimiser = "), message: "lessons/t/lesson.toml line 10, key 'runs[0].optimizer': is required (a string); found 'optimiser' instead: a misspelling of 'optimizer'?"),
        BrokenLesson(name: "steps misspelled", toml: withRun.replacingOccurrences(of: "steps = 10", with: "step = 10"), message: "lessons/t/lesson.toml line 12, key 'runs[0].steps': a run needs 'steps' or 'epochs'; found 'step' instead: a misspelling of 'steps'?"),
        BrokenLesson(name: "caption misspelled", toml: withRun + "\n\n[[figures]]\nid = \"l\"\nkind = \"loss\"\nruns = [\"a\"]\ncapton = \"c\"", message: "lessons/t/lesson.toml line 18, key 'figures[0].caption': is required (a string); found 'capton' instead: a misspelling of 'caption'?"),
        BrokenLesson(name: "parameters missing for an expression", toml: withRun.replacingOccurrences(of: "parameters = [\"x\", \"y\"]\n", with: ""), message: "lessons/t/lesson.toml line 3, key 'problem.parameters': is required: the names of the parameters, in order (a[4] for a vector, C[3,3] for a matrix)"),
    ]

    static let ids: [BrokenLesson] = [
        BrokenLesson(name: "run id with a space", toml: withRun.replacingOccurrences(of: "id = \"a\"", with: "id = \"a b\""), message: "lessons/t/lesson.toml line 9, key 'runs[0].id': 'a b' is not a valid id (letters, digits, '-' and '_' only)"),
        BrokenLesson(name: "duplicate run id", toml: withRun + "\n\n[[runs]]\nid = \"a\"\noptimizer = \"adam\"\nsteps = 5", message: "lessons/t/lesson.toml line 15, key 'runs[1].id': duplicate run id 'a'"),
        BrokenLesson(name: "duplicate figure id", toml: withRun + """


            [[figures]]
            id = "l"
            kind = "loss"
            runs = ["a"]
            caption = "c"

            [[figures]]
            id = "l"
            kind = "gradient-norm"
            runs = ["a"]
            caption = "d"
            """, message: "lessons/t/lesson.toml line 21, key 'figures[1].id': duplicate figure id 'l'"),
        BrokenLesson(name: "sweep id taken by a run", toml: withRun + "\n\n[[sweeps]]\nid = \"a\"\nrun = \"a\"\nparameter = \"lr\"\nvalues = [0.1]", message: "lessons/t/lesson.toml line 15, key 'sweeps[0].id': 'a' is already the id of a run or sweep"),
        BrokenLesson(name: "figure names a missing run", toml: withRun + "\n\n[[figures]]\nid = \"l\"\nkind = \"loss\"\nruns = [\"a\", \"b\"]\ncaption = \"c\"", message: "lessons/t/lesson.toml line 17, key 'figures[0].runs[1]': no run or sweep has the id 'b' (runs: a)"),
        BrokenLesson(name: "sweep names a missing run", toml: withRun + "\n\n[[sweeps]]\nid = \"s\"\nrun = \"b\"\nparameter = \"lr\"\nvalues = [0.1]", message: "lessons/t/lesson.toml line 16, key 'sweeps[0].run': no run has the id 'b' (runs: a)"),
        BrokenLesson(name: "table names a missing run", toml: withRun + "\n\n[[tables]]\nid = \"t\"\nrun = \"b\"\ncolumns = [\"step\"]\ncaption = \"c\"", message: "lessons/t/lesson.toml line 16, key 'tables[0].run': no run has the id 'b' (runs: a)"),
    ]

    static let names: [BrokenLesson] = [
        BrokenLesson(name: "unknown optimizer", toml: withRun.replacingOccurrences(of: "\"sgd\"", with: "\"adamw\""), message: "lessons/t/lesson.toml line 10, key 'runs[0].optimizer': unknown optimizer 'adamw' (expected sgd, adagrad, rmsprop, adam)"),
        BrokenLesson(name: "unknown convention", toml: withRun + "\nconvention = \"jax\"", message: "lessons/t/lesson.toml line 13, key 'runs[0].convention': unknown convention 'jax' (expected keras or pytorch)"),
        BrokenLesson(name: "unknown schedule kind", toml: withRun + "\nschedule = { kind = \"cosine\" }", message: "lessons/t/lesson.toml line 13, key 'runs[0].schedule.kind': unknown schedule 'cosine' (expected constant, step, exponential, inverse-time)"),
        BrokenLesson(name: "unknown figure kind", toml: withRun + "\n\n[[figures]]\nid = \"p\"\nkind = \"pie\"\nruns = [\"a\"]\ncaption = \"c\"", message: "lessons/t/lesson.toml line 16, key 'figures[0].kind': unknown figure kind 'pie' (expected surface, surface3d, grid, curve, loss, gradient-norm, parameter, state, learning-rate, fit, boundary, regions, field, final-loss, matrix, block-size, terms, images, simplex-slice, along, starts, map, lr-range, filmstrip)"),
        BrokenLesson(name: "unknown builtin", toml: withRun.replacingOccurrences(of: "objective = \"x^2 + 10*y^2\"", with: "builtin = \"himmel\""), message: "lessons/t/lesson.toml line 4, key 'problem.builtin': unknown objective 'himmel' (built-in objectives: beale, himmelblau, quadratic, rastrigin, rosenbrock)"),
        BrokenLesson(name: "unknown name in the objective", toml: withRun.replacingOccurrences(of: "10*y^2", with: "10*z^2"), message: "lessons/t/lesson.toml line 4, key 'problem.objective': unknown name 'z' at column 10 (parameters: x, y)"),
        BrokenLesson(name: "objective syntax error", toml: withRun.replacingOccurrences(of: "10*y^2", with: "10*(y^2"), message: "lessons/t/lesson.toml line 4, key 'problem.objective': syntax error at column 14: expected ')'"),
        BrokenLesson(name: "sweep of an unsweepable setting", toml: withRun + "\n\n[[sweeps]]\nid = \"s\"\nrun = \"a\"\nparameter = \"box\"\nvalues = [1, 2]", message: "lessons/t/lesson.toml line 17, key 'sweeps[0].parameter': cannot sweep 'box' (expected one of: optimizer, convention, lr, momentum, nesterov, dampening, rho, beta1, beta2, epsilon, initial_accumulator, schedule, steps, epochs, batch, shuffle, gradient_tolerance, loss_tolerance, divergence_factor, start)"),
    ]

    static let ranges: [BrokenLesson] = [
        BrokenLesson(name: "momentum 1.5", toml: withRun + "\nmomentum = 1.5", message: "lessons/t/lesson.toml line 13, key 'runs[0].momentum': momentum must be in [0, 1), got 1.5"),
        BrokenLesson(name: "negative learning rate", toml: withRun.replacingOccurrences(of: "lr = 0.01", with: "lr = -0.1"), message: "lessons/t/lesson.toml line 11, key 'runs[0].lr': learning rate must be a finite number ≥ 0, got -0.1"),
        BrokenLesson(name: "rho on sgd", toml: withRun + "\nrho = 0.9", message: "lessons/t/lesson.toml line 13, key 'runs[0].rho': rho does not apply to sgd"),
        BrokenLesson(name: "dampening on keras sgd", toml: withRun + "\ndampening = 0.1", message: "lessons/t/lesson.toml line 13, key 'runs[0].dampening': dampening is a PyTorch SGD setting; Keras SGD has none"),
        BrokenLesson(name: "beta1 of 1 on adam", toml: withRun.replacingOccurrences(of: "\"sgd\"", with: "\"adam\"") + "\nbeta1 = 1.0", message: "lessons/t/lesson.toml line 13, key 'runs[0].beta1': beta1 must be in [0, 1), got 1.0"),
        BrokenLesson(name: "zero steps", toml: withRun.replacingOccurrences(of: "steps = 10", with: "steps = 0"), message: "lessons/t/lesson.toml line 12, key 'runs[0].steps': steps must be at least 1, got 0"),
        BrokenLesson(name: "schedule factor 0", toml: withRun + "\nschedule = { kind = \"step\", every = 5, factor = 0 }", message: "lessons/t/lesson.toml line 13, key 'runs[0].schedule.factor': must be positive, got 0.0"),
        BrokenLesson(name: "schedule without every", toml: withRun + "\nschedule = { kind = \"step\", factor = 0.5 }", message: "lessons/t/lesson.toml line 13, key 'runs[0].schedule.every': is required for a 'step' schedule"),
        BrokenLesson(name: "sweep value out of range", toml: withRun + "\n\n[[sweeps]]\nid = \"s\"\nrun = \"a\"\nparameter = \"momentum\"\nvalues = [0.5, 1.2]", message: "lessons/t/lesson.toml line 18, key 'sweeps[0].values[1]': momentum must be in [0, 1), got 1.2"),
        BrokenLesson(name: "log_range with from above to", toml: withRun + "\n\n[[sweeps]]\nid = \"s\"\nrun = \"a\"\nparameter = \"lr\"\nlog_range = [0.3, 0.001, 5]", message: "lessons/t/lesson.toml line 18, key 'sweeps[0].log_range': expected [from, to, count] with 0 < from < to and a whole count ≥ 2"),
        BrokenLesson(name: "figure aspect 2", toml: withRun + "\n\n[[figures]]\nid = \"l\"\nkind = \"loss\"\nruns = [\"a\"]\ncaption = \"c\"\naspect = 2", message: "lessons/t/lesson.toml line 19, key 'figures[0].aspect': must be between 0.2 and 1.4 (height / width), got 2.0"),
        BrokenLesson(name: "table digits 20", toml: withRun + "\n\n[[tables]]\nid = \"t\"\nrun = \"a\"\ncolumns = [\"step\"]\ncaption = \"c\"\ndigits = 20", message: "lessons/t/lesson.toml line 19, key 'tables[0].digits': must be between 2 and 15, got 20"),
        BrokenLesson(name: "box with low above high", toml: withRun + "\nbox = { x = [1, 0] }", message: "lessons/t/lesson.toml line 13, key 'runs[0].box.x': expected [low, high] with low ≤ high"),
    ]

    static let shapes: [BrokenLesson] = [
        BrokenLesson(name: "problem start outside the domain", toml: withRun.replacingOccurrences(of: "x^2 + 10*y^2", with: "log(x) + y^2").replacingOccurrences(of: "start = [1, 2]", with: "start = [0, 2]"), message: "lessons/t/lesson.toml line 8, key 'runs[0]': loss is not finite at the start of problem 'main' (x = 0, y = 2): log(x) of zero"),
        BrokenLesson(name: "run start outside the domain", toml: withRun.replacingOccurrences(of: "x^2 + 10*y^2", with: "log(x) + y^2") + "\nstart = [-1, 2]", message: "lessons/t/lesson.toml line 13, key 'runs[0].start': loss is not finite at the start (x = -1, y = 2): log(x) of a negative number"),
        BrokenLesson(name: "swept start where the gradient is infinite", toml: withRun.replacingOccurrences(of: "x^2 + 10*y^2", with: "sqrt(x) + y^2") + "\n\n[[sweeps]]\nid = \"s\"\nrun = \"a\"\nparameter = \"start\"\nstarts = [[1, 1], [0, 1]]", message: "lessons/t/lesson.toml line 18, key 'sweeps[0].starts[1]': gradient of x is not finite at the start (x = 0, y = 1): sqrt(x) has an infinite slope at 0"),
        BrokenLesson(name: "run start has one number", toml: withRun + "\nstart = [1]", message: "lessons/t/lesson.toml line 13, key 'runs[0].start': has 1 number for 2 parameters (x, y)"),
        BrokenLesson(name: "problem start has three numbers", toml: withRun.replacingOccurrences(of: "start = [1, 2]", with: "start = [1, 2, 3]"), message: "lessons/t/lesson.toml line 6, key 'problem.start': has 3 numbers for 2 parameters (x, y)"),
        BrokenLesson(name: "steps and epochs", toml: withRun + "\nepochs = 3", message: "lessons/t/lesson.toml line 13, key 'runs[0].epochs': give 'steps' or 'epochs', not both"),
        BrokenLesson(name: "epochs without data", toml: withRun.replacingOccurrences(of: "steps = 10", with: "epochs = 3"), message: "lessons/t/lesson.toml line 12, key 'runs[0].epochs': epochs count passes over data; this problem has no data file (use 'steps')"),
        BrokenLesson(name: "batch without data", toml: withRun + "\nbatch = 2", message: "lessons/t/lesson.toml line 13, key 'runs[0].batch': batches need a data file"),
        BrokenLesson(name: "view x names no parameter", toml: head + "\n\n[problem.view]\nx = \"w\"\nx_range = [-1, 1]" + String(withRun.dropFirst(head.count)), message: "lessons/t/lesson.toml line 9, key 'problem.view.x': 'w' is not a parameter (parameters: x, y)"),
        BrokenLesson(name: "view y without y_range", toml: head + "\n\n[problem.view]\nx = \"x\"\ny = \"y\"\nx_range = [-1, 1]" + String(withRun.dropFirst(head.count)), message: "lessons/t/lesson.toml line 8, key 'problem.view.y_range': is required when 'y' is set"),
        BrokenLesson(name: "simplex names no parameter", toml: withRun + "\nsimplex = [\"x\", \"w\"]", message: "lessons/t/lesson.toml line 13, key 'runs[0].simplex': 'w' is not a parameter (parameters: x, y)"),
        BrokenLesson(name: "fixed names no parameter", toml: withRun + "\nfixed = [\"w\"]", message: "lessons/t/lesson.toml line 13, key 'runs[0].fixed': 'w' is not a parameter (parameters: x, y)"),
        BrokenLesson(name: "surface without a view", toml: withRun + "\n\n[[figures]]\nid = \"s\"\nkind = \"surface\"\nruns = [\"a\"]\ncaption = \"c\"", message: "lessons/t/lesson.toml line 16, key 'figures[0].kind': a 'surface' figure needs [problem.view] with both 'x' and 'y'"),
        BrokenLesson(name: "state figure for a run without that buffer", toml: withRun + "\n\n[[figures]]\nid = \"v\"\nkind = \"state\"\nruns = [\"a\"]\nstate = \"velocity\"\nparameter = \"x\"\ncaption = \"c\"", message: "lessons/t/lesson.toml line 18, key 'figures[0].state': run 'a' has no 'velocity' buffer (it has: none)"),
        BrokenLesson(name: "state figure naming adam's missing buffer", toml: withRun.replacingOccurrences(of: "\"sgd\"", with: "\"adam\"") + "\n\n[[figures]]\nid = \"v\"\nkind = \"state\"\nruns = [\"a\"]\nstate = \"velocity\"\nparameter = \"x\"\ncaption = \"c\"", message: "lessons/t/lesson.toml line 18, key 'figures[0].state': run 'a' has no 'velocity' buffer (it has: m, v)"),
        BrokenLesson(name: "parameter figure without a parameter", toml: withRun + "\n\n[[figures]]\nid = \"p\"\nkind = \"parameter\"\nruns = [\"a\"]\ncaption = \"c\"", message: "lessons/t/lesson.toml line 14, key 'figures[0].parameter': a 'parameter' figure needs the parameter to plot"),
        BrokenLesson(name: "fit figure without data", toml: withRun + "\n\n[[figures]]\nid = \"f\"\nkind = \"fit\"\nruns = [\"a\"]\ncaption = \"c\"", message: "lessons/t/lesson.toml line 16, key 'figures[0].kind': a 'fit' figure needs the problem's 'model' and the figure's data columns 'x' and 'y'"),
        BrokenLesson(name: "final-loss figure without a sweep", toml: withRun + "\n\n[[figures]]\nid = \"f\"\nkind = \"final-loss\"\nruns = [\"a\"]\ncaption = \"c\"", message: "lessons/t/lesson.toml line 17, key 'figures[0].runs': a 'final-loss' figure needs a sweep"),
        BrokenLesson(name: "table column unknown", toml: withRun + "\n\n[[tables]]\nid = \"t\"\nrun = \"a\"\ncolumns = [\"step\", \"velocity.x\"]\ncaption = \"c\"", message: "lessons/t/lesson.toml line 17, key 'tables[0].columns[1]': unknown column 'velocity.x' for run 'a' (expected step, epoch, batch, lr, loss, batch_loss, a parameter, or grad., update. followed by a parameter)"),
        BrokenLesson(name: "check with one partial for two parameters", toml: withRun + "\n\n[[checks]]\nid = \"c\"\npartials = [\"2*x\"]", message: "lessons/t/lesson.toml line 16, key 'checks[0].partials': has 1 expression for 2 parameters (x, y)"),
        BrokenLesson(name: "check partial with an unknown name", toml: withRun + "\n\n[[checks]]\nid = \"c\"\npartials = [\"2*x\", \"20*q\"]", message: "lessons/t/lesson.toml line 16, key 'checks[0].partials[1]': unknown name 'q' at column 4 (parameters: x, y)"),
    ]

    static let problems: [BrokenLesson] = [
        BrokenLesson(name: "problem and problems", toml: withRun + "\n\n[[problems]]\nid = \"b\"\nbuiltin = \"rosenbrock\"\nstart = [0, 0]", message: "lessons/t/lesson.toml line 14, key 'problems': give [problem] or [[problems]], not both"),
        BrokenLesson(name: "run names no problem among several", toml: """
            title = "T"

            [[problems]]
            id = "p"
            objective = "x^2"
            parameters = ["x"]
            start = [1]

            [[problems]]
            id = "q"
            objective = "y^2"
            parameters = ["y"]
            start = [1]

            [[runs]]
            id = "a"
            optimizer = "sgd"
            steps = 3
            """, message: "lessons/t/lesson.toml line 15, key 'runs[0].problem': this lesson has several problems; name one (p, q)"),
        BrokenLesson(name: "run names an unknown problem", toml: """
            title = "T"

            [[problems]]
            id = "p"
            objective = "x^2"
            parameters = ["x"]
            start = [1]

            [[runs]]
            id = "a"
            problem = "q"
            optimizer = "sgd"
            steps = 3
            """, message: "lessons/t/lesson.toml line 11, key 'runs[0].problem': no problem has the id 'q' (problems: p)"),
        BrokenLesson(name: "figure mixes problems", toml: """
            title = "T"

            [[problems]]
            id = "p"
            objective = "x^2"
            parameters = ["x"]
            start = [1]

            [[problems]]
            id = "q"
            objective = "x^4"
            parameters = ["x"]
            start = [1]

            [[runs]]
            id = "a"
            problem = "p"
            optimizer = "sgd"
            steps = 3

            [[runs]]
            id = "b"
            problem = "q"
            optimizer = "sgd"
            steps = 3

            [[figures]]
            id = "l"
            kind = "loss"
            runs = ["a", "b"]
            caption = "c"
            """, message: "lessons/t/lesson.toml line 30, key 'figures[0].runs': runs 'a' and 'b' solve different problems; one figure shows one problem"),
    ]

    static let data: [BrokenLesson] = [
        BrokenLesson(name: "missing data file", toml: withRun.replacingOccurrences(of: "start = [1, 2]", with: "start = [1, 2]\ndata = \"nope.csv\""), message: "lessons/t/lesson.toml line 7, key 'problem.data': 'nope.csv' does not exist in the lesson folder"),
        BrokenLesson(name: "absolute data path", toml: withRun.replacingOccurrences(of: "start = [1, 2]", with: "start = [1, 2]\ndata = \"/etc/passwd\""), message: "lessons/t/lesson.toml line 7, key 'problem.data': '/etc/passwd' is an absolute path; name a file in the lesson folder, relative to it"),
        BrokenLesson(name: "data path climbing out", toml: withRun.replacingOccurrences(of: "start = [1, 2]", with: "start = [1, 2]\ndata = \"../../../../../../../../etc/passwd\""), message: "lessons/t/lesson.toml line 7, key 'problem.data': '../../../../../../../../etc/passwd' leads outside the lesson folder"),
        BrokenLesson(name: "ragged data file", toml: """
            title = "T"

            [problem]
            objective = "(y - a*x)^2"
            parameters = ["a"]
            start = [0]
            data = "ragged.csv"

            [[runs]]
            id = "a"
            optimizer = "sgd"
            epochs = 2
            """, message: "lessons/t/lesson.toml line 7, key 'problem.data': lessons/t/ragged.csv line 3: expected 2 fields separated by ',', found 1"),
        BrokenLesson(name: "parameter named like a data column", toml: """
            title = "T"

            [problem]
            objective = "(y - x)^2"
            parameters = ["x"]
            start = [0]
            data = "data.csv"

            [[runs]]
            id = "a"
            optimizer = "sgd"
            epochs = 2
            """, message: "lessons/t/lesson.toml line 5, key 'problem.parameters': 'x' is both a parameter and a data column"),
        BrokenLesson(name: "model without data", toml: withRun.replacingOccurrences(of: "start = [1, 2]", with: "start = [1, 2]\nmodel = \"x\""), message: "lessons/t/lesson.toml line 7, key 'problem.model': a model needs a data file ('data')"),
        BrokenLesson(name: "batch of 0 rows", toml: """
            title = "T"

            [problem]
            objective = "(y - a*x)^2"
            parameters = ["a"]
            start = [0]
            data = "data.csv"

            [[runs]]
            id = "a"
            optimizer = "sgd"
            epochs = 2
            batch = 0
            """, message: "lessons/t/lesson.toml line 13, key 'runs[0].batch': must be \"full\" or a whole number of rows ≥ 1, got 0"),
        BrokenLesson(name: "fit figure with an unknown column", toml: """
            title = "T"

            [problem]
            objective = "(y - a*x)^2"
            parameters = ["a"]
            start = [0]
            data = "data.csv"
            model = "a*x"

            [[runs]]
            id = "a"
            optimizer = "sgd"
            epochs = 2

            [[figures]]
            id = "f"
            kind = "fit"
            runs = ["a"]
            x = "x"
            y = "z"
            caption = "c"
            """, message: "lessons/t/lesson.toml line 20, key 'figures[0].y': 'z' is not a data column (columns: x, y)"),
    ]

    static let notes: [BrokenLesson] = [
        BrokenLesson(name: "notes insert names no figure", toml: withRun, notes: "## A\n\nText.\n\n{{figure nope}}\n", message: "lessons/t/notes.md line 5: {{figure nope}} names no figure in lesson.toml (it has no figures)"),
        BrokenLesson(name: "notes rule names no run", toml: withRun, notes: "{{rule b}}\n", message: "lessons/t/notes.md line 1: {{rule b}} names no run in lesson.toml (known: a)"),
        BrokenLesson(name: "notes unknown insert kind", toml: withRun, notes: "Text.\n\n{{chart a}}\n", message: "lessons/t/notes.md line 3: unknown insert '{{chart a}}' (expected {{figure ID}}, {{table ID}}, {{check ID}}, {{analysis ID}}, {{rule RUN}}, {{fact NAME}} or {{results}})"),
        BrokenLesson(name: "notes insert without an id", toml: withRun, notes: "{{figure}}\n", message: "lessons/t/notes.md line 1: '{{figure}}' needs one id, as in {{figure ID}}"),
        BrokenLesson(name: "notes results with an id", toml: withRun, notes: "{{results a}}\n", message: "lessons/t/notes.md line 1: '{{results}}' takes no id"),
        BrokenLesson(name: "notes insert not closed", toml: withRun, notes: "One.\n\n{{figure a\n", message: "lessons/t/notes.md line 3: '{{' without a closing '}}'"),
    ]

    /// Sizes past the caps are refused before anything runs.
    static let limits: [BrokenLesson] = [
        BrokenLesson(name: "sweep of 201 values", toml: withRun + """


            [[sweeps]]
            id = "s"
            run = "a"
            parameter = "lr"
            log_range = [0.001, 0.1, 201]
            """, message: "lessons/t/lesson.toml line 18, key 'sweeps[0].log_range': at most 200 values per sweep, got 201"),
        BrokenLesson(name: "runs past the lesson budget together", toml: withRun.replacingOccurrences(of: "steps = 10", with: "steps = 10000000") + """


            [[runs]]
            id = "b"
            optimizer = "adam"
            steps = 10

            [[sweeps]]
            id = "s"
            run = "a"
            parameter = "lr"
            values = [0.01, 0.02]
            """, message: "lessons/t/lesson.toml line 12, key 'runs[0].steps': the lesson's runs would record up to 270 million trace values (about 2.2 GB in memory and 4.3 GB of CSV), past the budget of 100 million per lesson; run 'a' and the sweeps built on it record 270 million: use fewer steps"),
        BrokenLesson(name: "a spread over an unbounded box", toml: withRun + """

            box = { x = [-1e308, 1e308] }

            [[sweeps]]
            id = "s"
            run = "a"
            parameter = "start"
            spread = { count = 3, seed = 1 }
            """, message: "lessons/t/lesson.toml line 19, key 'sweeps[0].spread': cannot spread starts over the box of 'x' in run 'a': its width 1e+308 − (-1e+308) is too large to draw from; narrow the box or list 'starts'"),
        BrokenLesson(name: "an unknown builtin with curvatures", toml: """
            title = "T"

            [problem]
            builtin = "banana"
            curvatures = [1, 2]
            start = [1, 2]
            """, message: "lessons/t/lesson.toml line 4, key 'problem.builtin': unknown objective 'banana' (built-in objectives: beale, himmelblau, quadratic, rastrigin, rosenbrock)"),
        BrokenLesson(name: "a long bad number is quoted short", toml: "title = \"T\"\nx = 1\(String(repeating: "9", count: 60))z\n",
                     message: "lessons/t/lesson.toml line 2: TOML syntax error: '1\(String(repeating: "9", count: 38))…' is not a number (column 5)"),
        BrokenLesson(name: "a trace past 200 million values", toml: withRun.replacingOccurrences(of: "steps = 10", with: "steps = 40000000"),
                     message: "lessons/t/lesson.toml line 12, key 'runs[0].steps': steps (40000000 steps × 9 values each) exceed the trace limit of 200 million values (about 1.6 GB); use fewer"),
    ]

    /// `[[analyses]]`: each kind's keys, checked when the lesson loads.
    static let analyses: [BrokenLesson] = [
        BrokenLesson(name: "analysis of an unknown kind", toml: withRun + "\n\n[[analyses]]\nid = \"z\"\nkind = \"magic\"\n",
                     message: "lessons/t/lesson.toml line 16, key 'analyses[0].kind': unknown analysis 'magic' (known: convexity, grid-search, gradient-ratio, hessian, zeros)"),
        BrokenLesson(name: "convexity over an unconstrained run", toml: withRun + "\n\n[[analyses]]\nid = \"c\"\nkind = \"convexity\"\nrun = \"a\"\n",
                     message: "lessons/t/lesson.toml line 14, key 'analyses[0].ranges': run 'a' constrains no parameter; give ranges = { name = [low, high], … } to draw points from"),
        BrokenLesson(name: "convexity range on no parameter", toml: withRun + "\n\n[[analyses]]\nid = \"c\"\nkind = \"convexity\"\nrun = \"a\"\nranges = { q = [0, 1] }\n",
                     message: "lessons/t/lesson.toml line 18, key 'analyses[0].ranges.q': 'q' is not a parameter (parameters: x, y)"),
        BrokenLesson(name: "grid over an unboxed parameter", toml: withRun + "\n\n[[analyses]]\nid = \"g\"\nkind = \"grid-search\"\nrun = \"a\"\nover = [\"x\"]\nresolution = 10\n",
                     message: "lessons/t/lesson.toml line 18, key 'analyses[0].over': 'x' is neither in a simplex group of run 'a' nor in a finite box of it"),
        BrokenLesson(name: "grid of too many points", toml: withRun + "\nbox = { x = [-1, 1], y = [-1, 1] }\n\n[[analyses]]\nid = \"g\"\nkind = \"grid-search\"\nrun = \"a\"\nover = [\"x\", \"y\"]\nresolution = 10000\n",
                     message: "lessons/t/lesson.toml line 20, key 'analyses[0].resolution': the grid would have 100020001 points; at most 20 million"),
        BrokenLesson(name: "gradient ratio of one problem", toml: withRun + "\n\n[[analyses]]\nid = \"r\"\nkind = \"gradient-ratio\"\n",
                     message: "lessons/t/lesson.toml line 14, key 'analyses[0].problems': a gradient ratio needs at least two problems"),
        BrokenLesson(name: "hessian at a point of the wrong size", toml: withRun + "\n\n[[analyses]]\nid = \"h\"\nkind = \"hessian\"\nat = [1, 2, 3]\n",
                     message: "lessons/t/lesson.toml line 17, key 'analyses[0].at': has 3 numbers for 2 parameters"),
        BrokenLesson(name: "hessian at the end of no run", toml: withRun + "\n\n[[analyses]]\nid = \"h\"\nkind = \"hessian\"\nat = \"end:b\"\n",
                     message: "lessons/t/lesson.toml line 17, key 'analyses[0].at': no run has the id 'b' (runs: a)"),
        BrokenLesson(name: "zeros of an unknown block", toml: withRun + "\n\n[[analyses]]\nid = \"z\"\nkind = \"zeros\"\nblock = \"C\"\n",
                     message: "lessons/t/lesson.toml line 17, key 'analyses[0].block': no parameters form the block 'C': name them C_ROW_COLUMN, or give 'rows' and 'columns'"),
        BrokenLesson(name: "notes naming no analysis", toml: withRun, notes: "{{analysis nope}}\n",
                     message: "lessons/t/notes.md line 1: {{analysis nope}} names no analysis in lesson.toml (it has no analyses)"),
    ]

    static let all = syntax + unknownKeys + types + missing + ids + names + ranges + shapes + problems + data + notes + limits + analyses

    @Test func theCorpusIsLargeAndNamesAreUnique() {
        #expect(Self.all.count >= 30)
        #expect(Set(Self.all.map(\.name)).count == Self.all.count)
    }

    @Test(arguments: all)
    func givesItsOneLine(_ broken: BrokenLesson) {
        let message = LessonText.failure(broken.toml, notes: broken.notes)
        #expect(message == broken.message)
        #expect(message?.contains("\n") == false)
        let file = broken.notes == nil ? LessonText.file : LessonText.notesFile
        #expect(message?.hasPrefix(file) == true)
    }

    /// `[problems.view]` belongs to the last `[[problems]]`; an error in it should name its own line.
    @Test func errorInsideAProblemsViewNamesItsLine() {
        let toml = """
            title = "T"

            [[problems]]
            id = "p"
            objective = "x^2 + y^2"
            parameters = ["x", "y"]
            start = [1, 1]

            [problems.view]
            x = "w"
            x_range = [-1, 1]

            [[runs]]
            id = "a"
            optimizer = "sgd"
            steps = 3
            """
        let message = LessonText.failure(toml)
        #expect(message?.hasSuffix("key 'problems[0].view.x': 'w' is not a parameter (parameters: x, y)") == true)
        #expect(message == "lessons/t/lesson.toml line 10, key 'problems[0].view.x': 'w' is not a parameter (parameters: x, y)")
    }

    /// The same for a sub-table of a run: `[runs.schedule]` after `[[runs]]`.
    @Test func errorInsideARunsSubtableNamesItsLine() {
        let toml = BrokenLessonTests.withRun + """


            [runs.schedule]
            kind = "step"
            every = 0
            factor = 0.5
            """
        let message = LessonText.failure(toml)
        #expect(message?.hasSuffix("key 'runs[0].schedule.every': must be at least 1, got 0") == true)
        #expect(message == "lessons/t/lesson.toml line 16, key 'runs[0].schedule.every': must be at least 1, got 0")
    }
}
