import Foundation

/// The learning-rate range test (Smith 2015; fastai's `lr_find`): one run whose rate grows exponentially,
/// step by step, from `from` to `to`, read as loss against rate.
///
/// ```
/// rate at step t (of T):   η_t = from · (to/from)^(t/T)                 (fastai's SchedExp)
/// smoothed loss:           a_t = ℓ_t + β (a_{t−1} − ℓ_t),  a_{−1} = 0,  s_t = a_t / (1 − β^(t+1)),  β = 0.98
/// stop:                    after the first step whose s_t > 4 · min_{u ≤ t} s_u (that step is kept)
/// suggestions, over the steps from T/10 to 5 before the last kept (NaNs cut off):
///   steepest   η_k at the k where (s_{k+1} − s_k) / (log η_{k+1} − log η_k) is least
///   minimum    η_m / 10 at the m where s_m is least
/// ```
/// The same definitions as fastai's `AvgSmoothLoss`, `LRFinder.after_batch`, `steep` and `minimum`.
public struct RangeTest: Sendable, Equatable {
    /// β of the smoothing.
    public static let smoothing = 0.98
    /// The test stops once the smoothed loss passes this many times its best.
    public static let stopFactor = 4.0

    /// The rate of every kept step.
    public let rates: [Double]
    /// The loss every kept step saw (its batch's, with mini-batches).
    public let losses: [Double]
    /// The smoothed losses.
    public let smoothed: [Double]
    /// Whether the test stopped because the smoothed loss passed 4× its best (else it ran out of steps or diverged).
    public let stoppedEarly: Bool
    /// The step of the steepest descent, and of the smoothed minimum (nil when too few steps are left to judge).
    public let steepest: Int?
    public let minimum: Int?

    /// The test read from a run's rates and losses (row by row, as the trace holds them); `plannedSteps`
    /// is the run's budget T.
    public init(rates allRates: [Double], losses allLosses: [Double], plannedSteps: Int) {
        precondition(allRates.count == allLosses.count, "one rate per loss")
        var average = 0.0, best = Double.infinity, kept = 0, stopped = false
        var smoothed: [Double] = []
        for (t, loss) in allLosses.enumerated() {
            // torch.lerp(loss, average, β), as fastai's AvgSmoothLoss computes it.
            average = loss + Self.smoothing * (average - loss)
            let value = average / (1 - Foundation.pow(Self.smoothing, Double(t + 1)))
            smoothed.append(value)
            kept = t + 1
            if value < best { best = value }
            if value > Self.stopFactor * best { stopped = true; break }
            if !value.isFinite { break }
        }
        let keptRates = Array(allRates.prefix(kept))
        rates = keptRates
        losses = Array(allLosses.prefix(kept))
        self.smoothed = smoothed
        stoppedEarly = stopped
        // fastai judges rates[T/10 ..< count − 5], cut at the first NaN.
        var window = min(plannedSteps / 10, kept)..<max(min(plannedSteps / 10, kept), kept - 5)
        if let nan = window.first(where: { !smoothed[$0].isFinite }) { window = window.lowerBound..<nan }
        minimum = window.min { smoothed[$0] < smoothed[$1] }
        let slopes = window.dropLast().map { k in
            (k, (smoothed[k + 1] - smoothed[k]) / (Foundation.log(keptRates[k + 1]) - Foundation.log(keptRates[k])))
        }
        steepest = slopes.min { $0.1 < $1.1 }?.0
    }

    /// The rate of steepest descent, when there is one.
    public var steepestRate: Double? { steepest.map { rates[$0] } }
    /// The rate of the smoothed minimum over 10, when there is one.
    public var minimumRate: Double? { minimum.map { rates[$0] / 10 } }

    /// The run of the test: `base` at rate `from`, growing exponentially to `to` over its step budget.
    public static func spec(base: RunSpec, from: Double, to: Double) -> RunSpec {
        var spec = base
        spec.optimizer.learningRate = from
        spec.schedule = .exponential(rate: to / from, steps: max(1, base.stop.maxSteps ?? 1))
        return spec
    }
}
