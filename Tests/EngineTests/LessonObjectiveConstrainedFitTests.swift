import Engine
import ReferenceObjectives
import TestSupport
import Testing
import Trace

@Suite struct LessonObjectiveConstrainedFitTests {
    let fit = ConstrainedFit()

    @Test("the hand-written gradient passes the gradient check", arguments: [
        [0.25, 0.25, 0.25, 0.25, 0.0],
        [0, 0, 0, 1, 3.65],
        [0.7, 0.1, 0.1, 0.1, -80],
        [0.1, 0.2, 0.3, 0.4, 55],
        [1, 0, 0, 0, 100],
        [-0.3, 1.2, 0.5, -0.4, 12.5],
    ] as [[Double]])
    func gradient(point: [Double]) {
        let report = GradientCheck.check(fit, at: point)
        #expect(report.passed, "max relative error \(report.maxRelativeError) at \(point)")
    }

    @Test func valueByHand() {
        // a = e4 makes s the last row of C; with b = 0, f = Σ (y − s)².
        let s = ConstrainedFit.c[3]
        let expected = zip(ConstrainedFit.y, s).map { ($0 - $1) * ($0 - $1) }.reduce(0, +)
        #expect(fit.lossValue(at: [0, 0, 0, 1, 0]).isApproximatelyEqual(to: expected, absoluteTolerance: 1e-15, relativeTolerance: 1e-15))
        #expect(fit.parameterNames == ["a1", "a2", "a3", "a4", "b"])
        #expect(fit.rowCount == 0)
    }

    @Test("bestB zeroes ∂f/∂b inside the box and sits at the right end when clipped")
    func bestB() {
        for a in [[0.25, 0.25, 0.25, 0.25], [0, 0, 0, 1], [0.1, 0.5, 0.2, 0.2], [0, 0.3, 0, 0.7]] {
            let b = ConstrainedFit.bestB(a: a)
            #expect(ConstrainedFit.bBounds.contains(b))
            let slope = fit.evaluate(at: a + [b]).gradient[4]
            if b > -100 && b < 100 {
                #expect(slope.magnitude < 1e-14, "∂f/∂b = \(slope) at a = \(a)")
            }
            for delta in [-1.0, -1e-3, 1e-3, 1] where ConstrainedFit.bBounds.contains(b + delta) {
                #expect(ConstrainedFit.loss(a: a, b: b + delta) > ConstrainedFit.loss(a: a, b: b))
            }
            #expect(ConstrainedFit.profileLoss(a: a) == ConstrainedFit.loss(a: a, b: b))
        }
        // At the first vertex the parabola's vertex lies above 100: clipped, and f still falls towards it.
        let clipped = ConstrainedFit.bestB(a: [1, 0, 0, 0])
        #expect(clipped == 100)
        #expect(fit.evaluate(at: [1, 0, 0, 0, 100]).gradient[4] < 0)
    }

    @Test func gridSearchFindsTheVertexMinimum() {
        let coarse = ConstrainedFit.gridSearch(resolution: 20)
        let fine = ConstrainedFit.gridSearch(resolution: 120)
        #expect(fine.a == [0, 0, 0, 1])
        #expect(coarse.a == fine.a)
        #expect(fine.b.isApproximatelyEqual(to: 3.6501490063245, absoluteTolerance: 1e-12, relativeTolerance: 1e-12))
        #expect(fine.loss.isApproximatelyEqual(to: 0.0695439153435883, absoluteTolerance: 1e-12, relativeTolerance: 1e-12))
        #expect(fine.loss == ConstrainedFit.loss(a: fine.a, b: fine.b))
        #expect(fine.parameters == [0, 0, 0, 1, fine.b])
    }

