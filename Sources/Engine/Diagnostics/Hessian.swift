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
}
