/// What a run's rows will hold, known before the first row: names, optional columns, facts.
///
/// A `TraceSink` is made from a layout, so a streaming writer can print its
/// header and an in-memory trace can reserve its columns before any row exists.
public struct TraceLayout: Sendable, Equatable {
    /// Names of the parameters, in the order of the flat vector.
    public var parameterNames: [String]
    /// Names of the optimizer's state buffers (`velocity`, `m`, `v`…), each one value per parameter.
    public var stateNames: [String]
    /// Whether rows carry a `batch_loss` (runs whose steps see part of the data).
    public var hasBatchLoss: Bool
    /// The loss over all data is evaluated on rows 0, s, 2s, … and on the last row; 1 = every row.
    public var lossStride: Int
    /// The seed of the per-epoch shuffle, when rows are shuffled.
    public var shuffleSeed: UInt64?
    /// Ordered facts for reports: optimizer, convention, hyperparameters, schedule…
    public var metadata: [MetadataEntry]
    /// Rows worth reserving up front (an in-memory trace grows beyond it).
    public var reservedRows: Int

    /// Creates a layout.
    public init(
        parameterNames: [String], stateNames: [String] = [], hasBatchLoss: Bool = false, lossStride: Int = 1,
        shuffleSeed: UInt64? = nil, metadata: [MetadataEntry] = [], reservedRows: Int = 0
    ) {
        self.parameterNames = parameterNames
        self.stateNames = stateNames
        self.hasBatchLoss = hasBatchLoss
        self.lossStride = max(lossStride, 1)
        self.shuffleSeed = shuffleSeed
        self.metadata = metadata
        self.reservedRows = max(reservedRows, 0)
    }

    /// Column names shared by the CSV header and the JSON Lines keys, in their fixed order:
    /// ```
    /// step, loss, [batch_loss], <param>…, grad.<param>…, <state>.<param>…, epoch, batch, lr, update.<param>…
    /// ```
    /// The column of the learning rate each row's step applies (also the lesson file's key for it).
    public static let learningRateColumn = "lr"

    /// The CSV header, in column order: step, loss, (batch_loss,) parameters, gradients, optimizer state, epoch, batch, lr, updates.
    public var exportColumnNames: [String] {
        var names = ["step", "loss"]
        if hasBatchLoss { names.append("batch_loss") }
        names += parameterNames
        names += parameterNames.map { "grad.\($0)" }
        for state in stateNames { names += parameterNames.map { "\(state).\($0)" } }
        names += ["epoch", "batch", Self.learningRateColumn]
        names += parameterNames.map { "update.\($0)" }
        return names
    }
}
