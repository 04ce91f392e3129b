import Engine
import Testing

@Suite struct LessonObjectiveLookupTests {
    @Test("each lesson objective resolves by name with its own default parameter names", arguments: [
        ("constrained-fit", 5, "a1", "b"),
        ("custom-loss", 192, "Y_0_0", "Y_11_15"),
        ("custom-loss-sum", 192, "Y_0_0", "Y_11_15"),
        ("zero-diagonal", 400, "C_0_0", "C_19_19"),
        ("zero-diagonal-penalty", 400, "C_0_0", "C_19_19"),
    ])
    func lookup(name: String, count: Int, first: String, last: String) throws {
        let objective = try BuiltinObjective(named: name)
        #expect(objective.name == name)
        #expect(BuiltinObjective.names.contains(name))
        #expect(objective.parameterNames.count == count)
        #expect(objective.parameterNames.first == first && objective.parameterNames.last == last)
        #expect(Set(objective.parameterNames).count == count)
        #expect(objective.rowCount == 0)
        #expect(objective.hessianEigenvalues == nil)
    }

    @Test func variants() throws {
        guard case .customLoss(let mean) = try BuiltinObjective(named: "custom-loss"),
              case .customLoss(let sum) = try BuiltinObjective(named: "custom-loss-sum"),
              case .zeroDiagonal(let hard) = try BuiltinObjective(named: "zero-diagonal"),
              case .zeroDiagonal(let soft) = try BuiltinObjective(named: "zero-diagonal-penalty"),
              case .constrainedFit(let fit) = try BuiltinObjective(named: "constrained-fit")
        else {
            Issue.record("a lesson name resolved to the wrong case")
            return
        }
        #expect(mean == CustomLoss() && mean.reduction == .mean && mean.lambda == 0.5)
        #expect(sum == CustomLoss(reduction: .sumThenMean))
        #expect(hard == ZeroDiagonal() && hard.penalty == 0 && hard.lambda == 0.1)
        #expect(soft == ZeroDiagonal(penalty: 1))
        #expect(fit == ConstrainedFit())
    }

    @Test("the enum passes values and gradients through unchanged")
    func passThrough() throws {
        let builtin = try BuiltinObjective(named: "constrained-fit")
        let point = [0.1, 0.2, 0.3, 0.4, 7]
        let direct = ConstrainedFit().evaluate(at: point), wrapped = builtin.evaluate(at: point)
        #expect(direct.loss == wrapped.loss && direct.gradient == wrapped.gradient)
        #expect(builtin.lossValue(at: point) == direct.loss)
    }

    @Test func minima() throws {
        let custom = try BuiltinObjective(named: "custom-loss")
        #expect(custom.knownMinima == [CustomLoss.target(height: 12, width: 16)])
        #expect(custom.minimumValue == 0)
        for name in ["constrained-fit", "zero-diagonal", "zero-diagonal-penalty"] {
            let objective = try BuiltinObjective(named: name)
            #expect(objective.knownMinima.isEmpty)
            #expect(objective.minimumValue.isNaN)
        }
    }

    @Test func customNames() throws {
        let names = ["w1", "w2", "w3", "w4", "beta"]
        #expect(try BuiltinObjective(named: "constrained-fit", parameterNames: names).parameterNames == names)
        let fit = try BuiltinObjective(named: "constrained-fit", parameterNames: names)
        _ = try ExpressionObjective(expression: fit.formula, parameters: names)
    }

    @Test("lookup errors are one line each", arguments: [
        ("constrained-fit", ["a"], nil, nil, "objective 'constrained-fit' has 5 parameters, got 1 names (a)"),
        ("custom-loss", nil, [1.0], nil, "objective 'custom-loss' takes no curvatures (only 'quadratic' does)"),
        ("zero-diagonal-penalty", nil, [1.0, 2], nil, "objective 'zero-diagonal-penalty' takes no curvatures (only 'quadratic' does)"),
        ("constrained-fit", nil, nil, 4, "objective 'constrained-fit' has a fixed dimension of 5"),
        ("custom-loss-sum", nil, nil, 4, "objective 'custom-loss-sum' has a fixed dimension of 192"),
        ("zero-diagonal", nil, nil, 20, "objective 'zero-diagonal' has a fixed dimension of 400"),
        ("constrained-fit", ["a", "a", "b", "c", "d"], nil, nil, "objective 'constrained-fit': parameter 'a' is listed twice"),
    ] as [(String, [String]?, [Double]?, Int?, String)])
    func lookupErrors(name: String, names: [String]?, curvatures: [Double]?, dimension: Int?, message: String) {
        #expect(throws: ObjectiveLookupError(message: message)) {
            try BuiltinObjective(named: name, parameterNames: names, curvatures: curvatures, dimension: dimension)
        }
    }
}
