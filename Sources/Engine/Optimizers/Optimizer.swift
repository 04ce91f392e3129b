/// One update rule with its state, for a fixed number of float64 parameters.
///
/// Conforming types are value types that allocate their state once, in
/// `init`, and never per step. The run loop is generic over this protocol,
/// so each optimizer is specialised into the loop.
public protocol Optimizer {
    /// Creates the optimizer for `parameterCount` parameters with fresh state.
    init(parameterCount: Int, settings: OptimizerSettings)

    /// Names of the state buffers in the convention's words (`velocity`, `buffer`,
    /// `accumulator`, `mean_square`, `m`, `v`); empty when the rule keeps no state.
    var stateNames: [String] { get }

    /// Applies one update to `theta` in place.
    ///
    /// - Parameters:
    ///   - gradient: ∇f at `theta`.
    ///   - learningRate: η for this update (the schedule's value at `t`).
    ///   - t: updates already made (0 for the first update).
    mutating func update(
        theta: UnsafeMutableBufferPointer<Double>, gradient: UnsafeBufferPointer<Double>,
        learningRate: Double, step t: Int
    )

    /// Calls `body` with the state buffers laid end to end, state-major
    /// (buffer s, parameter i at `s × parameterCount + i`); empty without state. Allocates nothing.
    func withState<R>(_ body: (UnsafeBufferPointer<Double>) throws -> R) rethrows -> R
}

extension Optimizer {
    /// The state buffers as arrays, one per name in `stateNames` (allocates; for tests and reports).
    public var stateSnapshot: [[Double]] {
        let names = stateNames.count
        return withState { flat in
            guard names > 0 else { return [] }
            let n = flat.count / names
            return (0..<names).map { s in Array(flat[(s * n)..<((s + 1) * n)]) }
        }
    }
}
