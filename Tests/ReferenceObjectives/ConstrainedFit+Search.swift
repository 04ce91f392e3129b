import Engine

extension ConstrainedFit {
    /// A feasible point of the constrained fit and its objective value.
    public struct Solution: Sendable, Equatable {
        /// The weights a = (a1, a2, a3, a4), on the simplex.
        public let a: [Double]
        /// The coefficient b, in [−100, 100].
        public let b: Double
        /// f(a, b).
        public let loss: Double

        /// The parameter vector (a1, a2, a3, a4, b) in the objective's order.
        public var parameters: [Double] { a + [b] }
    }

    /// Two feasible points whose chord lies below f: proof that f is not convex.
    ///
    /// ```
    /// m = t p + (1 − t) q
    /// f(m) > t f(p) + (1 − t) f(q)
    /// ```
    /// A convex function never rises above its chords; this one does.
    public struct ConvexityWitness: Sendable, Equatable {
        /// The first end point (a1, a2, a3, a4, b), feasible.
        public let p: [Double]
        /// The second end point (a1, a2, a3, a4, b), feasible.
        public let q: [Double]
        /// The mixing weight t in (0, 1): m = t p + (1 − t) q.
        public let t: Double
        /// f(p).
        public let lossAtP: Double
        /// f(q).
        public let lossAtQ: Double
        /// f(m) at the mixed point m = t p + (1 − t) q (feasible too: the set is convex).
        public let lossAtMix: Double

        /// The mixed point m = t p + (1 − t) q.
        public var mix: [Double] { zip(p, q).map { t * $0 + (1 - t) * $1 } }
        /// The chord's height over m: t f(p) + (1 − t) f(q).
        public var chord: Double { t * lossAtP + (1 - t) * lossAtQ }
        /// How far f rises above its chord: f(m) − chord (positive for a witness).
        public var gap: Double { lossAtMix - chord }
    }

    /// f(a, b) for weights a (4 numbers) and coefficient b.
    public static func loss(a: [Double], b: Double) -> Double {
        precondition(a.count == weightCount, "a has 4 entries")
        return value(a[0], a[1], a[2], a[3], b: b)
    }

    /// The best b for fixed weights a, clipped into [−100, 100].
    ///
    /// For fixed a, f is a one-variable least-squares problem in b:
    /// ```
    /// rⱼ = yⱼ − sⱼ,   f(b) = Σⱼ (rⱼ − b sⱼ²)²
    /// b* = Σⱼ rⱼ sⱼ² / Σⱼ sⱼ⁴,   then clip b* into [−100, 100]
    /// ```
    /// Clipping is exact because f(b) is a convex parabola: on an interval its
    /// minimum is the vertex or the nearer end. When every sⱼ is 0 (only off
    /// the simplex, a = 0) f does not depend on b and the answer is 0.
    public static func bestB(a: [Double]) -> Double {
        precondition(a.count == weightCount, "a has 4 entries")
        return bestB(a[0], a[1], a[2], a[3])
    }

    /// f(a, b*(a)): the objective with b solved exactly for the weights a.
    /// Its minimum over the simplex is the constrained minimum.
    public static func profileLoss(a: [Double]) -> Double {
        let b = bestB(a: a)
        return value(a[0], a[1], a[2], a[3], b: b)
    }

    @inlinable
    static func bestB(_ a0: Double, _ a1: Double, _ a2: Double, _ a3: Double) -> Double {
        var numerator = 0.0, denominator = 0.0
        cFlat.withUnsafeBufferPointer { c in
            y.withUnsafeBufferPointer { y in
                for j in 0..<5 {
                    let s = a0 * c[j] + a1 * c[5 + j] + a2 * c[10 + j] + a3 * c[15 + j]
                    let s2 = s * s
                    numerator += (y[j] - s) * s2
                    denominator += s2 * s2
                }
            }
        }
        guard denominator > 0 else { return 0 }
        return Swift.min(Swift.max(numerator / denominator, bBounds.lowerBound), bBounds.upperBound)
    }

