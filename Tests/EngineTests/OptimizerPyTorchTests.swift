import Engine
import TestSupport
import Testing
import Trace

/// PyTorch rules worked by hand on f = ½(x² + 10y²) from (−4, 2), where ∇f = (x, 10y).
@Suite struct OptimizerPyTorchTests {
    func trace(_ spec: OptimizerSpec, steps: Int = 3) throws -> Trace {
        try run(TestQuadratic(), spec: RunSpec(start: [-4, 2], optimizer: spec, stop: StopRules(maxSteps: steps)))
    }

    func expectClose(_ a: [Double], _ b: [Double], _ what: String) {
        #expect(a.count == b.count)
        for (x, y) in zip(a, b) { #expect(x.isApproximatelyEqual(to: y, relativeTolerance: 1e-14), "\(what): \(a) vs \(b)") }
    }

    @Test func adagrad() throws {
        // acc ← acc + g·g;  θ ← θ − η·g / (√acc + ε), acc₀ = 0, ε = 1e-10, η = 0.01 (defaults).
        let t = try trace(OptimizerSpec(kind: .adagrad, convention: .pytorch))
        var theta = [-4.0, 2.0], acc = [0.0, 0.0]
        for k in 1...3 {
            let g = [theta[0], 10 * theta[1]]
            for i in 0..<2 {
                acc[i] += g[i] * g[i]
                theta[i] += -0.01 * g[i] / (acc[i].squareRoot() + 1e-10)
            }
            expectClose(t.parameters(row: k), theta, "θ_\(k)")
            expectClose(t.state(0, row: k), acc, "accumulator_\(k)")
        }
        // Step 1 in closed form: θ₁ = θ₀ − η·sign(g)·|g|/(|g| + ε) ≈ θ₀ − 0.01·sign(g).
        #expect(t.parameter(0, at: 1).isApproximatelyEqual(to: -4 + 0.01 * 4 / (4 + 1e-10), relativeTolerance: 1e-15))
        #expect(t.stateNames == ["accumulator"])
    }

    @Test func rmsprop() throws {
        // ms ← ρ·ms + (1 − ρ)·g·g;  θ ← θ − η·g / (√ms + ε), ρ = 0.99, ε = 1e-8, η = 0.01.
        let t = try trace(OptimizerSpec(kind: .rmsprop, convention: .pytorch))
        var theta = [-4.0, 2.0], ms = [0.0, 0.0]
        for k in 1...3 {
            let g = [theta[0], 10 * theta[1]]
            for i in 0..<2 {
                ms[i] = ms[i] * 0.99 + (1 - 0.99) * g[i] * g[i]
                theta[i] += -0.01 * g[i] / (ms[i].squareRoot() + 1e-8)
            }
            expectClose(t.parameters(row: k), theta, "θ_\(k)")
            expectClose(t.state(0, row: k), ms, "mean_square_\(k)")
        }
        // Step 1: ms = 0.01·g², so θ moves by η·g/(0.1|g| + ε) = 0.1 per coordinate up to ε/(0.1|g|) ≈ 2.5e-8.
        #expect(t.update(0, at: 0).isApproximatelyEqual(to: 0.1, relativeTolerance: 1e-7))
        #expect(t.update(1, at: 0).isApproximatelyEqual(to: -0.1, relativeTolerance: 1e-7))
    }

    @Test func adam() throws {
        // m ← β1·m + (1−β1)·g;  v ← β2·v + (1−β2)·g²;  θ ← θ − η·m̂/(√v̂ + ε), ε = 1e-8, η = 1e-3.
        let t = try trace(OptimizerSpec(kind: .adam, convention: .pytorch))
        var theta = [-4.0, 2.0], m = [0.0, 0.0], v = [0.0, 0.0]
        for k in 1...3 {
            let g = [theta[0], 10 * theta[1]]
            for i in 0..<2 {
                m[i] = 0.9 * m[i] + 0.1 * g[i]
                v[i] = 0.999 * v[i] + 0.001 * g[i] * g[i]
                let mHat = m[i] / (1 - pow(0.9, Double(k)))
                let vHat = v[i] / (1 - pow(0.999, Double(k)))
                theta[i] -= 1e-3 * mHat / (vHat.squareRoot() + 1e-8)
            }
            for i in 0..<2 {
                #expect(t.parameter(i, at: k).isApproximatelyEqual(to: theta[i], relativeTolerance: 1e-13))
                #expect(t.value(.state(0, parameter: i), row: k).isApproximatelyEqual(to: m[i], relativeTolerance: 1e-13))
                #expect(t.value(.state(1, parameter: i), row: k).isApproximatelyEqual(to: v[i], relativeTolerance: 1e-13))
            }
        }
        // Step 1: m̂ = g, v̂ = g², so each coordinate moves by η against the sign of g.
        #expect(t.update(0, at: 0).isApproximatelyEqual(to: 1e-3, relativeTolerance: 1e-8))
        #expect(t.update(1, at: 0).isApproximatelyEqual(to: -1e-3, relativeTolerance: 1e-8))
    }

    @Test func sgdNesterov() throws {
        // b₁ = g₀; after that b ← μb + g;  θ ← θ − η·(g + μb), η = 0.01, μ = 0.9.
        let t = try trace(OptimizerSpec(kind: .sgd, convention: .pytorch, learningRate: 0.01, momentum: 0.9, nesterov: true))
        // Step 1: g = (−4, 20), b = g, d = g + 0.9g = 1.9g, θ₁ = (−4 + 0.076, 2 − 0.38).
        expectClose(t.parameters(row: 1), [-4 - 0.01 * (1.9 * -4), 2 - 0.01 * (1.9 * 20)], "θ₁")
        expectClose(t.state(0, row: 1), [-4, 20], "buffer₁")
        // Step 2: g = (−3.924, 16.2), b = 0.9·(−4, 20) + g.
        let g1 = [-3.924, 10 * 1.62]
        let b2 = [0.9 * -4 + g1[0], 0.9 * 20 + g1[1]]
        expectClose(t.gradient(row: 1), g1, "g₁")
        expectClose(t.state(0, row: 2), b2, "buffer₂")
        let theta2 = [t.parameter(0, at: 1) - 0.01 * (g1[0] + 0.9 * b2[0]), t.parameter(1, at: 1) - 0.01 * (g1[1] + 0.9 * b2[1])]
        expectClose(t.parameters(row: 2), theta2, "θ₂")
        #expect(t.stateNames == ["buffer"])
    }

    @Test func sgdDampeningSkipsTheFirstStep() throws {
        let t = try trace(OptimizerSpec(kind: .sgd, convention: .pytorch, learningRate: 0.01, momentum: 0.5, dampening: 0.5))
        expectClose(t.state(0, row: 1), [-4, 20], "b₁ = g₀ undamped")
        let g1 = t.gradient(row: 1)
        expectClose(t.state(0, row: 2), [0.5 * -4 + 0.5 * g1[0], 0.5 * 20 + 0.5 * g1[1]], "b₂ = μb + (1 − d)g")
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
