// Array expressions against the hand-written lesson objectives they replace (see bench/run.sh arrays).
//
// For zero-diagonal (κ = 1), constrained-fit and custom-loss (mean and sum) it measures
//   - loss + gradient evaluations per second at a fixed point, and
//   - the lesson's runs through Engine.run with its lesson.toml settings (optimizer, lr, steps,
//     constraints; constrained-fit's 24-start sweeps with starts drawn here),
// for the hand-written Swift objective and the array expression, alternating, and prints a
// Markdown table of medians and ratios (expression / hand-written; below 1 is faster).
// The expressions are those of Tests/EngineTests/Support/ArrayLessonExpressions.swift.
import Engine
import ReferenceObjectives
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

let rounds = CommandLine.arguments.count > 1 ? Int(CommandLine.arguments[1]) ?? 5 : 5

func declarations(_ texts: [String]) -> [ParameterDeclaration] { texts.map { try! ParameterDeclaration(parsing: $0) } }

/// CPU seconds `body` takes (the process's CPU clock: steadier than wall time on a shared machine).
func seconds(_ body: () -> Void) -> Double {
    func now() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) * 1e-9
    }
    let start = now()
    body()
    return now() - start
}

func median(_ xs: [Double]) -> Double {
    let s = xs.sorted()
    return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
}

/// Seconds per loss + gradient evaluation at `point`, over about 0.2 s.
func perEvaluation<O: Objective>(_ objective: O, at point: [Double]) -> Double {
    var gradient = [Double](repeating: 0, count: point.count)
    var sink = 0.0
    var count = 1
    while true {
        let t = seconds {
            point.withUnsafeBufferPointer { p in
                gradient.withUnsafeMutableBufferPointer { g in
                    for _ in 0..<count { sink += objective.lossAndGradient(at: p, rows: UnsafeBufferPointer(start: nil, count: 0), gradient: g) }
                }
            }
        }
        if t > 0.2 || count > 1 << 26 {
            if sink == 42 { print("") }  // keeps the loop
            return t / Double(count)
        }
        count *= 2
    }
}

/// Runs every spec once and returns the total steps taken.
func runAll<O: Objective>(_ objective: O, _ specs: [RunSpec]) -> Int {
    specs.reduce(0) { $0 + (try! run(objective, spec: $1)).count }
}

func sgd(_ lr: Double, momentum: Double? = nil) -> OptimizerSpec { OptimizerSpec(kind: .sgd, learningRate: lr, momentum: momentum) }

// zero-diagonal: κ = 1, runs "penalty" and "hard" (diagonal fixed), SGD η = 0.02, μ = 0.5, 600 steps from C = 0.
let zeroDiagonal = ZeroDiagonal(penalty: 1)
let diagonal = zeroDiagonal.diagonalIndices
let zeroStart = [Double](repeating: 0, count: 400)
var generator = SeededGenerator(seed: 1)
let zeroPoint = (0..<400).map { _ in generator.unit() - 0.5 }

// constrained-fit: "centre" (SGD η = 0.2, 6000 steps), "adam" (Adam η = 0.05, 8000 steps), and each from 24 starts.
var fitStarts: [[Double]] = [[0.25, 0.25, 0.25, 0.25, 0]]
var spread = SeededGenerator(seed: 5)
for _ in 0..<24 {
    let a = (0..<4).map { _ in spread.unit() }
    fitStarts.append(a.map { $0 / a.reduce(0, +) } + [200 * spread.unit() - 100])
}
let fitConstraints = Constraints(boxes: [.init(index: 4, lower: -100, upper: 100)], simplexGroups: [[0, 1, 2, 3]])
let fitSpecs = fitStarts.flatMap { start in
    [RunSpec(start: start, optimizer: sgd(0.2), constraints: fitConstraints, stop: StopRules(maxSteps: 6000)),
     RunSpec(start: start, optimizer: OptimizerSpec(kind: .adam, learningRate: 0.05), constraints: fitConstraints, stop: StopRules(maxSteps: 8000))]
}

// custom-loss: mean at η = 1 and 5, sum at η = 1 (diverges) and 1/192, 400 steps each from Y = 0.
let imageStart = [Double](repeating: 0, count: 192)
let imagePoint = CustomLoss.target(height: 12, width: 16).map { $0 * 0.9 + 0.02 }
let target = ArrayValue(shape: .matrix(12, 16), elements: CustomLoss.target(height: 12, width: 16))
let prewitt = "correlate(pad(T - Y, 1), [[-1, 0, 1], [-1, 0, 1], [-1, 0, 1]])^2 + correlate(pad(T - Y, 1), [[-1, -1, -1], [0, 0, 0], [1, 1, 1]])^2"

