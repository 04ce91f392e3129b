import Engine
import TestSupport
import Testing
import Trace

/// Every Keras run of the fixture, replayed through `run`, matches at every step to 1e-12 relative.
@Suite struct ReferenceKerasTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let spec: OptimizerSpec
        /// Reference state key → our state name.
        let states: [String: String]
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "quadratic/keras_sgd", spec: OptimizerSpec(kind: .sgd, learningRate: 0.01, momentum: 0), states: [:]),
        Case(name: "quadratic/keras_sgd_momentum", spec: OptimizerSpec(kind: .sgd, learningRate: 0.01, momentum: 0.9),
             states: ["xy_momentum": "velocity"]),
        Case(name: "quadratic/keras_sgd_nesterov",
             spec: OptimizerSpec(kind: .sgd, learningRate: 0.01, momentum: 0.9, nesterov: true),
             states: ["xy_momentum": "velocity"]),
        Case(name: "quadratic/keras_adam", spec: OptimizerSpec(kind: .adam, learningRate: 0.05),
             states: ["xy_momentum": "m", "xy_velocity": "v"]),
        Case(name: "quadratic/keras_rmsprop", spec: OptimizerSpec(kind: .rmsprop, learningRate: 0.01),
             states: ["xy_velocity": "mean_square"]),
        Case(name: "quadratic/keras_adagrad", spec: OptimizerSpec(kind: .adagrad, learningRate: 0.5),
             states: ["xy_accumulator": "accumulator"]),
        // optax `trace` is PyTorch's momentum buffer without dampening.
        Case(name: "quadratic/optax_sgd_momentum",
             spec: OptimizerSpec(kind: .sgd, convention: .pytorch, learningRate: 0.01, momentum: 0.9),
             states: ["[0].trace": "buffer"]),
    ]

    @Test(arguments: cases)
    func matchesReferenceAtEveryStep(_ c: Case) throws {
        let reference = try #require(ReferenceRun.all[c.name])
        #expect(reference.learningRate == c.spec.learningRate)
        let spec = RunSpec(start: [-4, 2], optimizer: c.spec, stop: StopRules(maxSteps: 50))
        let trace = try run(TestQuadratic(), spec: spec)
        // 50 steps stop some of these runs mid-descent, so the budget verdict may say the loss was still falling.
        switch trace.verdict {
        case .maxSteps, .stillFalling: break
        default: Issue.record("expected the budget verdict, got \(trace.verdict)")
        }
        #expect(trace.count == 51)
        #expect(Set(trace.stateNames) == Set(c.states.values))
        for k in 0...50 {
            #expect(trace.losses[k].isApproximatelyEqual(to: reference.loss[k], relativeTolerance: 1e-12), "loss at step \(k)")
            #expect(trace.learningRates[k] == reference.learningRate)
            for i in 0..<2 {
                #expect(trace.value(.parameter(i), row: k).isApproximatelyEqual(to: reference.params[k][i], relativeTolerance: 1e-12), "param \(i) at step \(k)")
                #expect(trace.value(.gradient(i), row: k).isApproximatelyEqual(to: reference.grad[k][i], relativeTolerance: 1e-12), "grad \(i) at step \(k)")
                // Row k's update is the step from θ_k (the reference's update k+1; the last row's is 0).
                // An update is a difference of parameters, so its error is measured against the parameter's size.
                let update = k < 50 ? reference.update[k + 1][i] : 0
                #expect(trace.value(.update(i), row: k).isApproximatelyEqual(to: update, absoluteTolerance: 1e-12 * reference.params[k][i].magnitude, relativeTolerance: 1e-12),
                        "update \(i) at step \(k)")
                for (key, name) in c.states {
                    let ours = try #require(trace.stateColumn(name, parameter: i))
                    let theirs = try #require(reference.state[key])
                    #expect(ours[k].isApproximatelyEqual(to: theirs[k][i], relativeTolerance: 1e-12), "\(name)[\(i)] at step \(k)")
                }
            }
        }
    }

    @Test func kerasSGDWithoutMomentumKeepsNoState() throws {
        let trace = try run(TestQuadratic(), spec: RunSpec(start: [-4, 2], optimizer: OptimizerSpec(kind: .sgd), stop: StopRules(maxSteps: 3)))
        #expect(trace.stateNames.isEmpty)
        #expect(trace.metadata("learning_rate") == "0.01")
    }
}
