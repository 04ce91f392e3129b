// Float comparisons in tests are swift-numerics' `isApproximatelyEqual(to:absoluteTolerance:relativeTolerance:)`:
//
// ```
// a ≈ b  ⇔  a == b  or  |a − b| ≤ max(absoluteTolerance, relativeTolerance · max(|a|, |b|))   (and finite)
// ```
// Re-exported so every test target that imports TestSupport has it, with one dependency on swift-numerics.
@_exported import RealModule

extension Array where Element == Double {
    /// Whether both arrays have the same length and every pair of entries is approximately equal
    /// (`isApproximatelyEqual(to:absoluteTolerance:relativeTolerance:)` entry by entry).
    public func isApproximatelyEqual(to other: [Double], absoluteTolerance: Double, relativeTolerance: Double = 0) -> Bool {
        count == other.count && zip(self, other).allSatisfy {
            $0.isApproximatelyEqual(to: $1, absoluteTolerance: absoluteTolerance, relativeTolerance: relativeTolerance)
        }
    }
}