/// Seconds per evaluation and for all `specs`.
func measure<O: Objective>(_ objective: O, _ point: [Double], _ specs: [RunSpec]) -> (eval: Double, run: Double) {
    let eval = perEvaluation(objective, at: point)
    let run = seconds { _ = runAll(objective, specs) }
    return (eval, run)
}

func fixed(_ x: Double, _ digits: Int) -> String {
    let scale = (0..<digits).reduce(1.0) { x, _ in x * 10 }
    return String(Double(Int((x * scale).rounded())) / scale)
}

/// Alternates the two objectives for `rounds` rounds and prints one table row of medians.
func compare<H: Objective>(_ name: String, point: [Double], specs: [RunSpec], hand: H, expression: ExpressionObjective) {
    var h: [(eval: Double, run: Double)] = [], e: [(eval: Double, run: Double)] = []
    for round in 0..<rounds {
        if round % 2 == 0 {
            h.append(measure(hand, point, specs))
            e.append(measure(expression, point, specs))
        } else {
            e.append(measure(expression, point, specs))
            h.append(measure(hand, point, specs))
        }
    }
    let he = median(h.map(\.eval)), ee = median(e.map(\.eval)), hr = median(h.map(\.run)), er = median(e.map(\.run))
    print("| \(name) | \(fixed(he * 1e6, 3)) | \(fixed(ee * 1e6, 3)) | \(fixed(ee / he, 2))× | \(fixed(hr, 4)) | \(fixed(er, 4)) | \(fixed(er / hr, 2))× | \(expression.tapeLength) |")
}

print("## arrays: array expressions against the hand-written lesson objectives")
print()
print("Medians of \(rounds) alternating rounds, CPU time. Evaluation: one loss + gradient at a fixed point. Runs: the lesson's runs through `Engine.run` (trace kept in memory, no files). Ratios: expression / hand-written.")
print()
print("| objective | hand-written eval (µs) | expression eval (µs) | ratio | hand-written runs (s) | expression runs (s) | ratio | expression tape (ops) |")
print("|---|---:|---:|---:|---:|---:|---:|---:|")
compare(
    "zero-diagonal (2 runs × 600 steps, 400 parameters)", point: zeroPoint,
    specs: [RunSpec(start: zeroStart, optimizer: sgd(0.02, momentum: 0.5), stop: StopRules(maxSteps: 600)),
            RunSpec(start: zeroStart, optimizer: sgd(0.02, momentum: 0.5), constraints: Constraints(fixed: diagonal), stop: StopRules(maxSteps: 600))],
    hand: zeroDiagonal,
    expression: try! ExpressionObjective(
        expression: "sumsq(X @ C - X) + lambda*sum(norm(C, 0)) + kappa*sumsq(diag(C))", parameters: declarations(["C[20,20]"]),
        constants: ["X": ArrayValue(shape: .matrix(5, 20), elements: zeroDiagonal.points), "lambda": ArrayValue(0.1), "kappa": ArrayValue(1)]))
compare(
    "constrained-fit (50 runs, 350,000 steps, 5 parameters)", point: [0.1, 0.2, 0.3, 0.4, 3],
    specs: fitSpecs, hand: ConstrainedFit(),
    expression: try! ExpressionObjective(
        expression: "sumsq(y - (a @ C + b*(a @ C)^2))", parameters: declarations(["a[4]", "b"]),
        constants: ["C": ArrayValue(matrix: ConstrainedFit.c), "y": ArrayValue(matrix: [ConstrainedFit.y])]))
compare(
    "custom-loss, mean (2 runs × 400 steps, 192 parameters)", point: imagePoint,
    specs: [1.0, 5.0].map { RunSpec(start: imageStart, optimizer: sgd($0), stop: StopRules(maxSteps: 400)) },
    hand: CustomLoss(reduction: .mean),
    expression: try! ExpressionObjective(
        expression: "mean((T - Y)^2) - 0.5*mean(T - Y)^2 + mean(\(prewitt))", parameters: declarations(["Y[12,16]"]),
        constants: ["T": target]))
compare(
    "custom-loss, sum (2 runs × 400 steps, 192 parameters)", point: imagePoint,
    specs: [1.0, 1.0 / 192].map { RunSpec(start: imageStart, optimizer: sgd($0), stop: StopRules(maxSteps: 400)) },
    hand: CustomLoss(reduction: .sumThenMean),
    expression: try! ExpressionObjective(
        expression: "sum((T - Y)^2) - 0.5*sum(T - Y)^2/192 + sum(\(prewitt))", parameters: declarations(["Y[12,16]"]),
        constants: ["T": target]))
