import Foundation
import Testing
@testable import Engine

/// The learning-rate range test reads a run as fastai's lr_find does: the same smoothing, stop and suggestions.
@Suite("Range test")
struct RangeTestTests {
    /// fastai's definitions written out literally (AvgSmoothLoss, LRFinder.after_batch, steep, minimum).
    static func fastai(_ rates: [Double], _ losses: [Double], numIt: Int) -> (kept: Int, steep: Double, minimum: Double) {
        var val = 0.0, best = Double.infinity, smooth: [Double] = []
        for (i, loss) in losses.enumerated() {
            val = loss + 0.98 * (val - loss)            // torch.lerp(loss, val, 0.98)
            let s = val / (1 - pow(0.98, Double(i + 1)))
            smooth.append(s)
            if s < best { best = s }
            if s > 4 * best { break }
        }
        let lrs = Array(rates[(numIt / 10)..<(smooth.count - 5)]), ls = Array(smooth[(numIt / 10)..<(smooth.count - 5)])
        var steepest = 0, steepestGrad = Double.infinity
        for k in 0..<(ls.count - 1) {
            let grad = (ls[k + 1] - ls[k]) / (log(lrs[k + 1]) - log(lrs[k]))
            if grad < steepestGrad { steepestGrad = grad; steepest = k }
        }
        let m = ls.indices.min { ls[$0] < ls[$1] }!
        return (smooth.count, lrs[steepest], lrs[m] / 10)
    }

    @Test func smoothingStopAndSuggestionsMatchFastai() {
        // A loss that falls, bottoms out and explodes, with some noise, over rates 1e-6 … 10.
        let n = 120
        let rates = (0...n).map { 1e-6 * pow(1e7, Double($0) / Double(n)) }
        let losses = rates.enumerated().map { k, r in
            2 - 1.5 / (1 + pow(r / 1e-3, -1.2)) + pow(r / 0.5, 3) + 0.05 * sin(Double(k) * 1.7)
        }
        let test = RangeTest(rates: rates, losses: losses, plannedSteps: n)
        let reference = Self.fastai(rates, losses, numIt: n)
        #expect(test.stoppedEarly)
        #expect(test.rates.count == reference.kept)
        #expect(test.steepestRate == reference.steep)
        #expect(test.minimumRate == reference.minimum)
    }

    @Test func aConstantLossSmoothsToItself() {
        let test = RangeTest(rates: (0..<50).map { Double($0 + 1) }, losses: Array(repeating: 3, count: 50), plannedSteps: 50)
        #expect(test.smoothed.allSatisfy { abs($0 - 3) < 1e-12 })
        #expect(!test.stoppedEarly && test.rates.count == 50)
    }

    @Test func tooFewStepsSuggestNothing() {
        let test = RangeTest(rates: [1e-3, 1e-2, 1e-1], losses: [1, 0.5, 10], plannedSteps: 3)
        #expect(test.steepestRate == nil || test.rates.count <= 6)
        #expect(test.minimum == nil)
    }

    /// On f = ½·10·x² gradient descent diverges once η > 2/10: the test must stop past that rate and
    /// suggest rates below it.
    @Test func onAQuadraticTheSuggestionsAreStableAndTheStopComesPastTheLimit() throws {
        let objective = try ExpressionObjective(expression: "5*x^2", parameters: ["x"])
        let base = RunSpec(start: [3], optimizer: OptimizerSpec(kind: .sgd), stop: StopRules(maxSteps: 200))
        let spec = RangeTest.spec(base: base, from: 1e-4, to: 10)
        #expect(spec.optimizer.learningRate == 1e-4 && spec.schedule == .exponential(rate: 1e5, steps: 200))
        let trace = try Engine.run(objective, spec: spec)
        let test = RangeTest(rates: trace.learningRates, losses: trace.values(.loss), plannedSteps: 200)
        let limit = 2.0 / 10
        #expect(test.stoppedEarly)
        #expect(try #require(test.rates.last) > limit)
        #expect(try #require(test.steepestRate) < limit)
        #expect(try #require(test.minimumRate) < limit)
        #expect(trace.learningRates[0] == 1e-4 && trace.count < 201, "it starts at `from` and stops before `to`")
    }
}
