import ArgumentParser
import Engine
import Foundation
import Lessons
import Trace

/// `steptrace trace`: one run from flags, every step printed as CSV or JSON Lines, or a summary.
struct TraceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trace",
        abstract: "Run one optimizer on an expression and print every step.",
        discussion: """
            The parameters are the names in --start, in that order; with --data, the other names in the \
            expression are the CSV's columns and the expression is the loss of one row (a step's loss is the \
            mean over its batch). CSV columns: step, loss, batch_loss (only when steps see part of the data), the \
            parameters, grad.<p>, <state>.<p>, then epoch, batch, lr and update.<p>. Row k holds θ_k, the loss over \
            all data there, and the gradient, rate and update that step k+1 applies (θ_{k+1} = θ_k + update); \
            optimizer state is the state after k steps. Rows are printed as they are made.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case csv, jsonl, summary }

    @OptionGroup var flags: RunFlags
    @Option(name: .long, help: "csv (default), jsonl or summary.") var format: Format = .csv

    func run() throws {
        let (objectiveValue, spec) = try flags.objectiveAndSpec()
        let progress = Progress.reporter(label: "trace")
        do {
            switch format {
            case .csv, .jsonl:
                // Rows go out in chunks of about 1 MB as the run makes them: memory does not grow with the steps.
                let output = FileHandle.standardOutput
                try Engine.run(objectiveValue, spec: spec, progress: progress) { layout in
                    TextStreamSink(layout: layout, format: format == .csv ? .csv : .jsonLines) { output.write(Data($0)) }
                }
                Progress.finish()
            case .summary:
                let summary = try Engine.run(objectiveValue, spec: spec, progress: progress, into: SummarySink.init(layout:))
                Progress.finish()
                FileHandle.standardOutput.write(Data(TraceArguments.summary(summary).utf8))
            }
        } catch let error as RunSpecError {
            throw Failure.usage(TraceArguments.flagMessage(error))
        } catch let error as StartError {
            throw Failure.data(error.description)
        }
    }
}