    /// The best grid point of the simplex, with b solved exactly at each.
    ///
    /// Visits every a with aᵢ = kᵢ / resolution, kᵢ ≥ 0 integers, Σ kᵢ = resolution
    /// (C(resolution + 3, 3) points: 176,851 at 100, 1,373,701 at 200), takes
    /// b = `bestB(a:)` and keeps the smallest f (the first one on ties, in
    /// lexicographic order of k). Independent of any descent: it needs neither
    /// gradients nor a starting point. Its f is never below the true minimum
    /// and is within the grid's resolution of it.
    public static func gridSearch(resolution: Int) -> Solution {
        precondition(resolution >= 1, "the grid needs a resolution of at least 1")
        let step = 1 / Double(resolution)
        var best = (k0: 0, k1: 0, k2: 0, k3: resolution, b: 0.0, f: Double.infinity)
        for k0 in 0...resolution {
            for k1 in 0...(resolution - k0) {
                for k2 in 0...(resolution - k0 - k1) {
                    let k3 = resolution - k0 - k1 - k2
                    let a0 = Double(k0) * step, a1 = Double(k1) * step, a2 = Double(k2) * step, a3 = Double(k3) * step
                    let b = bestB(a0, a1, a2, a3)
                    let f = value(a0, a1, a2, a3, b: b)
                    if f < best.f { best = (k0, k1, k2, k3, b, f) }
                }
            }
        }
        let a = [best.k0, best.k1, best.k2, best.k3].map { Double($0) * step }
        return Solution(a: a, b: best.b, loss: best.f)
    }

    /// The b values the witness search tries: −100, −30, −10, −3, 0, 3, 10, 30, 100.
    public static let witnessBValues: [Double] = [-100, -30, -10, -3, 0, 3, 10, 30, 100]

    /// A computed proof that f is not convex on the feasible set.
    ///
    /// Deterministic search: the points are every a on the simplex grid of
    /// resolution 4 (aᵢ ∈ {0, ¼, ½, ¾, 1}, 35 points) paired with every b in
    /// `witnessBValues` (315 feasible points); for every pair (p, q) it takes
    /// the midpoint (t = ½) and keeps the pair whose midpoint rises furthest
    /// above the chord *relative to the chord*:
    /// ```
    /// maximise (f(m) − chord) / chord,   m = (p + q)/2,   chord = (f(p) + f(q))/2
    /// ```
    /// (f > 0 on the feasible set, so chord > 0). The relative measure picks
    /// two good fits whose average is a bad one, which reads better on a
    /// plot than a large gap between two bad fits.
    public static func nonConvexityWitness() -> ConvexityWitness {
        var points: [[Double]] = []
        let resolution = 4
        for k0 in 0...resolution {
            for k1 in 0...(resolution - k0) {
                for k2 in 0...(resolution - k0 - k1) {
                    let k = [k0, k1, k2, resolution - k0 - k1 - k2]
                    for b in witnessBValues { points.append(k.map { Double($0) / Double(resolution) } + [b]) }
                }
            }
        }
        let values = points.map { value($0[0], $0[1], $0[2], $0[3], b: $0[4]) }
        let t = 0.5
        var best = (i: 0, j: 0, ratio: -Double.infinity, mix: 0.0)
        for i in points.indices {
            for j in (i + 1)..<points.count {
                let p = points[i], q = points[j]
                let m = (0..<5).map { t * p[$0] + (1 - t) * q[$0] }
                let fm = value(m[0], m[1], m[2], m[3], b: m[4])
                let chord = t * values[i] + (1 - t) * values[j]
                let ratio = (fm - chord) / chord
                if ratio > best.ratio { best = (i, j, ratio, fm) }
            }
        }
        return ConvexityWitness(
            p: points[best.i], q: points[best.j], t: t,
            lossAtP: values[best.i], lossAtQ: values[best.j], lossAtMix: best.mix)
    }
}
