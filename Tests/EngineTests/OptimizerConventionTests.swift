import Engine
import TestSupport
import Testing
import Trace

/// Keras keeps v = μv − ηg; PyTorch keeps b = μb + g and steps −ηb.
@Suite struct OptimizerConventionTests {
    func pair(schedule: Schedule, steps: Int = 40) throws -> (keras: Trace, pytorch: Trace) {
        func spec(_ c: Convention) -> RunSpec {
            RunSpec(start: [-4, 2], optimizer: OptimizerSpec(kind: .sgd, convention: c, learningRate: 0.01, momentum: 0.9),
                    schedule: schedule, stop: StopRules(maxSteps: steps))
        }
        return (try run(TestQuadratic(), spec: spec(.keras)), try run(TestQuadratic(), spec: spec(.pytorch)))
    }

    @Test func samePathAtConstantRateWithVelocityMinusEtaTimesBuffer() throws {
        let (keras, pytorch) = try pair(schedule: .constant)
        #expect(keras.stateNames == ["velocity"])
        #expect(pytorch.stateNames == ["buffer"])
        for k in 0...40 {
            for i in 0..<2 {
                #expect(keras.parameter(i, at: k).isApproximatelyEqual(to: pytorch.parameter(i, at: k), absoluteTolerance: 1e-24, relativeTolerance: 1e-12))
                let v = keras.value(.state(0, parameter: i), row: k)
                let b = pytorch.value(.state(0, parameter: i), row: k)
                #expect(v.isApproximatelyEqual(to: -0.01 * b, absoluteTolerance: 1e-26, relativeTolerance: 1e-12), "v = −ηb at step \(k)")
            }
        }
    }

    @Test func differentPathsAfterAStepDecay() throws {
        let (keras, pytorch) = try pair(schedule: .step(every: 10, factor: 0.1))
        // Up to and including update 10 (made with the first rate) the paths agree.
        for k in 0...10 {
            #expect(keras.parameter(0, at: k).isApproximatelyEqual(to: pytorch.parameter(0, at: k), absoluteTolerance: 1e-24, relativeTolerance: 1e-12))
        }
        // Step 11 (row 10's update) uses η/10: Keras keeps the old velocity at full size, PyTorch shrinks the whole buffer.
        let v10 = keras.state(0, row: 10)
        let b10 = pytorch.state(0, row: 10)
        let g10 = keras.gradient(row: 10)
        let kerasStep = (0..<2).map { 0.9 * v10[$0] - 0.001 * g10[$0] }
        let pytorchStep = (0..<2).map { -0.001 * (0.9 * b10[$0] + g10[$0]) }
        for i in 0..<2 {
            #expect(keras.update(i, at: 10).isApproximatelyEqual(to: kerasStep[i], absoluteTolerance: 1e-24, relativeTolerance: 1e-12))
            #expect(pytorch.update(i, at: 10).isApproximatelyEqual(to: pytorchStep[i], absoluteTolerance: 1e-24, relativeTolerance: 1e-12))
        }
        #expect((keras.parameter(0, at: 40) - pytorch.parameter(0, at: 40)).magnitude > 1e-3)
        #expect(keras.learningRates[9] == 0.01)
        #expect(keras.learningRates[10].isApproximatelyEqual(to: 0.001, relativeTolerance: 1e-15))
    }
}
