import Engine
import Foundation
import TestSupport
import Testing

/// Value and gradient of `text` over parameters `names` at `point` (no data).
private func evaluate(_ text: String, _ names: [String], at point: [Double]) throws -> (loss: Double, gradient: [Double]) {
    try ExpressionObjective(expression: text, parameters: names).evaluate(at: point)
}

/// The reference value of a one-argument function, computed with Foundation.
private func reference(_ function: ExpressionFunction, _ x: Double) -> Double {
    switch function {
    case .exp: return Foundation.exp(x)
    case .log: return Foundation.log(x)
    case .log1p: return Foundation.log1p(x)
    case .sqrt: return Foundation.sqrt(x)
    case .abs: return Swift.abs(x)
    case .sin: return Foundation.sin(x)
    case .cos: return Foundation.cos(x)
    case .tanh: return Foundation.tanh(x)
    case .sigmoid: return 1 / (1 + Foundation.exp(-x))
    case .softplus: return Foundation.log(1 + Foundation.exp(x))
    case .relu: return Swift.max(x, 0)
    case .min, .max: preconditionFailure("two-argument functions are checked separately")
    }
}

/// Points away from each function's kinks and inside its domain.
private func points(for function: ExpressionFunction) -> [Double] {
    switch function {
    case .log, .sqrt: return [0.05, 0.7, 2.5, 40]
    case .log1p: return [-0.9, -0.3, 0.4, 12]
    default: return [-3.1, -0.7, 0.25, 1.9, 6]
    }
}

/// Central difference of `f` at `x` with a step relative to x.
private func centralDifference(_ f: (Double) -> Double, at x: Double) -> Double {
    let h = 1e-6 * Swift.max(1, Swift.abs(x))
    return (f(x + h) - f(x - h)) / ((x + h) - (x - h))
}

@Suite("Expression derivatives")
struct ExpressionDerivativeTests {
    static let unary = ExpressionFunction.allCases.filter { $0.arity == 1 }

    @Test("every one-argument function: value and derivative against finite differences", arguments: unary)
    func unaryFunctions(function: ExpressionFunction) throws {
        let objective = try ExpressionObjective(expression: "\(function.rawValue)(t)", parameters: ["t"])
        for x in points(for: function) {
            let (value, gradient) = objective.evaluate(at: [x])
            #expect(value.isApproximatelyEqual(to: reference(function, x), absoluteTolerance: 1e-14, relativeTolerance: 1e-14), "\(function)(\(x)) = \(value)")
            let numeric = centralDifference({ reference(function, $0) }, at: x)
            #expect(gradient[0].isApproximatelyEqual(to: numeric, absoluteTolerance: 1e-7, relativeTolerance: 1e-7), "\(function)'(\(x)) = \(gradient[0]), numeric \(numeric)")
        }
    }

    @Test("functions of inner expressions follow the chain rule", arguments: unary)
    func chainRule(function: ExpressionFunction) throws {
        // f(0.5*t + 0.1*t^2) at t where the inner value lands inside f's domain.
        let objective = try ExpressionObjective(expression: "\(function.rawValue)(0.5*t + 0.1*t^2)", parameters: ["t"])
        for t in [0.3, 1.1, 2.0] {
            let inner = { (t: Double) in 0.5 * t + 0.1 * t * t }
            let numeric = centralDifference({ reference(function, inner($0)) }, at: t)
            #expect(objective.evaluate(at: [t]).gradient[0].isApproximatelyEqual(to: numeric, absoluteTolerance: 1e-7, relativeTolerance: 1e-7), "\(function) at t = \(t)")
        }
    }

    @Test("min and max: values and gradients in both arguments", arguments: [
        (1.0, 2.0), (2.0, 1.0), (-3.5, 0.25), (0.25, -3.5),
    ])
    func minMax(a: Double, b: Double) throws {
        let minimum = try evaluate("min(a, b)", ["a", "b"], at: [a, b])
        let maximum = try evaluate("max(a, b)", ["a", "b"], at: [a, b])
        #expect(minimum.loss == Swift.min(a, b))
        #expect(maximum.loss == Swift.max(a, b))
        #expect(minimum.gradient == (a < b ? [1, 0] : [0, 1]))
        #expect(maximum.gradient == (a > b ? [1, 0] : [0, 1]))
    }

