/// Curvature of an objective at a point, from its exact gradient.
public enum Hessian {
    /// The Hessian by central differences of the exact gradient, symmetrised:
    /// ```
    /// H[i][j] ≈ (∂_j f(θ + h e_i) − ∂_j f(θ − h e_i)) / 2h,   H ← (H + Hᵀ)/2
    /// ```
    public static func numeric(at theta: [Double], gradient: ([Double]) -> [Double]) -> [[Double]] {
        let n = theta.count
        var h = [[Double]](repeating: [Double](repeating: 0, count: n), count: n)
        for i in 0..<n {
            let step = 1e-5 * max(1, abs(theta[i]))
            var up = theta, down = theta
            up[i] += step; down[i] -= step
            let gu = gradient(up), gd = gradient(down)
            for j in 0..<n { h[i][j] = (gu[j] - gd[j]) / (up[i] - down[i]) }
        }
        for i in 0..<n { for j in 0..<i { let m = (h[i][j] + h[j][i]) / 2; h[i][j] = m; h[j][i] = m } }
        return h
    }

    /// Eigenvalues of a symmetric matrix by cyclic Jacobi rotations, ascending.
    public static func eigenvalues(_ matrix: [[Double]]) -> [Double] {
        eigen(matrix).map(\.value)
    }

    /// Eigenvalues with unit eigenvectors of a symmetric matrix by cyclic Jacobi rotations, ascending by value:
    /// ```
    /// A = V diag(λ) Vᵀ,   Vᵀ A V → diagonal by rotations in the (p, q) planes
    /// ```
    public static func eigen(_ matrix: [[Double]]) -> [(value: Double, vector: [Double])] {
        var a = matrix
        let n = a.count
        var v = (0..<n).map { i in (0..<n).map { j in i == j ? 1.0 : 0.0 } }
        for _ in 0..<100 {
            var off = 0.0
            for i in 0..<n { for j in 0..<n where i != j { off += a[i][j] * a[i][j] } }
            if off < 1e-22 { break }
            for p in 0..<n {
                for q in (p + 1)..<max(p + 1, n) where a[p][q] != 0 {
                    let theta = (a[q][q] - a[p][p]) / (2 * a[p][q])
                    let t = (theta >= 0 ? 1.0 : -1.0) / (abs(theta) + (theta * theta + 1).squareRoot())
                    let c = 1 / (t * t + 1).squareRoot(), s = t * c
                    for k in 0..<n {
                        let akp = a[k][p], akq = a[k][q]
                        a[k][p] = c * akp - s * akq
                        a[k][q] = s * akp + c * akq
                    }
                    for k in 0..<n {
                        let apk = a[p][k], aqk = a[q][k]
                        a[p][k] = c * apk - s * aqk
                        a[q][k] = s * apk + c * aqk
                    }
                    for k in 0..<n {
                        let vkp = v[k][p], vkq = v[k][q]
                        v[k][p] = c * vkp - s * vkq
                        v[k][q] = s * vkp + c * vkq
                    }
                }
            }
        }
        return (0..<n).map { j in (value: a[j][j], vector: (0..<n).map { v[$0][j] }) }.sorted { $0.value < $1.value }
    }

    /// The smallest and largest eigenvalue of the Hessian when the objective is quadratic, else nil.
    ///
    /// Quadratic means the numeric Hessian at θ and at a second point, θ moved by a different amount
    /// along every coordinate, agree to 10⁻⁶ of their largest entry (central differences are exact on a
    /// quadratic up to rounding). Only up to `wholeMatrixLimit` parameters.
    public static func quadraticCurvature(at theta: [Double], gradient: ([Double]) -> [Double]) -> (smallest: Double, largest: Double)? {
        guard !theta.isEmpty, theta.count <= wholeMatrixLimit else { return nil }
        let other = theta.enumerated().map { i, v in v + (0.37 + 0.11 * Double(i % 5)) * max(1, abs(v)) }
        let here = numeric(at: theta, gradient: gradient), there = numeric(at: other, gradient: gradient)
        let scale = here.joined().map(abs).max() ?? 0
        guard scale.isFinite, scale > 0 else { return nil }
        for (a, b) in zip(here.joined(), there.joined()) where !(abs(a - b) <= 1e-6 * scale) { return nil }
        let values = eigenvalues(here)
        return (values.first!, values.last!)
    }

    /// The most parameters for which `extremeEigenvalues` builds the whole Hessian.
    public static let wholeMatrixLimit = 60

    /// The smallest and largest eigenvalue of the Hessian at θ.
    ///
    /// Up to `wholeMatrixLimit` parameters: every eigenvalue of the numeric Hessian (Jacobi).
    /// Beyond: power iteration on Hessian–vector products, by central differences of the gradient,
    /// ```
    /// H v ≈ (∇f(θ + εv) − ∇f(θ − εv)) / 2ε,   ε = 10⁻³ · max(1, ‖θ‖∞)
    /// ```
    /// (exact up to round-off when f is quadratic), first for the eigenvalue of largest size
    /// λ₁, then on H − λ₁I for the other end of the spectrum.
    public static func extremeEigenvalues(at theta: [Double], gradient: ([Double]) -> [Double]) -> (smallest: Double, largest: Double) {
        if theta.count <= wholeMatrixLimit {
            let values = eigenvalues(numeric(at: theta, gradient: gradient))
            return (values.first ?? .nan, values.last ?? .nan)
        }
        let epsilon = 1e-3 * max(1, theta.map(abs).max() ?? 1)
        func product(_ v: [Double]) -> [Double] {
            let up = gradient(zip(theta, v).map { $0 + epsilon * $1 })
            let down = gradient(zip(theta, v).map { $0 - epsilon * $1 })
            return zip(up, down).map { ($0 - $1) / (2 * epsilon) }
        }
        let first = dominant(count: theta.count, product)
        let shifted = dominant(count: theta.count) { v in zip(product(v), v).map { $0 - first * $1 } } + first
        return (min(first, shifted), max(first, shifted))
    }

    /// The eigenvalue of largest size of the symmetric operator `apply`, by power iteration
    /// (the Rayleigh quotient, until it changes by less than 10⁻¹³ of itself, at most 2,000 steps).
    private static func dominant(count: Int, _ apply: ([Double]) -> [Double]) -> Double {
        func norm(_ v: [Double]) -> Double { v.reduce(0) { $0 + $1 * $1 }.squareRoot() }
        // A fixed start with every component nonzero and unequal, so no eigenvector is missed by symmetry.
        var v = (0..<count).map { (k: Int) -> Double in
            let a = 0.1 * Double(k % 7), b = 0.01 * Double(k % 3)
            return 1 + a + b
        }
        var lambda = 0.0
        for step in 0..<2_000 {
            let length = norm(v)
            guard length > 0, length.isFinite else { return lambda }
            v = v.map { $0 / length }
            let w = apply(v)
            var next = 0.0
            for i in 0..<count { next += w[i] * v[i] }
            if step > 10 && abs(next - lambda) <= 1e-13 * max(abs(next), 1e-300) { return next }
            lambda = next
            v = w
        }
        return lambda
    }
}
