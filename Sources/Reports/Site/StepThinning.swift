import Foundation

/// The steps a scrubber's slider can reach.
///
/// Runs of up to `everyStepLimit` steps are reachable step by step. Longer ones keep every step up to
/// `head`, then `spread` steps spaced evenly on a log scale up to the last, and each run's last step:
///
/// ```
/// s_j = round(head · (last / head)^(j / spread)),   j = 1 … spread
/// ```
///
/// so a 400 000-step run is reachable at about 500 steps, densest where the path changes fastest.
/// Whatever is reachable is shown with the trace's own numbers; nothing is interpolated.
struct StepThinning: Equatable {
    /// Every step is reachable up to this many steps.
    static let everyStepLimit = 1000
    /// Steps kept one by one from the start of a long run.
    static let head = 100
    /// Log-spaced steps after `head`.
    static let spread = 400

    /// The reachable steps, ascending, from 0.
    var steps: [Int]
    /// The last step of the longest run.
    var last: Int
    /// Whether some steps were left out.
    var isThinned: Bool { steps.count < last + 1 }

    /// The reachable steps of runs ending at `ends` (their step counts).
    init(ends: [Int]) {
        last = ends.max() ?? 0
        guard last > Self.everyStepLimit else {
            steps = Array(0...last)
            return
        }
        var reachable = Set(0...Self.head)
        let ratio = Double(last) / Double(Self.head)
        for j in 1...Self.spread {
            reachable.insert(min(last, Int((Double(Self.head) * pow(ratio, Double(j) / Double(Self.spread))).rounded())))
        }
        reachable.formUnion(ends)
        reachable.insert(last)
        steps = reachable.sorted()
    }
}
