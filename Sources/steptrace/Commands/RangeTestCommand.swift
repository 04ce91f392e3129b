import ArgumentParser
import Engine
import Foundation
import Lessons
import Plot
import Reports

/// `steptrace lr-range`: `trace`'s run with its rate growing exponentially from --from to --to over its steps.
struct RangeTestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lr-range",
        abstract: "The learning-rate range test: DIR/lr-range.png, lr-range.pdf and lr-range.csv.",
        discussion: """
            Takes trace's flags (without --lr and --schedule: the test sets the rate) and runs --steps steps whose \
            rate grows by the same factor every step from --from to --to, as fastai's lr_find does. The loss is \
            smoothed (β = 0.98, bias-corrected), the test stops once the smoothed loss passes 4× its best, and two \
            rates are suggested: the steepest descent of the smoothed loss against log η, and a tenth of the rate \
            at its minimum. lr-range.csv holds step, lr, loss and smoothed loss.
            """)

    @OptionGroup var flags: RunFlags
    @Option(name: .long, parsing: .unconditional, help: "The first rate (> 0).") var from: Double
    @Option(name: .long, parsing: .unconditional, help: "The last rate (> --from).") var to: Double
    @Option(name: .long, help: "The folder lr-range.png, lr-range.pdf and lr-range.csv are written into.")
    var output: String = "output"

    func run() throws {
        guard from.isFinite, from > 0 else { throw Failure.usage("--from must be a positive rate, got \(from)") }
        guard to.isFinite, to > from else { throw Failure.usage("--to must be a rate above --from (\(from)), got \(to)") }
        if flags.lr != nil { throw Failure.usage("--lr: the range test sets the rate; give --from and --to") }
        if flags.schedule != "constant" { throw Failure.usage("--schedule: the range test sets the rate; leave the schedule out") }
        if flags.epochs != nil { throw Failure.usage("--epochs: the range test's length is --steps") }
        let (objective, base) = try flags.objectiveAndSpec()
        let chart: RangeTestChart
        do {
            try RangeTest.spec(base: base, from: from, to: to).validate(parameterNames: objective.parameterNames, rowCount: objective.rowCount)
            chart = try RangeTestChart.run(base: base, from: from, to: to, objective: .expression(objective))
        } catch let error as RunSpecError {
            throw Failure.usage(TraceArguments.flagMessage(error))
        } catch let error as StartError {
            throw Failure.data(error.description)
        }
        let start = zip(objective.parameterNames, base.start).map { "\($0) = \(NumberFormat.short($1))" }.joined(separator: ", ")
        let settings = UpdateRule.lines(for: base.optimizer, schedule: .constant).settings
        let title = "Learning-rate range test"
        let steps = base.stop.maxSteps ?? 0
        let subtitle = "f = \(TextStyle.escape(flags.objective)) from \(TextStyle.escape(start)) · \(settings), η replaced by the test's: "
            + "from \(NumberFormat.short(from)) to \(NumberFormat.short(to)) over \(steps) steps"
        let paths = try reporting {
            try chart.write(into: output, title: title, subtitle: subtitle, backend: try CairoRenderBackend(),
                            creationDate: LessonOptions.creationDate)
        }
        let test = chart.test
        var line = "lr-range: \(test.rates.count - 1) steps"
        if test.stoppedEarly { line += ", stopped at η = \(NumberFormat.short(test.rates.last!))" }
        if let steep = test.steepestRate, let minimum = test.minimumRate {
            line += "; suggested η = \(NumberFormat.short(steep)) (steepest), \(NumberFormat.short(minimum)) (minimum ÷ 10)"
        }
        print(line + " → " + paths.joined(separator: ", "))
    }
}
