import Engine
import ReferenceObjectives
import TestSupport
import Testing
import Trace

/// A seeded C with every column non-zero (entries in [−0.5, 0.5)).
private func randomC(_ n: Int, seed: UInt64) -> [Double] {
    var generator = SeededGenerator(seed: seed)
    return (0..<(n * n)).map { _ in generator.unit() - 0.5 }
}

@Suite struct LessonObjectiveZeroDiagonalTests {
    @Test("the hand-written gradient passes the gradient check away from zero columns", arguments: [0.0, 1.0])
    func gradient(penalty: Double) {
        let objective = ZeroDiagonal(penalty: penalty)
        for seed in [UInt64(1), 2, 3] {
            let report = GradientCheck.check(objective, at: randomC(20, seed: seed))
            #expect(report.passed, "seed \(seed): max relative error \(report.maxRelativeError)")
        }
        // A smaller problem with a larger λ, so the norm term matters.
        let small = ZeroDiagonal(dimension: 3, pointCount: 6, seed: 9, lambda: 2, penalty: penalty)
        #expect(GradientCheck.check(small, at: randomC(6, seed: 4)).passed)
    }

    @Test("at a zero column the gradient is the subgradient with the norm term's part 0")
    func zeroColumn() {
        let objective = ZeroDiagonal()
        let n = 20, d = 5, column = 3
        var c = randomC(n, seed: 5)
        for j in 0..<n { c[j * n + column] = 0 }
        let gradient = objective.evaluate(at: c).gradient
        let x = objective.points
        for j in 0..<n {
            // With cᵢ = 0: ∂f/∂Cⱼᵢ = 2 (Xᵀ(0 − xᵢ))ⱼ, nothing from λ‖cᵢ‖.
            let fitOnly = (0..<d).reduce(0.0) { $0 - 2 * x[$1 * n + j] * x[$1 * n + column] }
            #expect(gradient[j * n + column].isApproximatelyEqual(to: fitOnly, absoluteTolerance: 1e-14, relativeTolerance: 1e-14), "row \(j)")
            // f has a kink there: the one-sided slopes are fitOnly ± λ, and the chosen value lies between.
            let h = 1e-7
            var up = c, down = c
            up[j * n + column] = h
            down[j * n + column] = -h
            let f0 = objective.lossValue(at: c)
            let right = (objective.lossValue(at: up) - f0) / h
            let left = (f0 - objective.lossValue(at: down)) / h
            #expect(right.isApproximatelyEqual(to: fitOnly + objective.lambda, absoluteTolerance: 1e-5, relativeTolerance: 1e-5), "right slope, row \(j)")
            #expect(left.isApproximatelyEqual(to: fitOnly - objective.lambda, absoluteTolerance: 1e-5, relativeTolerance: 1e-5), "left slope, row \(j)")
            #expect(left < gradient[j * n + column] && gradient[j * n + column] < right)
        }
        // From C = 0 every column is zero: the first gradient is the fit term's alone.
        let start = objective.evaluate(at: Array(repeating: 0, count: n * n))
        #expect(start.loss.isApproximatelyEqual(to: Double(n), absoluteTolerance: 1e-14, relativeTolerance: 1e-14), "every point has length 1, so f(0) = Σ‖xᵢ‖² = n")
        #expect(start.gradient.allSatisfy { $0.isFinite })
    }

    @Test("the three terms add up to f; the diagonal's size is Σ Cᵢᵢ²")
    func terms() {
        let objective = ZeroDiagonal(penalty: 1)
        let c = randomC(20, seed: 6)
        let t = objective.terms(at: c)
        #expect((t.fit + t.norm + t.penalty).isApproximatelyEqual(to: objective.lossValue(at: c), absoluteTolerance: 1e-14, relativeTolerance: 1e-14))
        let diagonal = (0..<20).reduce(0.0) { $0 + c[$1 * 21] * c[$1 * 21] }
        #expect(objective.diagonalSize(of: c).isApproximatelyEqual(to: diagonal, absoluteTolerance: 1e-15, relativeTolerance: 1e-15))
        #expect(t.penalty.isApproximatelyEqual(to: diagonal, absoluteTolerance: 1e-15, relativeTolerance: 1e-15))
        #expect(objective.diagonalIndices == (0..<20).map { $0 * 21 })
        #expect(ZeroDiagonal().terms(at: c).penalty == 0)
    }

