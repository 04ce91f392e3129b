import Engine
import ReferenceObjectives
import TestSupport
import Testing

/// Test images for a 12×16 map: a seeded random map, the target plus noise, a constant, zeros.
private func points(_ loss: CustomLoss) -> [[Double]] {
    var generator = SeededGenerator(seed: 7)
    let n = loss.pixelCount
    return [
        (0..<n).map { _ in generator.unit() },
        loss.target.map { $0 + 0.2 * (generator.unit() - 0.5) },
        Array(repeating: 0.4, count: n),
        Array(repeating: 0, count: n),
    ]
}

@Suite struct LessonObjectiveCustomLossTests {
    @Test("the hand-written gradient passes the gradient check", arguments: CustomLoss.Reduction.allCases)
    func gradient(reduction: CustomLoss.Reduction) {
        let loss = CustomLoss(reduction: reduction)
        for (index, point) in points(loss).enumerated() {
            let report = GradientCheck.check(loss, at: point)
            #expect(report.passed, "point \(index): max relative error \(report.maxRelativeError)")
        }
        // Small and odd sizes exercise the replicated border on every side.
        for (h, w) in [(1, 1), (1, 4), (3, 2), (5, 7)] {
            let small = CustomLoss(height: h, width: w, reduction: reduction)
            var generator = SeededGenerator(seed: UInt64(h * 10 + w))
            let point = (0..<(h * w)).map { _ in generator.unit() }
            #expect(GradientCheck.check(small, at: point).passed, "\(h)×\(w)")
        }
    }

    @Test("the sum reduction is exactly n times the mean, in value and in gradient")
    func meanVersusSum() {
        let mean = CustomLoss(reduction: .mean), sum = CustomLoss(reduction: .sumThenMean)
        let n = Double(mean.pixelCount)
        #expect(n == 192)
        for point in points(mean) {
            let m = mean.evaluate(at: point), s = sum.evaluate(at: point)
            #expect(s.loss.isApproximatelyEqual(to: n * m.loss, relativeTolerance: 1e-13), "\(s.loss) vs \(n) × \(m.loss)")
            for k in 0..<mean.pixelCount {
                #expect(s.gradient[k].isApproximatelyEqual(to: n * m.gradient[k], relativeTolerance: 1e-12), "pixel \(k)")
            }
            let mt = mean.terms(at: point), st = sum.terms(at: point)
            #expect(st.scaleInvariant.isApproximatelyEqual(to: n * mt.scaleInvariant, relativeTolerance: 1e-13))
            #expect(st.gradient.isApproximatelyEqual(to: n * mt.gradient, relativeTolerance: 1e-13))
        }
    }

    @Test("the two terms add up to the loss, by hand on a constant residual")
    func terms() {
        let loss = CustomLoss()
        for point in points(loss) {
            let t = loss.terms(at: point)
            #expect((t.scaleInvariant + t.gradient).isApproximatelyEqual(to: loss.lossValue(at: point), absoluteTolerance: 1e-14, relativeTolerance: 1e-14))
            #expect(loss.evaluate(at: point).loss.isApproximatelyEqual(to: loss.lossValue(at: point), absoluteTolerance: 1e-14, relativeTolerance: 1e-14))
        }
        // Y = Y* − 0.3 everywhere: y ≡ 0.3, so S = 0.09 − 0.5 · 0.09 = 0.045 and G = 0 (no spatial change).
        let shifted = loss.target.map { $0 - 0.3 }
        let t = loss.terms(at: shifted)
        #expect(t.scaleInvariant.isApproximatelyEqual(to: 0.045, absoluteTolerance: 1e-14, relativeTolerance: 1e-14))
        #expect(t.gradient.magnitude < 1e-28)
    }

    @Test("the target is the minimum: loss 0 and gradient 0 there")
    func minimum() {
        for reduction in CustomLoss.Reduction.allCases {
            let loss = CustomLoss(reduction: reduction)
            #expect(loss.knownMinima == [loss.target])
            let (value, gradient) = loss.evaluate(at: loss.target)
            #expect(value == 0)
            #expect(gradient.allSatisfy { $0 == 0 })
        }
    }

