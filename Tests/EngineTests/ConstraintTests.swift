import Engine
import TestSupport
import Testing
import Trace

@Suite struct ConstraintTests {
    /// The projection x of v is the nearest simplex point iff (KKT) x = max(v − τ, 0) for one τ
    /// with Σx = 1: every positive entry has v_i − x_i = τ and every zero entry has v_i ≤ τ.
    @Test func simplexProjectionIsOnTheSimplexAndNearest() {
        var generator = SeededGenerator(seed: 42)
        for trial in 0..<200 {
            let n = 1 + Int(generator.below(8))
            let v = (0..<n).map { _ in (generator.unit() - 0.5) * 6 }
            let x = SimplexProjection.projected(v)
            #expect(x.allSatisfy { $0 >= 0 }, "trial \(trial)")
            #expect(x.reduce(0, +).isApproximatelyEqual(to: 1, relativeTolerance: 1e-12), "trial \(trial): sum")
            let positives = (0..<n).filter { x[$0] > 0 }
            let tau = v[positives[0]] - x[positives[0]]
            for i in 0..<n {
                if x[i] > 0 { #expect((v[i] - x[i] - tau).magnitude < 1e-12, "trial \(trial)") }
                else { #expect(v[i] <= tau + 1e-12, "trial \(trial)") }
            }
            // And no random simplex point is nearer.
            let distance = zip(x, v).map { ($0 - $1) * ($0 - $1) }.reduce(0, +)
            for _ in 0..<50 {
                var y = (0..<n).map { _ in -generator.unit().magnitude.squareRoot() + 1 + 1e-9 }
                let total = y.reduce(0, +)
                y = y.map { $0 / total }
                let other = zip(y, v).map { ($0 - $1) * ($0 - $1) }.reduce(0, +)
                #expect(other >= distance - 1e-12, "trial \(trial)")
            }
        }
    }

    @Test func simplexKnownCases() {
        #expect(SimplexProjection.projected([0.2, 0.3, 0.5]) == [0.2, 0.3, 0.5])
        #expect(SimplexProjection.projected([2, 0]) == [1, 0])
        #expect(SimplexProjection.projected([1, 1]) == [0.5, 0.5])
        #expect(SimplexProjection.projected([5]) == [1])
    }

    @Test func boxClipSimplexAndFixedInOneRun() throws {
        // ∇f = λθ pushes every coordinate toward 0; the box, the simplex and the fixed entry hold them.
        let objective = TestQuadratic(curvatures: [1, 1, 1, 1, 1], names: ["a", "b", "p", "q", "r"])
        let constraints = Constraints(boxes: [.init(index: 0, lower: 0.5, upper: 2)], simplexGroups: [[2, 3]], fixed: [1])
        let spec = RunSpec(start: [1, 3, 0.9, 0.1, 7], optimizer: OptimizerSpec(kind: .sgd, learningRate: 0.8),
                           constraints: constraints, stop: StopRules(maxSteps: 5))
        let trace = try run(objective, spec: spec)
        for k in 1...5 {
            let theta = trace.parameters(row: k)
            #expect(theta[0] == 0.5 || k == 1 && theta[0] == 0.5)
            #expect(theta[1] == 3)
            #expect((theta[2] + theta[3]).isApproximatelyEqual(to: 1, relativeTolerance: 1e-15))
            #expect(theta[2] >= 0 && theta[3] >= 0)
            let before = trace.parameters(row: k - 1)
            for i in 0..<5 { #expect(trace.update(i, at: k - 1) == theta[i] - before[i], "the update is the projected step") }
        }
        // Step 1: a = 1 − 0.8 = 0.2 → clipped to 0.5; (p, q) = (0.18, 0.02) → +0.4 each → (0.58, 0.42).
        #expect(trace.parameter(0, at: 1) == 0.5)
        #expect(trace.parameter(2, at: 1).isApproximatelyEqual(to: 0.58, relativeTolerance: 1e-14))
        #expect(trace.parameter(3, at: 1).isApproximatelyEqual(to: 0.42, relativeTolerance: 1e-14))
        #expect(trace.update(1, at: 1) == 0)
        #expect(trace.parameter(4, at: 1).isApproximatelyEqual(to: 1.4, relativeTolerance: 1e-14))
    }

    @Test(arguments: [
        Constraints(boxes: [.init(index: 0, lower: 2, upper: 1)]),
        Constraints(boxes: [.init(index: 5, lower: 0, upper: 1)]),
        Constraints(simplexGroups: [[0, 7]]),
        Constraints(simplexGroups: [[0, 1], [1]]),
        Constraints(fixed: [-1]),
    ])
    func badConstraintsAreRefused(_ constraints: Constraints) {
        let spec = RunSpec(start: [1, 1], optimizer: OptimizerSpec(kind: .sgd), constraints: constraints, stop: StopRules(maxSteps: 1))
        #expect(throws: RunSpecError.self) { try run(TestQuadratic(), spec: spec) }
    }
}
