import Testing
@testable import Lessons

/// Broken figure views, windows, `steps` and 3-D cameras: each gives one line naming the file, the
/// figure's key and its line, and what was expected.
@Suite("Broken figure views")
struct BrokenFigureViewTests {
    /// Lines 1–17: a valid problem with a two-parameter view and a valid run `a`.
    static let viewed = """
        title = "T"

        [problem]
        objective = "x^2 + 10*y^2"
        parameters = ["x", "y"]
        start = [1, 2]

        [problem.view]
        x = "x"
        y = "y"
        x_range = [-2, 2]
        y_range = [-3, 3]

        [[runs]]
        id = "a"
        optimizer = "sgd"
        lr = 0.01
        steps = 10
        """

    /// `viewed`, then a figure of `kind` (lines 20–24) and `extra` from line 25 on.
    static func figure(_ kind: String, _ extra: String) -> String {
        viewed + "\n\n[[figures]]\nid = \"f\"\nkind = \"\(kind)\"\nruns = [\"a\"]\ncaption = \"c\"\n" + extra
    }

    static let f = "lessons/t/lesson.toml"

    static let all: [BrokenLesson] = [
        BrokenLesson(name: "x_range backwards", toml: figure("surface", "x_range = [2, 1]"),
                     message: "\(f) line 25, key 'figures[0].x_range': expected [low, high] with low < high, got [2, 1]"),
        BrokenLesson(name: "y_range of one number", toml: figure("grid", "y_range = [0.5]"),
                     message: "\(f) line 25, key 'figures[0].y_range': expected [low, high] with low < high, got [0.5]"),
        BrokenLesson(name: "x_range on a loss figure", toml: figure("loss", "x_range = [0, 5]"),
                     message: "\(f) line 25, key 'figures[0].x_range': only 'surface', 'surface3d', 'grid' and 'curve' figures take 'x_range'"),
        BrokenLesson(name: "x_range not an array", toml: figure("surface", "x_range = 3"),
                     message: "\(f) line 25, key 'figures[0].x_range': expected an array of numbers, found the integer 3"),
        BrokenLesson(name: "log_color on a loss figure", toml: figure("loss", "log_color = true"),
                     message: "\(f) line 25, key 'figures[0].log_color': only 'surface', 'surface3d' and 'grid' figures take 'log_color'"),
        BrokenLesson(name: "step_window backwards", toml: figure("surface", "step_window = [5, 2]"),
                     message: "\(f) line 25, key 'figures[0].step_window': expected [from, to] with 0 ≤ from < to, got [5, 2]"),
        BrokenLesson(name: "step_window of no steps", toml: figure("loss", "step_window = 0"),
                     message: "\(f) line 25, key 'figures[0].step_window': expected the number of steps to show, at least 1, got 0"),
        BrokenLesson(name: "step_window of three numbers", toml: figure("loss", "step_window = [1, 2, 3]"),
                     message: "\(f) line 25, key 'figures[0].step_window': expected a whole number N (the first N steps) or [from, to], got 3 numbers"),
        BrokenLesson(name: "step_window as a string", toml: figure("loss", "step_window = \"10\""),
                     message: "\(f) line 25, key 'figures[0].step_window': expected a whole number N (the first N steps) or [from, to], found the string \"10\""),
        BrokenLesson(name: "step_window on a matrix figure", toml: figure("matrix", "step_window = 5\nblock = \"x\"\nrows = 1\ncolumns = 1"),
                     message: "\(f) line 25, key 'figures[0].step_window': only 'surface', 'surface3d', 'grid', 'curve', 'loss', 'gradient-norm', 'parameter', 'state' and 'learning-rate' figures take 'step_window'"),
        BrokenLesson(name: "elevation 0", toml: figure("surface3d", "elevation = 0"),
                     message: "\(f) line 25, key 'figures[0].elevation': expected degrees above the floor, more than 0 and at most 90, got 0"),
        BrokenLesson(name: "elevation 120", toml: figure("surface3d", "elevation = 120"),
                     message: "\(f) line 25, key 'figures[0].elevation': expected degrees above the floor, more than 0 and at most 90, got 120"),
        BrokenLesson(name: "azimuth on a flat surface", toml: figure("surface", "azimuth = 30"),
                     message: "\(f) line 25, key 'figures[0].azimuth': only 'surface3d' figures take 'azimuth'"),
        BrokenLesson(name: "steps as one number", toml: figure("surface", "steps = 5\narrows = \"gradient\""),
                     message: "\(f) line 25, key 'figures[0].steps': expected an array of numbers, found the integer 5"),
        BrokenLesson(name: "steps on a loss figure", toml: figure("loss", "steps = [1, 2]"),
                     message: "\(f) line 25, key 'figures[0].steps': only these figures take 'steps': 'surface' (places arrows), 'fit' (draws the model), 'boundary' (draws the boundary), 'regions' (draws the classes), 'field' (draws the expressions), 'matrix' (shows the block), 'images' (draws the images), 'filmstrip' (draws a frame); to show a stretch of steps use step_window"),
        BrokenLesson(name: "steps on a surface without arrows", toml: figure("surface", "steps = [0, 3]"),
                     message: "\(f) line 25, key 'figures[0].steps': on a 'surface' figure 'steps' places arrows; add arrows = \"gradient\" or \"state\" (to show only some steps, use step_window)"),
        BrokenLesson(name: "arrows without steps", toml: figure("surface", "arrows = \"gradient\""),
                     message: "\(f) line 25, key 'figures[0].arrows': needs steps = [0, 10, …]: the steps to draw the arrows at"),
        BrokenLesson(name: "arrows on a grid", toml: figure("grid", "arrows = \"gradient\"\nsteps = [0]"),
                     message: "\(f) line 26, key 'figures[0].steps': only these figures take 'steps': 'surface' (places arrows), 'fit' (draws the model), 'boundary' (draws the boundary), 'regions' (draws the classes), 'field' (draws the expressions), 'matrix' (shows the block), 'images' (draws the images), 'filmstrip' (draws a frame); to show a stretch of steps use step_window"),
        BrokenLesson(name: "log_y on a surface", toml: figure("surface", "log_y = true"),
                     message: "\(f) line 25, key 'figures[0].log_y': only 'loss', 'gradient-norm', 'parameter', 'state', 'learning-rate', 'final-loss', 'block-size', 'terms', 'along' and 'starts' figures take 'log_y'"),
        BrokenLesson(name: "part on a matrix", toml: figure("matrix", "block = \"x\"\nrows = 1\ncolumns = 1\npart = \"diagonal\""),
                     message: "\(f) line 28, key 'figures[0].part': only 'block-size' figures take 'part'"),
        BrokenLesson(name: "a data column on a loss figure", toml: figure("loss", "x = \"x\""),
                     message: "\(f) line 25, key 'figures[0].x': only 'fit', 'boundary', 'regions', 'field' and 'simplex-slice' figures take 'x'"),
        BrokenLesson(name: "show on a loss figure", toml: figure("loss", "show = \"steps\""),
                     message: "\(f) line 25, key 'figures[0].show': only 'map' figures take 'show'"),
        BrokenLesson(name: "surface3d without a view", toml: BrokenLessonTests.withRun + "\n\n[[figures]]\nid = \"s\"\nkind = \"surface3d\"\nruns = [\"a\"]\ncaption = \"c\"",
                     message: "\(f) line 16, key 'figures[0].kind': a 'surface3d' figure needs [problem.view] with both 'x' and 'y'"),
    ]