    @Test("the points: unit length, two halves, each half inside a plane")
    func points() {
        let objective = ZeroDiagonal()
        let (d, n, x) = (5, 20, objective.points)
        #expect(objective.membership == Array(repeating: 0, count: 10) + Array(repeating: 1, count: 10))
        #expect(ZeroDiagonal().points == x, "deterministic")
        #expect(ZeroDiagonal(seed: 3).points != x)
        for i in 0..<n {
            let length = (0..<d).reduce(0.0) { $0 + x[$1 * n + i] * x[$1 * n + i] }
            #expect(length.isApproximatelyEqual(to: 1, absoluteTolerance: 1e-14, relativeTolerance: 1e-14))
        }
        func column(_ i: Int) -> [Double] { (0..<d).map { x[$0 * n + i] } }
        func dot(_ u: [Double], _ v: [Double]) -> Double { zip(u, v).reduce(0) { $0 + $1.0 * $1.1 } }
        for (first, range) in [(0, 0..<10), (10, 10..<20)] {
            // Least squares on the half's first two points leaves no residual for the others (rank 2)...
            let u = column(first), v = column(first + 1)
            let (uu, uv, vv) = (dot(u, u), dot(u, v), dot(v, v))
            let det = uu * vv - uv * uv
            #expect(det > 1e-3)
            func residual(_ p: [Double]) -> Double {
                let (pu, pv) = (dot(p, u), dot(p, v))
                let alpha = (pu * vv - pv * uv) / det, beta = (pv * uu - pu * uv) / det
                return zip(p, zip(u, v)).map { $0 - alpha * $1.0 - beta * $1.1 }.reduce(0) { $0 + $1 * $1 }
            }
            for i in range { #expect(residual(column(i)) < 1e-24, "point \(i) in its plane") }
            // ...but not for the other half's points.
            let other = first == 0 ? 10..<20 : 0..<10
            #expect(other.allSatisfy { residual(column($0)) > 1e-3 })
        }
    }

    @Test("on the lesson's array expression, the hard constraint keeps the diagonal exactly zero at every row; the penalty only shrinks it")
    func hardConstraintVersusPenalty() throws {
        let problem = ZeroDiagonal()
        func lesson(penalty: Double) throws -> ExpressionObjective {
            try ArrayLessonExpressions.objective(
                ArrayLessonExpressions.zeroDiagonal, ArrayLessonExpressions.zeroDiagonalParameters,
                ArrayLessonExpressions.zeroDiagonalConstants(ZeroDiagonal(penalty: penalty)))
        }
        let hard = try lesson(penalty: 0), soft = try lesson(penalty: 1)
        let start = Array(repeating: 0.0, count: 400)
        let optimizer = OptimizerSpec(kind: .sgd, learningRate: 0.02, momentum: 0.5)
        let hardRun = try run(hard, spec: RunSpec(
            start: start, optimizer: optimizer, constraints: Constraints(fixed: problem.diagonalIndices),
            stop: StopRules(maxSteps: 600)))
        let softRun = try run(soft, spec: RunSpec(start: start, optimizer: optimizer, stop: StopRules(maxSteps: 600)))
        #expect(hardRun.verdict == .maxSteps && softRun.verdict == .maxSteps)
        for row in 0..<hardRun.count {
            for i in problem.diagonalIndices {
                #expect(hardRun.parameter(i, at: row) == 0, "C_\(i / 21)_\(i / 21) at row \(row)")
            }
        }
        let hardFinal = hardRun.finalParameters, softFinal = softRun.finalParameters
        #expect(problem.diagonalSize(of: hardFinal) == 0)
        let softDiagonal = problem.diagonalSize(of: softFinal)
        #expect(softDiagonal > 1e-4 && softDiagonal < 0.1, "penalty leaves a small diagonal: \(softDiagonal)")
        // Both reveal the subspaces: C's weight sits in the two diagonal blocks.
        for final in [hardFinal, softFinal] {
            var within = 0.0, across = 0.0
            for j in 0..<20 {
                for i in 0..<20 where i != j {
                    if problem.membership[i] == problem.membership[j] { within += final[j * 20 + i].magnitude }
                    else { across += final[j * 20 + i].magnitude }
                }
            }
            #expect(within > 4 * across, "within \(within), across \(across)")
        }
        #expect(hardRun.finalLoss < hardRun.loss(at: 0) / 10)
    }

    @Test("the expanded formula parses to the same function and, away from zero columns, the same gradient", arguments: [0.0, 1.0])
    func formula(penalty: Double) throws {
        let objective = ZeroDiagonal(dimension: 3, pointCount: 5, seed: 12, lambda: 0.7, penalty: penalty)
        let parsed = try ExpressionObjective(expression: objective.expandedFormula, parameters: objective.parameterNames)
        let c = randomC(5, seed: 8)
        let mine = objective.evaluate(at: c), theirs = parsed.evaluate(at: c)
        #expect(mine.loss.isApproximatelyEqual(to: theirs.loss, absoluteTolerance: 1e-12, relativeTolerance: 1e-12))
        for k in 0..<25 { #expect(mine.gradient[k].isApproximatelyEqual(to: theirs.gradient[k], absoluteTolerance: 1e-11, relativeTolerance: 1e-11), "entry \(k)") }
        #expect(ZeroDiagonal(penalty: penalty).formula == (penalty == 0
            ? "Σᵢ ‖xᵢ − X cᵢ‖² + 0.1·Σᵢ ‖cᵢ‖" : "Σᵢ ‖xᵢ − X cᵢ‖² + 0.1·Σᵢ ‖cᵢ‖ + 1·Σᵢ Cᵢᵢ²"))
    }
}
