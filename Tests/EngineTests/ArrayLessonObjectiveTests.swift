import Engine
import ReferenceObjectives
import TestSupport
import Testing

/// The largest |aᵢ − bᵢ| relative to the largest |bᵢ| (1e-300 floor).
private func relativeDistance(_ a: [Double], _ b: [Double]) -> Double {
    let scale = Swift.max(b.map(\.magnitude).max() ?? 0, 1e-300)
    return zip(a, b).map { ($0 - $1).magnitude }.max()! / scale
}

/// Loss and gradient of `expression` and `reference` agree to 1e-10 (the gradient relative to its largest entry).
private func expectSame<O: Objective>(_ expression: ExpressionObjective, _ reference: O, at points: [[Double]]) {
    for (index, point) in points.enumerated() {
        let (f, g) = expression.evaluate(at: point)
        let (fr, gr) = reference.evaluate(at: point)
        #expect(f.isApproximatelyEqual(to: fr, relativeTolerance: 1e-10), "point \(index): loss \(f) against \(fr)")
        #expect(relativeDistance(g, gr) <= 1e-10, "point \(index): gradient off by \(relativeDistance(g, gr))")
        #expect(expression.lossValue(at: point).isApproximatelyEqual(to: fr, relativeTolerance: 1e-10), "point \(index): loss without gradient")
    }
}

private func randomPoints(_ count: Int, length: Int, seed: UInt64, scale: Double = 1) -> [[Double]] {
    var generator = SeededGenerator(seed: seed)
    return (0..<count).map { _ in (0..<length).map { _ in scale * (generator.unit() - 0.5) } }
}

@Suite("Lesson objectives as array expressions")
struct ArrayLessonObjectiveTests {
    @Test("zero-diagonal: loss and gradient match the hand-written objective", arguments: [0.0, 1.0])
    func zeroDiagonal(penalty: Double) throws {
        let reference = ZeroDiagonal(penalty: penalty)
        let objective = try ArrayLessonExpressions.objective(
            ArrayLessonExpressions.zeroDiagonal, ArrayLessonExpressions.zeroDiagonalParameters,
            ArrayLessonExpressions.zeroDiagonalConstants(reference))
        #expect(objective.parameterNames.count == 400)
        #expect(objective.parameterNames[21] == "C[1,1]")
        var points = randomPoints(4, length: 400, seed: 11)
        // A zero column: the norm's subgradient there is 0 in both.
        for j in 0..<20 { points[0][j * 20 + 3] = 0 }
        points.append(Array(repeating: 0, count: 400))
        expectSame(objective, reference, at: points)
    }

    @Test("constrained-fit: loss and gradient match the hand-written objective")
    func constrainedFit() throws {
        let objective = try ArrayLessonExpressions.objective(
            ArrayLessonExpressions.constrainedFit, ArrayLessonExpressions.constrainedFitParameters,
            ArrayLessonExpressions.constrainedFitConstants)
        #expect(objective.parameterNames == ["a[0]", "a[1]", "a[2]", "a[3]", "b"])
        let points = [[0.25, 0.25, 0.25, 0.25, 0], [0, 0, 0, 1, 3.65015], [0.1, 0.2, 0.3, 0.4, -40]]
            + randomPoints(3, length: 5, seed: 3, scale: 20)
        expectSame(objective, ConstrainedFit(), at: points)
    }

    @Test("custom-loss: loss and gradient match the hand-written objective", arguments: CustomLoss.Reduction.allCases)
    func customLoss(reduction: CustomLoss.Reduction) throws {
        let reference = CustomLoss(reduction: reduction)
        let text = reduction == .mean ? ArrayLessonExpressions.customLossMean : ArrayLessonExpressions.customLossSum
        let objective = try ArrayLessonExpressions.objective(
            text, ArrayLessonExpressions.customLossParameters, ArrayLessonExpressions.customLossConstants)
        var points = randomPoints(3, length: 192, seed: 7)
        points.append(reference.target.map { $0 + 0.01 })
        points.append(Array(repeating: 0, count: 192))
        expectSame(objective, reference, at: points)
    }
}

@Suite("Lesson runs with array expressions")
struct ArrayLessonRunTests {
    /// The handout's numbers come out of the expressions too: runs with the lessons' settings end where
    /// the hand-written objectives' runs end.
    @Test("zero-diagonal: the penalty run's Σ Cᵢᵢ² and the hard run's zero diagonal")
    func zeroDiagonal() throws {
        let reference = ZeroDiagonal(penalty: 1)
        let objective = try ArrayLessonExpressions.objective(
            ArrayLessonExpressions.zeroDiagonal, ArrayLessonExpressions.zeroDiagonalParameters,
            ArrayLessonExpressions.zeroDiagonalConstants(reference))
        let optimizer = OptimizerSpec(kind: .sgd, learningRate: 0.02, momentum: 0.5)
        let start = [Double](repeating: 0, count: 400)
        for constraints in [Constraints(), Constraints(fixed: reference.diagonalIndices)] {
            let spec = RunSpec(start: start, optimizer: optimizer, constraints: constraints, stop: StopRules(maxSteps: 600))
            let expected = try run(reference, spec: spec), actual = try run(objective, spec: spec)
            let last = expected.count - 1
            #expect(actual.count == expected.count)
            #expect(actual.loss(at: last).isApproximatelyEqual(to: expected.loss(at: last), relativeTolerance: 1e-9))
            #expect(reference.diagonalSize(of: actual.parameters(row: last)).isApproximatelyEqual(to: reference.diagonalSize(of: expected.parameters(row: last)), relativeTolerance: 1e-8))
        }
    }

    @Test("constrained-fit: projected Adam from the centre reaches f = 0.0695439 with b = 3.65015")
    func constrainedFit() throws {
        let objective = try ArrayLessonExpressions.objective(
            ArrayLessonExpressions.constrainedFit, ArrayLessonExpressions.constrainedFitParameters,
            ArrayLessonExpressions.constrainedFitConstants)
        let spec = RunSpec(
            start: [0.25, 0.25, 0.25, 0.25, 0], optimizer: OptimizerSpec(kind: .adam, learningRate: 0.05),
            constraints: Constraints(boxes: [.init(index: 4, lower: -100, upper: 100)], simplexGroups: [[0, 1, 2, 3]]),
            stop: StopRules(maxSteps: 8000))
        let trace = try run(objective, spec: spec)
        let expected = try run(ConstrainedFit(), spec: spec)
        let last = trace.count - 1
        #expect(trace.loss(at: last).isApproximatelyEqual(to: expected.loss(at: last), relativeTolerance: 1e-9))
        #expect(Swift.abs(trace.loss(at: last) - 0.0695439) < 5e-7)
        #expect(Swift.abs(trace.parameter(4, at: last) - 3.65015) < 5e-5)
    }
}