    @Test(arguments: all)
    func givesItsOneLine(_ broken: BrokenLesson) {
        let message = LessonText.failure(broken.toml, notes: broken.notes)
        #expect(message == broken.message)
        #expect(message?.contains("\n") == false)
    }

    /// A figure's own view, window and camera reach its spec; `[problem.view]` is untouched.
    @Test func aFigureViewIsRead() throws {
        let lesson = try LessonText.parse(Self.figure("surface3d", "x_range = [0, 1]\ny_range = [-1, 0.5]\nlog_color = true\nstep_window = [3, 9]\nazimuth = 45\nelevation = 60"))
        let spec = try #require(lesson.figures.first)
        #expect(spec.kind == .surface3d(FigureSpec.ViewSettings(xRange: 0...1, yRange: -1...0.5, logColor: true, stepWindow: 3...9),
                                        azimuth: 45, elevation: 60))
        #expect(lesson.problems[0].view?.xRange == -2...2)
        let first = try LessonText.parse(Self.figure("loss", "step_window = 20"))
        #expect(first.figures[0].kind == .loss(FigureSpec.SeriesSettings(stepWindow: 0...20)))
        let camera = try LessonText.parse(Self.figure("surface3d", ""))
        #expect(camera.figures[0].kind == .surface3d(FigureSpec.ViewSettings(), azimuth: -60, elevation: 30))
    }
}
