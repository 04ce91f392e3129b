/// A search for a chord that an objective rises above: a witness that it is not convex.
///
/// A convex f satisfies, for all feasible p and q (the feasible set itself convex),
/// ```
/// f(½p + ½q) ≤ ½ f(p) + ½ f(q)
/// ```
/// The probe tries the chords it is given and keeps the one whose midpoint rises most
/// above the chord. Finding one proves f is not convex; finding none proves nothing.
public enum ConvexityProbe {
    /// One chord: its ends, its midpoint and f at each.
    public struct Chord: Sendable, Equatable {
        /// The chord's ends and midpoint.
        public var p: [Double], q: [Double], midpoint: [Double]
        /// f at p, q and the midpoint.
        public var lossP: Double, lossQ: Double, lossMidpoint: Double
        /// The chord's height at the midpoint: ½ f(p) + ½ f(q).
        public var chord: Double { 0.5 * lossP + 0.5 * lossQ }
        /// How far f at the midpoint rises above the chord (negative: below it).
        public var gap: Double { lossMidpoint - chord }
    }

    /// What a probe found.
    public struct Result: Sendable, Equatable {
        /// Chords tried (chords with a non-finite value are skipped and not counted).
        public var chordsTried: Int
        /// The chord whose midpoint rises most above it, when one rises above by more than
        /// round-off (10⁻⁹ of the values' size); nil when none does.
        public var witness: Chord?
    }

    /// Tries the chords between `points[2k]` and `points[2k + 1]`.
    public static func probe<O: Objective>(_ objective: O, points: [[Double]]) -> Result {
        let rows = objective.allRows
        var tried = 0
        var best: Chord?
        for k in stride(from: 0, to: points.count - 1, by: 2) {
            let p = points[k], q = points[k + 1]
            let mid = zip(p, q).map { 0.5 * $0 + 0.5 * $1 }
            let chord = Chord(p: p, q: q, midpoint: mid, lossP: objective.lossValue(at: p, rows: rows),
                              lossQ: objective.lossValue(at: q, rows: rows), lossMidpoint: objective.lossValue(at: mid, rows: rows))
            guard chord.lossP.isFinite, chord.lossQ.isFinite, chord.lossMidpoint.isFinite else { continue }
            tried += 1
            let size = max(1, abs(chord.chord), abs(chord.lossMidpoint))
            if chord.gap > 1e-9 * size, chord.gap > (best?.gap ?? -.infinity) { best = chord }
        }
        return Result(chordsTried: tried, witness: best)
    }
}