    @Test func targetImage() {
        let target = CustomLoss.target(height: 12, width: 16)
        #expect(target.count == 192)
        #expect(target.allSatisfy { $0 >= 0.15 && $0 <= 1 })
        #expect(target.min() == 0.15)
        #expect(target.max()! > 0.9)
        // Column 0 away from the disc is the ramp's start; the disc's centre (5.5, 9) is covered.
        #expect(target[0] == 0.15)
        #expect(target[5 * 16 + 9].isApproximatelyEqual(to: 0.15 + 0.35 * 9 / 15 + 0.5, absoluteTolerance: 1e-15, relativeTolerance: 1e-15))
        #expect(CustomLoss().target == target)
        #expect(CustomLoss().parameterNames.first == "Y_0_0")
        #expect(CustomLoss().parameterNames[17] == "Y_1_1")
        #expect(CustomLoss().parameterNames.last == "Y_11_15")
    }

    @Test("Prewitt responses of a horizontal ramp: 6α inside, 3α at the side columns, no vertical response")
    func prewittRamp() {
        let (h, w, alpha) = (6, 9, 0.25)
        let ramp = (0..<h).flatMap { _ in (0..<w).map { c in 2 + alpha * Double(c) } }
        let (x, y) = CustomLoss.prewittResponses(of: ramp, height: h, width: w)
        for r in 0..<h {
            for c in 0..<w {
                let expected = (c == 0 || c == w - 1) ? 3 * alpha : 6 * alpha
                #expect(x[r * w + c] == expected, "x at (\(r), \(c))")
                #expect(y[r * w + c] == 0, "y at (\(r), \(c))")
            }
        }
        // The transposed ramp swaps the roles: grows downwards, so only y responds.
        let vertical = (0..<h).flatMap { r in (0..<w).map { _ in alpha * Double(r) } }
        let (vx, vy) = CustomLoss.prewittResponses(of: vertical, height: h, width: w)
        #expect(vx.allSatisfy { $0 == 0 })
        for r in 0..<h {
            let expected = (r == 0 || r == h - 1) ? 3 * alpha : 6 * alpha
            for c in 0..<w { #expect(vy[r * w + c] == expected, "y at (\(r), \(c))") }
        }
    }

    @Test("Prewitt responses of a single bright pixel, by hand (correlation, not convolution)")
    func prewittImpulse() {
        let impulse: [Double] = [0, 0, 0, 0, 1, 0, 0, 0, 0]
        let (x, y) = CustomLoss.prewittResponses(of: impulse, height: 3, width: 3)
        // Pixels left of the bright one see it on their right: +1; pixels right of it: −1.
        #expect(x == [1, 0, -1, 1, 0, -1, 1, 0, -1])
        #expect(y == [1, 1, 1, 0, 0, 0, -1, -1, -1])
    }

    @Test func residualResponses() {
        let loss = CustomLoss()
        let zero = loss.residualPrewittResponses(at: loss.target)
        #expect(zero.x.allSatisfy { $0 == 0 } && zero.y.allSatisfy { $0 == 0 })
        let blank = Array(repeating: 0.0, count: loss.pixelCount)
        let responses = loss.residualPrewittResponses(at: blank)
        let direct = CustomLoss.prewittResponses(of: loss.target, height: 12, width: 16)
        #expect(responses.x == direct.x && responses.y == direct.y)
        let g = zip(responses.x, responses.y).map { $0 * $0 + $1 * $1 }.reduce(0, +) / 192
        #expect(loss.terms(at: blank).gradient.isApproximatelyEqual(to: g, absoluteTolerance: 1e-14, relativeTolerance: 1e-14))
    }

    @Test("the expanded formula parses to the same function and gradient (3×4 map)", arguments: CustomLoss.Reduction.allCases)
    func formula(reduction: CustomLoss.Reduction) throws {
        let loss = CustomLoss(height: 3, width: 4, reduction: reduction)
        let parsed = try ExpressionObjective(expression: loss.expandedFormula, parameters: loss.parameterNames)
        var generator = SeededGenerator(seed: 11)
        for point in [(0..<12).map { _ in generator.unit() }, loss.target.map { $0 + 0.3 * (generator.unit() - 0.5) }] {
            let mine = loss.evaluate(at: point), theirs = parsed.evaluate(at: point)
            #expect(mine.loss.isApproximatelyEqual(to: theirs.loss, absoluteTolerance: 1e-12, relativeTolerance: 1e-12))
            for k in 0..<loss.pixelCount { #expect(mine.gradient[k].isApproximatelyEqual(to: theirs.gradient[k], absoluteTolerance: 1e-14, relativeTolerance: 1e-11), "pixel \(k)") }
        }
    }
}
