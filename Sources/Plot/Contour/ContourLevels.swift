import Foundation

/// Choosing contour levels that suit a value range.
public enum ContourLevels {
    /// About `count` nice levels strictly inside `range`.
    ///
    /// With `spacing: .automatic`, a positive range spanning three decades or more gets logarithmic levels
    /// (1, 2, 5 × 10ᵏ, thinned to about `count`), otherwise evenly spaced nice values. For surfaces pass the
    /// spacing of their color scale, which looks at the bulk of the values rather than the extremes.
    public static func suggest(for range: ClosedRange<Double>, count: Int = 20, spacing: ColorScale.Spacing = .automatic) -> [Double] {
        let lo = range.lowerBound, hi = range.upperBound
        guard lo.isFinite, hi.isFinite, hi > lo else { return [] }
        let useLog: Bool
        switch spacing {
        case .linear: useLog = false
        case .log: useLog = hi > 0
        case .automatic: useLog = lo > 0 && hi / lo >= 1000
        }
        if useLog {
            let bottom = lo > 0 ? lo : hi * 1e-6
            return logLevels(from: bottom, to: hi, count: count)
        }
        // Of the nice steps (1, 2, 2.5, 5 × 10ᵏ) near the even spacing, the one whose count is closest.
        let magnitude = pow(10, floor(log10((hi - lo) / Double(max(1, count)))))
        var best: [Double] = []
        for scale in [magnitude / 10, magnitude, magnitude * 10] {
            for mantissa in [1.0, 2, 2.5, 5] {
                let step = mantissa * scale
                var levels: [Double] = []
                var k = (lo / step).rounded(.down)
                while k * step < hi {
                    if k * step > lo { levels.append(k * step == 0 ? 0 : k * step) }
                    k += 1
                }
                if best.isEmpty || abs(levels.count - count) < abs(best.count - count) { best = levels }
            }
        }
        return best
    }

    /// Levels of the form m × 10ᵏ inside `(lower, upper)`, m from the densest of {1,2,5}, {1,2,3,5,7}... that
    /// gives no more than about `count` levels.
    public static func logLevels(from lower: Double, to upper: Double, count: Int) -> [Double] {
        let e0 = Int(floor(log10(lower))), e1 = Int(ceil(log10(upper)))
        let options: [[Double]] = [[1, 1.5, 2, 3, 5, 7], [1, 2, 5], [1, 3], [1]]
        for mantissas in options {
            var levels: [Double] = []
            for e in e0...e1 {
                for m in mantissas {
                    let v = m * pow(10, Double(e))
                    if v > lower && v < upper { levels.append(v) }
                }
            }
            if levels.count <= count || mantissas.count == 1 {
                if levels.count <= count { return levels }
                let stride = Int(ceil(Double(levels.count) / Double(count)))
                return levels.enumerated().filter { $0.offset % stride == 0 }.map(\.element)
            }
        }
        return []
    }
}
