/// One row on its way from the run loop to a `TraceSink`; the buffers are the loop's own, valid only during the call.
///
/// Row k (see `Trace`): θ_k, the loss there, and the gradient, rate and update step k+1 applies.
public struct TraceRow {
    /// The epoch of the batch the row's gradient saw (0-based).
    public var epoch: Int32
    /// The batch within its epoch (0-based).
    public var batch: Int32
    /// η_k, the rate step k+1 applies (on the last row: the rate a next step would use).
    public var learningRate: Double
    /// f(θ_k) over all data; NaN where `lossIsExact` is false.
    public var loss: Double
    /// Whether `loss` was evaluated on this row (see `TraceLayout.lossStride`).
    public var lossIsExact: Bool
    /// The loss on the batch of `gradient` (ignored when the layout has no batch loss).
    public var batchLoss: Double
    /// θ_k.
    public var parameters: UnsafeBufferPointer<Double>
    /// ∇f(θ_k; batch k).
    public var gradient: UnsafeBufferPointer<Double>
    /// θ_{k+1} − θ_k after constraints; zeros on the last row.
    public var update: UnsafeBufferPointer<Double>
    /// Optimizer state after k steps, state-major (buffer s, parameter i at s × n + i).
    public var state: UnsafeBufferPointer<Double>

    /// Creates a row over the given buffers.
    @inlinable
    public init(
        epoch: Int32, batch: Int32, learningRate: Double, loss: Double, lossIsExact: Bool = true, batchLoss: Double = .nan,
        parameters: UnsafeBufferPointer<Double>, gradient: UnsafeBufferPointer<Double>,
        update: UnsafeBufferPointer<Double>, state: UnsafeBufferPointer<Double>
    ) {
        self.epoch = epoch
        self.batch = batch
        self.learningRate = learningRate
        self.loss = loss
        self.lossIsExact = lossIsExact
        self.batchLoss = batchLoss
        self.parameters = parameters
        self.gradient = gradient
        self.update = update
        self.state = state
    }
}
