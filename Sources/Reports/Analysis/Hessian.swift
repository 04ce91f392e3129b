import Foundation

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
        var a = matrix
        let n = a.count
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
                }
            }
        }
        return (0..<n).map { a[$0][$0] }.sorted()
    }
}
