/// Euclidean projection onto the probability simplex {x : x ≥ 0, Σx = 1}.
///
/// The sort-based algorithm of Held, Wolfe and Crowder (1974), as given by
/// Duchi et al. (2008):
/// ```
/// u = v sorted decreasing
/// ρ = max { j : u_j − (Σ_{i≤j} u_i − 1) / j > 0 }
/// τ = (Σ_{i≤ρ} u_i − 1) / ρ
/// x_i = max(v_i − τ, 0)
/// ```
public enum SimplexProjection {
    /// Projects `values` in place; `scratch` must hold at least `values.count` doubles. Allocates nothing.
    @inlinable
    public static func project(_ values: UnsafeMutableBufferPointer<Double>, scratch: UnsafeMutableBufferPointer<Double>) {
        let n = values.count
        guard n > 0 else { return }
        precondition(scratch.count >= n, "simplex scratch too small")
        for i in 0..<n { scratch[i] = values[i] }
        let sorted = UnsafeMutableBufferPointer(rebasing: scratch[0..<n])
        sortDecreasing(sorted)
        var cumulative = 0.0
        var tau = 0.0
        for j in 0..<n {
            cumulative += sorted[j]
            let candidate = (cumulative - 1) / Double(j + 1)
            if sorted[j] - candidate > 0 { tau = candidate }
        }
        for i in 0..<n { values[i] = Swift.max(values[i] - tau, 0) }
    }

    /// The projection of `values` (allocating; for tests and one-off use).
    public static func projected(_ values: [Double]) -> [Double] {
        var result = values
        var scratch = values
        result.withUnsafeMutableBufferPointer { v in
            scratch.withUnsafeMutableBufferPointer { s in project(v, scratch: s) }
        }
        return result
    }

    /// Insertion sort for the small groups simplexes have; no temporary buffers.
    @usableFromInline
    static func sortDecreasing(_ a: UnsafeMutableBufferPointer<Double>) {
        guard a.count > 1 else { return }
        for i in 1..<a.count {
            let key = a[i]
            var j = i - 1
            while j >= 0 && a[j] < key {
                a[j + 1] = a[j]
                j -= 1
            }
            a[j + 1] = key
        }
    }
}
