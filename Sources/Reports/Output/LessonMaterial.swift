import Lessons
import Plot

/// What every document of a lesson is made from: its results, its built figures, the paper and
/// steptrace's version (for footers). The handout, the worksheet and the slides are composed from
/// the same material, made once per lesson.
struct LessonMaterial {
    let results: LessonResults
    let figures: [String: BuiltFigure]
    let paper: HandoutBuilder.Paper
    let version: String
}

/// A maker of one of a lesson's documents, with the material's parts at hand.
protocol LessonComposer {
    var material: LessonMaterial { get }
}

extension LessonComposer {
    var results: LessonResults { material.results }
    var figures: [String: BuiltFigure] { material.figures }
    var paper: HandoutBuilder.Paper { material.paper }
    var version: String { material.version }
    var lesson: Lesson { material.results.lesson }
}
