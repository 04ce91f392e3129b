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
        /// 1 where the lane uses Nesterov momentum, else 0 (a double, for `LanePair`).
        private let nesterov: UnsafeMutablePointer<Double>
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
            nesterov.initialize(repeating: 0, count: width)
            velocity.initialize(repeating: 0, count: parameterCount * width)
            for (l, lane) in settings.enumerated() {
                momentum[l] = lane.momentum
                nesterov[l] = lane.nesterov ? 1 : 0
            }
        }

        deinit {
            momentum.deallocate()
            nesterov.deallocate()
            velocity.deallocate()
        }

        func update(theta: UnsafeMutablePointer<Double>, gradient: UnsafePointer<Double>, rates: UnsafePointer<Double>,
                    step t: Int, lanes m: Int) {
            // Both rules are computed in every lane and one is kept (a select, not a jump), two lanes at a
            // time (`LanePair`), the odd lane last with the same formulas.
            for i in 0..<parameterCount {
                let th = theta + i &* width, g = gradient + i &* width, v = velocity + i &* width
                var l = 0
                while l &+ 2 <= m {
                    let eta = LanePair.load(rates, l), mu = LanePair.load(momentum, l), gl = LanePair.load(g, l)
                    let th0 = LanePair.load(th, l), v0 = LanePair.load(v, l)
                    let plain = th0 - gl * eta
                    let newVelocity = -gl * eta + v0 * mu
                    let step = LanePair.select(newVelocity, -gl * eta + newVelocity * mu, where: LanePair.load(nesterov, l) .!= 0)
                    let stateless = mu .== 0
                    LanePair.store(LanePair.select(newVelocity, v0, where: stateless), v, l)
                    LanePair.store(LanePair.select(th0 + step, plain, where: stateless), th, l)
                    l &+= 2
                }
                if l < m {
                    let eta = rates[l], mu = momentum[l], gl = g[l]
                    if mu == 0 {
                        th[l] = th[l] - gl * eta
                    } else {
                        v[l] = -gl * eta + v[l] * mu
                        th[l] = th[l] + (nesterov[l] != 0 ? -gl * eta + v[l] * mu : v[l])
                    }
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
