/// The lesson `steptrace new` writes: a small bowl, two runs, a surface figure, a loss figure and a
/// table, every common key shown and commented, so it runs as it is and is a place to start.
public enum LessonTemplate {
    /// The commented `lesson.toml`.
    public static let lessonFile = """
        # A steptrace lesson. Run it with `steptrace run PATH-TO-THIS-FOLDER`; check it with `steptrace check`.
        # Every key is described in lessons/README.md of the steptrace sources.

        title = "A first lesson"                        # required
        subtitle = "Gradient descent with and without momentum"
        question = "Why does *momentum* help on a long, narrow valley?"   # inline Markdown

        [problem]
        label = "the bowl f = ½(x² + 10y²)"
        objective = "0.5*(x^2 + 10*y^2)"               # any expression of the parameters
        # builtin = "quadratic"                         # or a built-in problem (then: curvatures = [1, 10])
        parameters = ["x", "y"]                         # the names, in order
        start = [-4, 2]                                 # where every run starts
        expected = [0, 0]                               # optional: every run is checked against it
        expected_label = "the minimum"
        # data = "data.csv"                             # a CSV in this folder: the objective is then one row's loss

        [problem.view]                                  # the window the figures show
        x = "x"
        y = "y"
        x_range = [-5, 5]
        y_range = [-3, 3]

        [[runs]]
        id = "plain"                                    # names the trace: traces/plain.csv.gz
        label = "plain gradient descent"
        optimizer = "sgd"                               # sgd, adagrad, rmsprop, adam
        lr = 0.02
        steps = 100                                     # or epochs = N with a data file

        [[runs]]
        id = "momentum"
        label = "momentum μ = 0.9"
        optimizer = "sgd"
        convention = "keras"                            # or pytorch
        lr = 0.02
        momentum = 0.9
        steps = 100

        [[figures]]
        id = "paths"
        kind = "surface"                                # the loss surface with each run's path
        runs = ["plain", "momentum"]
        caption = "Both paths over the loss surface."

        [[figures]]
        id = "losses"
        kind = "loss"                                   # loss against step
        runs = ["plain", "momentum"]
        caption = "The loss, step by step."

        [[tables]]
        id = "first-steps"
        run = "momentum"
        columns = ["step", "x", "y", "velocity.x", "velocity.y", "loss"]
        head = 5                                        # the first rows …
        tail = 1                                        # … and the last
        caption = "The first steps of the momentum run."

        """

    /// The `notes.md` that places the figures, the table, an update rule and the results.
    public static let notesFile = """
        ## The question

        Write the handout's prose here, in Markdown. A line holding only `{{figure ID}}`, `{{table ID}}`,
        `{{rule RUN}}` or `{{results}}` places that content; figures and tables not placed are appended.

        {{rule momentum}}

        {{figure paths}}

        ## Step by step

        {{table first-steps}}

        {{figure losses}}

        ## Results

        {{results}}

        """
}
