/// An expression's loss along one parameter element θᵢ (see `ObjectiveLine`), on a copy of its
/// compiled tape split by `TapeLine`: `hold` runs the operations θᵢ does not reach, once per
/// held point (and data row), and `loss(at:)` only the ones it reaches. Bit for bit what
/// `ExpressionObjective.loss(at:rows:)` gives.
///
/// For `sumsq(y - (a @ C + b*(a @ C)^2))` along b, `a @ C` and its square are held; the line
/// search's probes run the last four array operations only.
public final class ExpressionLine: ObjectiveLine {
    /// One of the two is set, as in `ExpressionObjective` (two optionals: calling through one
    /// borrows the line, where matching an enum case would retain and release it per call).
    private let scalarLine: TapeLine<Tape>?
    private let arrayLine: TapeLine<ArrayTape>?

    init(scalar: Tape?, array: ArrayTape?, along index: Int, rows: [Int], rowCount: Int) {
        scalarLine = scalar.map { TapeLine($0.copy(), along: index, rows: rows, rowCount: rowCount) }
        arrayLine = array.map { TapeLine($0.copy(), along: index, rows: rows, rowCount: rowCount) }
    }

    /// Holds every parameter at `theta` and runs, once, the part of the tape the line's parameter does not reach.
    public func hold(_ theta: UnsafeBufferPointer<Double>) {
        scalarLine?.hold(theta)
        arrayLine?.hold(theta)
    }

    /// The loss with the line's parameter at `x`: only the part of the tape it reaches runs.
    public func loss(at x: Double) -> Double {
        if let loss = scalarLine?.loss(at: x) { return loss }
        return arrayLine!.loss(at: x)
    }
}
