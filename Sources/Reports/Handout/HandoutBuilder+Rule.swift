import Lessons
import Plot

extension HandoutBuilder {
    /// Adds `run`'s update rule as a formula, with its settings in a small line below (handouts and worksheets).
    mutating func rule(of run: LessonRun) {
        let rule = UpdateRule.lines(for: run.spec.optimizer, schedule: run.spec.schedule)
        formula(rule.formulas.joined(separator: "\n"))
        paragraph("<small>\(rule.settings). g is the gradient at the current θ, η the learning rate.</small>")
    }
}
