import ArgumentParser
import Engine
import Foundation
import Lessons

/// The flags that describe one run from the command line: the objective, its data and start, the
/// optimizer and its settings, constraints and the budget. `trace`, `map` and `lr-range` share them.
struct RunFlags: ParsableArguments {
    @Option(name: .long, help: "The loss, e.g. '0.5*(x^2 + 10*y^2)'.")
    var objective: String
    @Option(name: .long, help: "A CSV file whose header names the data columns.")
    var data: String?
    @Option(name: .long, help: "Rows per step: 'full' or a whole number K (1 = one row per step).")
    var batch: String = "full"
    @Option(name: .long, help: "Shuffle the rows every epoch with this seed (default: file order).")
    var shuffle: UInt64?
    @Option(name: .long, help: "Starting values, NAME=VALUE[,NAME=VALUE...]; these name the parameters.")
    var start: String
    @Option(name: .long, help: "sgd, adagrad, rmsprop or adam.")
    var optimizer: String
    @Option(name: .long, help: "keras (default) or pytorch: whose formulas and defaults.")
    var convention: String = "keras"
    @Option(name: .long, parsing: .unconditional, help: "Learning rate (default: the library's).") var lr: Double?
    @Option(name: .long, parsing: .unconditional, help: "Momentum (sgd).") var momentum: Double?
    @Flag(name: .long, help: "Nesterov momentum (sgd).") var nesterov = false
    @Option(name: .long, parsing: .unconditional, help: "Dampening (sgd, pytorch).") var dampening: Double?
    @Option(name: .long, parsing: .unconditional, help: "Decay of the mean square (rmsprop; PyTorch's alpha).") var rho: Double?
    @Option(name: .long, parsing: .unconditional, help: "First-moment decay (adam).") var beta1: Double?
    @Option(name: .long, parsing: .unconditional, help: "Second-moment decay (adam).") var beta2: Double?
    @Option(name: .long, parsing: .unconditional, help: "Epsilon (adagrad, rmsprop, adam).") var epsilon: Double?
    @Option(name: .long, parsing: .unconditional, help: "Initial accumulator (adagrad).") var initialAccumulator: Double?
    @Option(name: .long, help: "constant, step:EVERY:FACTOR, exponential:RATE:STEPS or inverse-time:DECAY.")
    var schedule: String = "constant"
    @Option(name: .long, help: "Clip a parameter after each step, NAME=LO:HI (repeatable).")
    var box: [String] = []
    @Option(name: .long, help: "Project these parameters onto the probability simplex, NAME,NAME,...")
    var simplex: String?
    @Option(name: .long, parsing: .unconditional, help: "Number of steps.") var steps: Int?
    @Option(name: .long, parsing: .unconditional, help: "Number of passes over the data.") var epochs: Int?
    @Option(name: .customLong("tolerance-grad"), parsing: .unconditional, help: "Stop when the gradient norm falls below this.")
    var toleranceGrad: Double?
    @Option(name: .customLong("tolerance-loss"), parsing: .unconditional, help: "Stop when the loss changes by less than this.")
    var toleranceLoss: Double?

    /// The objective and the run the flags describe; one line and exit 64 (a flag) or 65 (the data or
    /// the expression) for a mistake.
    func objectiveAndSpec() throws -> (ExpressionObjective, RunSpec) {
        let (names, values) = try TraceArguments.parseStart(start)
        var table: DataTable? = nil
        if let path = data {
            do { table = try DataTable.loadCSV(at: path, displayName: path) } catch { throw Failure.data(error.message) }
        }
        let objectiveValue: ExpressionObjective
        do {
            objectiveValue = try ExpressionObjective(expression: objective, parameters: names, data: table)
        } catch {
            throw Failure.data("--objective: \(error.message)")
        }
        return (objectiveValue, try makeSpec(names: names, start: values, hasData: table != nil))
    }

    private func makeSpec(names: [String], start: [Double], hasData: Bool) throws -> RunSpec {
        guard let kind = OptimizerKind(rawValue: optimizer) else {
            throw Failure.usage("--optimizer: unknown optimizer '\(optimizer)' (expected sgd, adagrad, rmsprop or adam)")
        }
        guard let conventionValue = Convention(rawValue: convention) else {
            throw Failure.usage("--convention: unknown convention '\(convention)' (expected keras or pytorch)")
        }
        switch (steps, epochs) {
        case (nil, nil): throw Failure.usage("give --steps N or --epochs N")
        case (.some, .some): throw Failure.usage("give --steps or --epochs, not both")
        case (let n?, nil) where n < 1: throw Failure.usage("--steps must be at least 1, got \(n)")
        case (nil, let n?) where n < 1: throw Failure.usage("--epochs must be at least 1, got \(n)")
        default: break
        }
        if epochs != nil && !hasData { throw Failure.usage("--epochs counts passes over --data; without data use --steps") }
        var batching = Batching(shuffleSeed: shuffle)
        if batch != "full" {
            guard let k = Int(batch), k >= 1 else { throw Failure.usage("--batch must be 'full' or a whole number ≥ 1, got '\(batch)'") }
            guard hasData else { throw Failure.usage("--batch needs --data") }
            batching.batchSize = k
        }
        if shuffle != nil && !hasData { throw Failure.usage("--shuffle needs --data") }
        var constraints = Constraints()
        constraints.boxes = try TraceArguments.parseBoxes(box, names: names)
        if let simplex {
            constraints.simplexGroups = [try TraceArguments.parseSimplex(simplex, names: names)]
        }
        let optimizerSpec = OptimizerSpec(
            kind: kind, convention: conventionValue, learningRate: lr, momentum: momentum, nesterov: nesterov,
            dampening: dampening, rho: rho, beta1: beta1, beta2: beta2, epsilon: epsilon,
            initialAccumulator: initialAccumulator)
        let stop = StopRules(maxSteps: steps, maxEpochs: epochs, gradientTolerance: toleranceGrad,
                             lossChangeTolerance: toleranceLoss)
        return RunSpec(start: start, optimizer: optimizerSpec, schedule: try TraceArguments.parseSchedule(schedule),
                       constraints: constraints, stop: stop, batching: batching)
    }
}