    @Test("kinks: abs'(0) = 0, relu'(0) = 0, ties send the gradient to the first argument, sqrt'(0) = +inf")
    func kinks() throws {
        #expect(try evaluate("abs(a)", ["a"], at: [0]).gradient == [0])
        #expect(try evaluate("relu(a)", ["a"], at: [0]).gradient == [0])
        #expect(try evaluate("min(a, b)", ["a", "b"], at: [1, 1]).gradient == [1, 0])
        #expect(try evaluate("max(a, b)", ["a", "b"], at: [1, 1]).gradient == [1, 0])
        #expect(try evaluate("max(b, a)", ["a", "b"], at: [1, 1]).gradient == [0, 1])
        #expect(try evaluate("sqrt(a)", ["a"], at: [0]).gradient == [.infinity])
    }

    @Test("a branch switch does not leave a stale adjoint behind")
    func branchSwitches() throws {
        let objective = try ExpressionObjective(expression: "max(2*a, b*b) + min(a*b, 3)", parameters: ["a", "b"])
        for point in [[1.0, 5.0], [3.0, 0.9], [1.0, 5.0], [0.5, 0.5], [3.0, 0.9]] {
            let check = GradientCheck.check(objective, at: point)
            #expect(check.passed, "at \(point): \(check.entries)")
        }
    }

    @Test("sigmoid and softplus stay finite far out")
    func stability() throws {
        for x in [-800.0, -40, 40, 800] {
            let sigmoid = try evaluate("sigmoid(a)", ["a"], at: [x])
            let softplus = try evaluate("softplus(a)", ["a"], at: [x])
            #expect(sigmoid.loss.isFinite && sigmoid.gradient[0].isFinite)
            #expect(softplus.loss.isFinite && softplus.gradient[0].isFinite)
            #expect(sigmoid.loss.isApproximatelyEqual(to: x > 0 ? 1 : 0, absoluteTolerance: 1e-15, relativeTolerance: 1e-15))
            #expect(softplus.loss.isApproximatelyEqual(to: Swift.max(x, 0), absoluteTolerance: 1e-15, relativeTolerance: 1e-15))
            #expect(softplus.gradient[0].isApproximatelyEqual(to: sigmoid.loss, absoluteTolerance: 1e-15, relativeTolerance: 1e-15))
        }
        // log1p(e^-|x|) keeps the tiny tail that log(1 + e^x) would round away.
        #expect((try evaluate("softplus(a)", ["a"], at: [-40]).loss).isApproximatelyEqual(to: Foundation.exp(-40), absoluteTolerance: 1e-12, relativeTolerance: 1e-12))
    }

    @Test("powers", arguments: [
        ("a^2", -3.0, 9.0, -6.0),
        ("a^3", -2.0, -8.0, 12.0),
        ("a^(1+1)", -1.5, 2.25, -3.0),
        ("a^-1", 4.0, 0.25, -0.0625),
        ("a^0.5", 4.0, 2.0, 0.25),
        ("a^0", -7.0, 1.0, 0.0),
        ("a^1", -7.0, -7.0, 1.0),
        ("2^a", 3.0, 8.0, 8 * Foundation.log(2.0)),
        ("(-2)^2 + a", 1.0, 5.0, 1.0),
    ])
    func powers(text: String, at x: Double, value: Double, derivative: Double) throws {
        let (loss, gradient) = try evaluate(text, ["a"], at: [x])
        #expect(loss.isApproximatelyEqual(to: value, absoluteTolerance: 1e-15, relativeTolerance: 1e-15))
        #expect(gradient[0].isApproximatelyEqual(to: derivative, absoluteTolerance: 1e-15, relativeTolerance: 1e-15))
    }

