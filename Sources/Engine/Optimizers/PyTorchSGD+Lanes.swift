extension PyTorchSGD: LaneFormed {
    /// `PyTorchSGD.update` for a block of cells (see `LaneOptimizer`): per lane, the same formulas in the
    /// same order, μ = 0 lanes by the stateless rule. The lanes start together, so the first step (b ← g)
    /// is t = 0 for all of them.
    ///
    /// ```
    /// μ = 0:        θ ← θ + (−η)·g
    /// first step:   b ← g
    /// after that:   b ← b·μ + (1 − dampening)·g
    /// direction:    d = g + μ·b  (Nesterov)   or   d = b
    /// update:       θ ← θ + (−η)·d
    /// ```
    final class Lanes: LaneOptimizer {
        private let width: Int
        private let parameterCount: Int
        private let momentum: UnsafeMutablePointer<Double>
        /// 1 − dampening.
        private let keep: UnsafeMutablePointer<Double>
        private let nesterov: UnsafeMutablePointer<Bool>
        /// The momentum buffer, struct of arrays (zero in μ = 0 lanes, which keep none).
        private let buffer: UnsafeMutablePointer<Double>

        init(settings: [OptimizerSettings], parameterCount: Int, width: Int) {
            precondition(settings.count <= width, "more lanes than the block has")
            self.width = width
            self.parameterCount = parameterCount
            momentum = .allocate(capacity: width)
            keep = .allocate(capacity: width)
            nesterov = .allocate(capacity: width)
            buffer = .allocate(capacity: parameterCount * width)
            momentum.initialize(repeating: 0, count: width)
            keep.initialize(repeating: 1, count: width)
            nesterov.initialize(repeating: false, count: width)
            buffer.initialize(repeating: 0, count: parameterCount * width)
            for (l, lane) in settings.enumerated() {
                momentum[l] = lane.momentum
                keep[l] = 1 - lane.dampening
                nesterov[l] = lane.nesterov
            }
        }

        deinit {
            momentum.deallocate()
            keep.deallocate()
            nesterov.deallocate()
            buffer.deallocate()
        }

        func update(theta: UnsafeMutablePointer<Double>, gradient: UnsafePointer<Double>, rates: UnsafePointer<Double>,
                    step t: Int, lanes m: Int) {
            let momentum = self.momentum, keep = self.keep, nesterov = self.nesterov
            let first = t == 0
            // Both rules are computed in every lane and one is kept (a select, not a jump), so the loop vectorises.
            for i in 0..<parameterCount {
                let th = theta + i &* width, gi = gradient + i &* width, b = buffer + i &* width
                for l in 0..<m {
                    let minusEta = -rates[l], mu = momentum[l], g = gi[l]
                    let plain = th[l] + minusEta * g
                    let remembered = first ? g : b[l] * mu + keep[l] * g
                    let direction = nesterov[l] ? g + mu * remembered : remembered
                    let stateless = mu == 0
                    b[l] = stateless ? b[l] : remembered
                    th[l] = stateless ? plain : th[l] + minusEta * direction
                }
            }
        }

        func move(from: Int, to: Int) {
            momentum[to] = momentum[from]
            keep[to] = keep[from]
            nesterov[to] = nesterov[from]
            for i in 0..<parameterCount { buffer[i &* width &+ to] = buffer[i &* width &+ from] }
        }
    }
}