    @Test("projected gradient descent from several starts agrees with the grid search; every iterate is feasible")
    func descentAgreesWithGrid() throws {
        let grid = ConstrainedFit.gridSearch(resolution: 100)
        let constraints = Constraints(
            boxes: [.init(index: ConstrainedFit.bIndex, lower: -100, upper: 100)],
            simplexGroups: [ConstrainedFit.simplexIndices])
        let starts: [[Double]] = [
            [0.25, 0.25, 0.25, 0.25, 0],
            [0.4, 0.4, 0.2, 0, 50],
            [0.1, 0.2, 0.3, 0.4, -50],
            [0, 1, 0, 0, -100],
        ]
        var finals: [(loss: Double, theta: [Double])] = []
        for start in starts {
            let spec = RunSpec(start: start, optimizer: OptimizerSpec(kind: .sgd, learningRate: 0.2),
                               constraints: constraints, stop: StopRules(maxSteps: 20_000))
            let trace = try run(fit, spec: spec)
            #expect(trace.verdict == .maxSteps)
            for row in 1..<trace.count {
                let theta = trace.parameters(row: row)
                let a = theta[0..<4]
                #expect(a.allSatisfy { $0 >= 0 }, "row \(row): a = \(a)")
                #expect((a.reduce(0, +) - 1).magnitude <= 1e-12, "row \(row): Σa = \(a.reduce(0, +))")
                #expect(theta[4] >= -100 && theta[4] <= 100, "row \(row): b = \(theta[4])")
                if !(a.allSatisfy { $0 >= 0 } && (a.reduce(0, +) - 1).magnitude <= 1e-12) { break }
            }
            finals.append((trace.finalLoss, trace.finalParameters))
        }
        let best = finals.min { $0.loss < $1.loss }!
        // Descent can only do as well as the true minimum, which the grid attains at its vertex.
        #expect(best.loss >= grid.loss - 1e-12)
        #expect(best.loss - grid.loss < 1e-10, "descent \(best.loss) vs grid \(grid.loss)")
        #expect(best.theta[0..<3] == [0, 0, 0])
        #expect((best.theta[3] - 1).magnitude <= 1e-12)
        #expect(best.theta[4].isApproximatelyEqual(to: grid.b, absoluteTolerance: 1e-6, relativeTolerance: 1e-6))
    }

    @Test("the witness's midpoint lies above its chord: f is not convex")
    func nonConvexityWitness() {
        let w = ConstrainedFit.nonConvexityWitness()
        for point in [w.p, w.q, w.mix] {
            #expect(point[0..<4].allSatisfy { $0 >= 0 })
            #expect((point[0..<4].reduce(0, +) - 1).magnitude <= 1e-12)
            #expect(ConstrainedFit.bBounds.contains(point[4]))
        }
        #expect(w.t > 0 && w.t < 1)
        // Recompute every value from the objective itself.
        #expect(fit.lossValue(at: w.p) == w.lossAtP)
        #expect(fit.lossValue(at: w.q) == w.lossAtQ)
        #expect(fit.lossValue(at: w.mix).isApproximatelyEqual(to: w.lossAtMix, absoluteTolerance: 1e-14, relativeTolerance: 1e-14))
        #expect(w.lossAtMix > w.t * w.lossAtP + (1 - w.t) * w.lossAtQ)
        #expect(w.gap > w.chord, "the midpoint is more than twice the chord: \(w.lossAtMix) vs \(w.chord)")
        // The search's answer, so the handout's numbers are pinned.
        #expect(w.p == [0, 0, 0, 1, 3] && w.q == [0.25, 0, 0.75, 0, 100] || w.q == [0, 0, 0, 1, 3] && w.p == [0.25, 0, 0.75, 0, 100])
        #expect(ConstrainedFit.nonConvexityWitness() == w)
    }

    @Test("the formula parses to the same function and gradient")
    func formula() throws {
        let parsed = try ExpressionObjective(expression: fit.formula, parameters: fit.parameterNames)
        for point in [[0.25, 0.25, 0.25, 0.25, 0.0], [0.1, 0.2, 0.3, 0.4, 55], [1, 0, 0, 0, -100]] {
            let mine = fit.evaluate(at: point), theirs = parsed.evaluate(at: point)
            #expect(mine.loss.isApproximatelyEqual(to: theirs.loss, absoluteTolerance: 1e-13, relativeTolerance: 1e-13))
            for i in 0..<5 { #expect(mine.gradient[i].isApproximatelyEqual(to: theirs.gradient[i], absoluteTolerance: 1e-12, relativeTolerance: 1e-12), "∂/∂\(fit.parameterNames[i])") }
        }
    }
}