    @Test("a general power a^b: both partials against finite differences", arguments: [
        (1.7, 2.3), (0.5, -1.2), (3.0, 0.5), (-2.0, 3.0),
    ])
    func generalPower(a: Double, b: Double) throws {
        let (loss, gradient) = try evaluate("a^b", ["a", "b"], at: [a, b])
        #expect(loss.isApproximatelyEqual(to: Foundation.pow(a, b), absoluteTolerance: 1e-15, relativeTolerance: 1e-15))
        #expect(gradient[0].isApproximatelyEqual(to: centralDifference({ Foundation.pow($0, b) }, at: a), absoluteTolerance: 1e-7, relativeTolerance: 1e-7))
        if a > 0 {
            #expect(gradient[1].isApproximatelyEqual(to: centralDifference({ Foundation.pow(a, $0) }, at: b), absoluteTolerance: 1e-7, relativeTolerance: 1e-7))
        } else {
            // b ↦ (−2)^b is not real around b = 3: no derivative, and the tape says so.
            #expect(gradient[1].isNaN)
        }
    }

    @Test("a reused parameter accumulates; a bare parameter and a constant differentiate trivially")
    func accumulation() throws {
        #expect(try evaluate("a*a + a", ["a"], at: [3]).gradient == [7])
        #expect(try evaluate("b", ["a", "b"], at: [3, 4]) == (4, [0, 1]))
        #expect(try evaluate("3", ["a"], at: [3]) == (3, [0]))
        #expect(try evaluate("a/b", ["a", "b"], at: [3, 4]).gradient == [0.25, -3.0 / 16])
        #expect(try evaluate("1/a", ["a"], at: [4]).gradient == [-1.0 / 16])
        #expect(try evaluate("5 - a", ["a"], at: [4]) == (1, [-1]))
    }

    @Test("products fused into sums and differences keep values and gradients", arguments: [
        ("a*b + c", 11.0, [3.0, 2, 1]),
        ("c + a*b", 11, [3, 2, 1]),
        ("a*b - c", 1, [3, 2, -1]),
        ("c - a*b", -1, [-3, -2, 1]),
        ("a*b + c*a", 16, [8, 2, 2]),
        ("a*b - b*c", -9, [3, -3, -3]),
        ("(a*b + c)*(a*c - b)", 77, [76, 3, 29]),
    ] as [(String, Double, [Double])])
    func fusedProducts(text: String, value: Double, gradient: [Double]) throws {
        let result = try evaluate(text, ["a", "b", "c"], at: [2, 3, 5])
        #expect(result.loss == value)
        #expect(result.gradient == gradient)
    }

    @Test("constant subexpressions are folded away")
    func folding() throws {
        let folded = try ExpressionObjective(expression: "(2*3 - exp(0))*a + max(1, 2)", parameters: ["a"])
        #expect(folded.tapeLength == 2)
        #expect(folded.evaluate(at: [2]) == (12, [5]))
        let seed = try ExpressionObjective(
            expression: "0.5*(y - (a2*x^2 + a1*x + a0))^2", parameters: ["a2", "a1", "a0"],
            data: try DataTable(columnNames: ["x", "y"], rows: [[2, 1], [-3, 0.5]]))
        // x^2 depends on data only: computed once per row, not per step; a1*x + (a2*x^2) fuse.
        #expect(seed.tapeLength == 6)
        #expect(seed.evaluate(at: [1, 1, 1], rows: [0]) == (18, [24, 12, 6]))
        #expect(seed.evaluate(at: [1, 1, 1], rows: [1]) == (21.125, [58.5, -19.5, 6.5]))
    }

    @Test("NaN and infinity pass through without crashing")
    func nonFinite() throws {
        let objective = try ExpressionObjective(expression: "log(a) + 1/b + a*b", parameters: ["a", "b"])
        let negative = objective.evaluate(at: [-1, 2])
        #expect(negative.loss.isNaN)
        let zero = objective.evaluate(at: [1, 0])
        #expect(zero.loss == .infinity)
        #expect(zero.gradient[1] == -.infinity)
        let nan = objective.evaluate(at: [.nan, 1])
        #expect(nan.loss.isNaN && nan.gradient.allSatisfy(\.isNaN))
        #expect(try evaluate("relu(a) + max(a, 1) + min(1, a)", ["a"], at: [.nan]).loss.isNaN)
        #expect(try evaluate("exp(a)", ["a"], at: [1000]) == (.infinity, [.infinity]))
    }
}
