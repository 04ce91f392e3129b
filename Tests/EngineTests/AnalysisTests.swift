import Engine
import ReferenceObjectives
import Testing

/// The analyses lessons place in their notes: line search, grid search, convexity probe,
/// Hessian extremes and feasible sampling, checked against closed forms.
@Suite("Analyses")
struct AnalysisTests {
    @Test("line search: exact on a parabola (clipped or not), Brent on anything else", arguments: [
        (3.0, -10.0...10.0, 3.0), (30.0, -10.0...10.0, 10.0), (-30.0, -10.0...10.0, -10.0), (0.125, 0.0...1.0, 0.125),
    ] as [(Double, ClosedRange<Double>, Double)])
    func lineSearch(center: Double, interval: ClosedRange<Double>, expected: Double) {
        var calls = 0
        let found = LineMinimizer.minimize(in: interval) { x in calls += 1; return 2 * (x - center) * (x - center) + 1 }
        #expect(abs(found.x - expected) <= 1e-12 * max(1, abs(expected)))
        #expect(calls <= 4, "a parabola takes four evaluations, took \(calls)")
        let quartic = LineMinimizer.minimize(in: -2...3) { x in (x - 1.3) * (x - 1.3) * (x - 1.3) * (x - 1.3) + x * 0.01 }
        // The minimum of (x − 1.3)⁴ + 0.01x: 4(x − 1.3)³ = −0.01, so x = 1.3 − ∛0.0025.
        let exact = 1.3 - cubeRoot(0.0025)
        #expect(abs(quartic.x - exact) < 1e-4, "\(quartic.x) vs \(exact)")
    }

    /// ∛x (x > 0) by Newton's method, for the quartic's closed form.
    private func cubeRoot(_ x: Double) -> Double {
        var y = 1.0
        for _ in 0..<100 { y -= (y * y * y - x) / (3 * y * y) }
        return y
    }

    @Test("grid search over the simplex with b solved, on the lesson's array expression, reproduces constrained-fit's closed form")
    func gridSearchMatchesTheClosedForm() throws {
        let fit = try ArrayLessonExpressions.objective(
            ArrayLessonExpressions.constrainedFit, ArrayLessonExpressions.constrainedFitParameters,
            ArrayLessonExpressions.constrainedFitConstants)
        for resolution in [20, 60] {
            let search = GridSearch(domain: .simplex([0, 1, 2, 3]), resolution: resolution, solved: (4, -100...100))
            let found = search.run(fit, base: [0.25, 0.25, 0.25, 0.25, 0])
            let closed = ConstrainedFit.gridSearch(resolution: resolution)
            #expect(Array(found.parameters[0..<4]) == closed.a)
            #expect(abs(found.parameters[4] - closed.b) <= 1e-9 * abs(closed.b))
            #expect(abs(found.loss - closed.loss) <= 1e-12 * max(1, closed.loss))
            #expect(found.points == search.pointCount)
        }
        #expect(GridSearch(domain: .simplex([0, 1, 2, 3]), resolution: 200).pointCount == 1_373_701)
    }

    @Test("grid search over boxes visits (r + 1)^k points and finds a grid minimum")
    func gridSearchBoxes() throws {
        let bowl = try ExpressionObjective(expression: "(x - 0.3)^2 + 2*(y + 0.6)^2 + z", parameters: ["x", "y", "z"])
        let search = GridSearch(domain: .boxes([(0, -1...1), (1, -1...1)]), resolution: 10)
        let found = search.run(bowl, base: [0, 0, 5])
        #expect(found.points == 121 && search.pointCount == 121)
        #expect(abs(found.parameters[0] - 0.4) < 1e-12 || abs(found.parameters[0] - 0.2) < 1e-12)
        #expect(abs(found.parameters[1] + 0.6) < 1e-12)
        #expect(found.parameters[2] == 5)
    }

    @Test("the convexity probe finds nothing on a convex bowl and a witness on a double well")
    func convexity() throws {
        let box = Constraints(boxes: [.init(index: 0, lower: -2, upper: 2), .init(index: 1, lower: -2, upper: 2)])
        let points = box.samples(count: 400, seed: 3, base: [0, 0])
        let bowl = try ExpressionObjective(expression: "x^2 + 3*y^2 + x*y", parameters: ["x", "y"])
        let none = ConvexityProbe.probe(bowl, points: points)
        #expect(none.chordsTried == 200 && none.witness == nil)
        let well = try ExpressionObjective(expression: "(x^2 - 1)^2 + y^2", parameters: ["x", "y"])
        let found = try #require(ConvexityProbe.probe(well, points: points).witness)
        #expect(found.gap > 0)
        #expect(found.lossMidpoint == well.lossValue(at: found.midpoint))
        #expect(found.chord == 0.5 * well.lossValue(at: found.p) + 0.5 * well.lossValue(at: found.q))
        #expect(ConvexityProbe.probe(well, points: points).witness == found, "seeded: the same witness every time")
    }

    @Test("feasible samples lie on the simplex and in their boxes; other parameters keep the base")
    func samples() {
        let constraints = Constraints(boxes: [.init(index: 4, lower: -100, upper: 100)], simplexGroups: [[0, 1, 2, 3]])
        let points = constraints.samples(count: 500, seed: 9, base: [0, 0, 0, 0, 0, 7])
        for p in points {
            #expect(p[0..<4].allSatisfy { $0 >= 0 } && abs(p[0..<4].reduce(0, +) - 1) < 1e-12)
            #expect((-100...100).contains(p[4]) && p[5] == 7)
        }
        #expect(constraints.samples(count: 500, seed: 9, base: [0, 0, 0, 0, 0, 7]) == points)
    }

    @Test("Hessian extremes: the whole matrix for few parameters, power iteration for many", arguments: [3, 120])
    func hessianExtremes(count: Int) throws {
        // f = ½ Σ λᵢ θᵢ² with λᵢ from 0.5 to 40 and one negative curvature: eigenvalues known exactly.
        let lambdas = (0..<count).map { i in i == 1 ? -2.0 : 0.5 + 39.5 * Double(i) / Double(count - 1) }
        let gradient = { (theta: [Double]) in zip(lambdas, theta).map { $0 * $1 } }
        let extremes = Hessian.extremeEigenvalues(at: [Double](repeating: 0.3, count: count), gradient: gradient)
        #expect(abs(extremes.smallest + 2) < 1e-6)
        #expect(abs(extremes.largest - 40) < 1e-6)
    }
}
