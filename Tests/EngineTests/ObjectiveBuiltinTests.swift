import Engine
import Testing

@Suite("Built-in objectives")
struct ObjectiveBuiltinTests {
    static let all: [BuiltinObjective] = [
        try! BuiltinObjective(named: "quadratic"),
        try! BuiltinObjective(named: "quadratic", curvatures: [0.5, 3, 40]),
        try! BuiltinObjective(named: "rosenbrock"),
        try! BuiltinObjective(named: "beale"),
        try! BuiltinObjective(named: "himmelblau"),
        try! BuiltinObjective(named: "rastrigin"),
        try! BuiltinObjective(named: "rastrigin", dimension: 5),
    ]

    @Test("at every known minimum: the minimum value and a zero gradient", arguments: all)
    func minima(objective: BuiltinObjective) {
        #expect(!objective.knownMinima.isEmpty)
        for point in objective.knownMinima {
            let (loss, gradient) = objective.evaluate(at: point)
            #expect(Swift.abs(loss - objective.minimumValue) < 1e-20, "\(objective.name) at \(point): \(loss)")
            #expect(gradient.allSatisfy { Swift.abs($0) < 1e-12 }, "\(objective.name) at \(point): \(gradient)")
        }
    }

    @Test("exact gradients agree with finite differences away from the minima", arguments: all)
    func gradients(objective: BuiltinObjective) {
        let n = objective.parameterNames.count
        for seed in 0..<5 {
            let point = (0..<n).map { i in Double((seed * 7 + i * 3) % 11) * 0.37 - 1.8 }
            let report = GradientCheck.check(objective, at: point)
            #expect(report.passed, "\(objective.name) at \(point): \(report.entries)")
            #expect(objective.lossValue(at: point) == objective.evaluate(at: point).loss)
        }
    }

    @Test("the printed formula parses to the same function", arguments: all)
    func formula(objective: BuiltinObjective) throws {
        let parsed = try ExpressionObjective(expression: objective.formula, parameters: objective.parameterNames)
        for point in [[0.3, -1.1, 2.0, 0.7, -0.4], [1.9, 0.2, -0.8, 1.1, 0.05]] {
            let theta = Array(point.prefix(objective.parameterNames.count))
            let (expected, gradient) = objective.evaluate(at: theta)
            let (value, parsedGradient) = parsed.evaluate(at: theta)
            #expect(Swift.abs(value - expected) <= 1e-12 * Swift.max(1, Swift.abs(expected)))
            for i in gradient.indices {
                #expect(Swift.abs(parsedGradient[i] - gradient[i]) <= 1e-10 * Swift.max(1, Swift.abs(gradient[i])))
            }
        }
    }

    @Test("the reference bowl: f(x, y) = 0.5(x² + 10y²), eigenvalues (1, 10), stability limit 0.2")
    func referenceBowl() throws {
        let bowl = try BuiltinObjective(named: "quadratic")
        #expect(bowl.parameterNames == ["x", "y"])
        #expect(bowl.hessianEigenvalues == [1, 10])
        #expect(bowl.evaluate(at: [2, 1]) == (7, [2, 10]))
        guard case .quadratic(let q) = bowl else {
            Issue.record("expected a quadratic bowl")
            return
        }
        #expect(q.stabilityLimit == 0.2)
        #expect(try BuiltinObjective(named: "rosenbrock").hessianEigenvalues == nil)
    }

    @Test("Rosenbrock's values: f(0, 0) = 1, f(−1, 1) = 4")
    func rosenbrockValues() {
        let r = Rosenbrock()
        #expect(r.evaluate(at: [0, 0]) == (1, [-2, 0]))
        #expect(r.lossValue(at: [-1, 1]) == 4)
        #expect(Rosenbrock(a: 2, b: 5).knownMinima == [[2, 4]])
    }

    @Test("parameter names: defaults and given")
    func names() throws {
        #expect(try BuiltinObjective(named: "rastrigin", dimension: 3).parameterNames == ["x", "y", "z"])
        #expect(try BuiltinObjective(named: "rastrigin", dimension: 4).parameterNames == ["x1", "x2", "x3", "x4"])
        #expect(try BuiltinObjective(named: "rastrigin", parameterNames: ["u", "v", "w"]).parameterNames == ["u", "v", "w"])
        #expect(try BuiltinObjective(named: "beale", parameterNames: ["p", "q"]).parameterNames == ["p", "q"])
        #expect(try BuiltinObjective(named: "quadratic", curvatures: [2]).parameterNames == ["x"])
    }

    @Test("lookup errors are one line each", arguments: [
        ("foo", nil, nil, nil, "unknown objective 'foo' (built-in objectives: beale, himmelblau, quadratic, rastrigin, rosenbrock)"),
        ("banana", nil, [1.0], nil, "unknown objective 'banana' (built-in objectives: beale, himmelblau, quadratic, rastrigin, rosenbrock)"),
        ("banana", nil, nil, 3, "unknown objective 'banana' (built-in objectives: beale, himmelblau, quadratic, rastrigin, rosenbrock)"),
        ("beale", ["x"], nil, nil, "objective 'beale' has 2 parameters, got 1 names (x)"),
        ("rosenbrock", nil, [1.0, 2], nil, "objective 'rosenbrock' takes no curvatures (only 'quadratic' does)"),
        ("himmelblau", nil, nil, 3, "objective 'himmelblau' has a fixed dimension of 2"),
        ("quadratic", nil, [1, -2], nil, "objective 'quadratic': curvatures must be positive finite numbers, got [1.0, -2.0]"),
        ("quadratic", nil, [1, 2], 3, "objective 'quadratic': dimension 3 but 2 curvatures"),
        ("rastrigin", ["a", "a"], nil, nil, "objective 'rastrigin': parameter 'a' is listed twice"),
        ("rastrigin", nil, nil, 0, "objective 'rastrigin': dimension must be at least 1, got 0"),
    ] as [(String, [String]?, [Double]?, Int?, String)])
    func lookupErrors(name: String, names: [String]?, curvatures: [Double]?, dimension: Int?, message: String) {
        #expect(throws: ObjectiveLookupError(message: message)) {
            try BuiltinObjective(named: name, parameterNames: names, curvatures: curvatures, dimension: dimension)
        }
    }

    @Test("every listed name resolves to an objective with that name")
    func lookupNames() throws {
        for name in BuiltinObjective.names {
            #expect(try BuiltinObjective(named: name).name == name)
        }
    }

    @Test("NaN and infinity give non-finite values, not crashes", arguments: all)
    func nonFinite(objective: BuiltinObjective) {
        let n = objective.parameterNames.count
        #expect(objective.evaluate(at: Array(repeating: .nan, count: n)).loss.isNaN)
        #expect(!objective.evaluate(at: Array(repeating: .infinity, count: n)).loss.isFinite)
    }
}
