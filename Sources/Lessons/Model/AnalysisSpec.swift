import Engine

/// A computation a lesson places in its notes with `{{analysis ID}}`: what it computes is
/// here, what it means is the teacher's prose around it.
public struct AnalysisSpec {
    /// The id `{{analysis ID}}` names.
    public var id: String
    /// What to compute, with exactly the settings that kind needs.
    public var kind: Kind

    /// The analyses steptrace knows, each with its own settings.
    public enum Kind {
        /// Chords between random feasible points of `problemID` (drawn by `Constraints.samples`
        /// from `constraints` around `base`), looking for one that f rises above.
        case convexity(problemID: String, constraints: Constraints, base: [Double], chords: Int, seed: UInt64)
        /// A grid over part of the parameters of `problemID` (`search`, with `base` for the rest),
        /// beside the best of `compare`'s runs.
        case gridSearch(problemID: String, search: GridSearch, base: [Double], compare: [String])
        /// The gradients of several problems at one point, and the ratio of each to the first's.
        case gradientRatio(problemIDs: [String], at: Point)
        /// The smallest and largest Hessian eigenvalue of each problem at one point, with the
        /// stability limits 2/λmax and, given a momentum μ, 2(1 + μ)/λmax.
        case hessian(problemIDs: [String], at: Point, momentum: Double?)
        /// For each run: how many parameters are exactly 0 at the start and at the end, and,
        /// for a `block`, its all-zero columns and the sum of squares of its diagonal at the end.
        case zeros(runs: [String], block: ParameterBlock?)
    }

    /// Where an analysis looks: a problem's start, given numbers, or the end of a run.
    public enum Point: Equatable {
        case start
        case values([Double])
        case endOf(run: String)
    }

    /// The `kind` names a lesson file uses, with what each shows (for messages and docs).
    public static let kindNames = ["convexity", "grid-search", "gradient-ratio", "hessian", "zeros"]
}
