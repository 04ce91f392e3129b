extension KerasSGD: LaneFormed {
    /// `KerasSGD.update` for a block of cells (see `LaneOptimizer`): per lane, the same formulas in the
    /// same order, μ = 0 lanes by the stateless rule.
    ///
    /// ```
    /// μ = 0:      θ ← θ − g·η
    /// momentum:   v ← −g·η + v·μ;   θ ← θ + v
    /// Nesterov:   v ← −g·η + v·μ;   θ ← θ + (−g·η + v·μ)
    /// ```
    final class Lanes: LaneOptimizer {
        private let width: Int
        private let parameterCount: Int
        private let momentum: UnsafeMutablePointer<Double>
        private let nesterov: UnsafeMutablePointer<Bool>
        /// The velocity, struct of arrays (zero in μ = 0 lanes, which keep none).
        private let velocity: UnsafeMutablePointer<Double>

        init(settings: [OptimizerSettings], parameterCount: Int, width: Int) {
            precondition(settings.count <= width, "more lanes than the block has")
            self.width = width
            self.parameterCount = parameterCount
            momentum = .allocate(capacity: width)
            nesterov = .allocate(capacity: width)
            velocity = .allocate(capacity: parameterCount * width)
            momentum.initialize(repeating: 0, count: width)
            nesterov.initialize(repeating: false, count: width)
            velocity.initialize(repeating: 0, count: parameterCount * width)
            for (l, lane) in settings.enumerated() {
                momentum[l] = lane.momentum
                nesterov[l] = lane.nesterov
            }
        }

        deinit {
            momentum.deallocate()
            nesterov.deallocate()
            velocity.deallocate()
        }

        func update(theta: UnsafeMutablePointer<Double>, gradient: UnsafePointer<Double>, rates: UnsafePointer<Double>,
                    step t: Int, lanes m: Int) {
            let momentum = self.momentum, nesterov = self.nesterov
            // Both rules are computed in every lane and one is kept (a select, not a jump), so the loop vectorises.
            for i in 0..<parameterCount {
                let th = theta + i &* width, g = gradient + i &* width, v = velocity + i &* width
                for l in 0..<m {
                    let eta = rates[l], mu = momentum[l], gl = g[l]
                    let plain = th[l] - gl * eta
                    let newVelocity = -gl * eta + v[l] * mu
                    let step = nesterov[l] ? -gl * eta + newVelocity * mu : newVelocity
                    let stateless = mu == 0
                    v[l] = stateless ? v[l] : newVelocity
                    th[l] = stateless ? plain : th[l] + step
                }
            }
        }

        func move(from: Int, to: Int) {
            momentum[to] = momentum[from]
            nesterov[to] = nesterov[from]
            for i in 0..<parameterCount { velocity[i &* width &+ to] = velocity[i &* width &+ from] }
        }
    }
}
