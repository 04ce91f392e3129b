/// A numeric column of a trace, for reading values out by name.
public enum TraceColumn: Hashable, Sendable {
    /// f(θ_k) over all data (NaN on rows where it was not evaluated).
    case loss
    /// f(θ_k; batch k), the loss on the batch of the row's gradient (only in traces with `hasBatchLoss`).
    case batchLoss
    /// η_k, the rate step k+1 applies.
    case learningRate
    /// θ_k[i].
    case parameter(Int)
    /// ∇f(θ_k)[i].
    case gradient(Int)
    /// θ_{k+1}[i] − θ_k[i] (0 on the last row).
    case update(Int)
    /// Optimizer state buffer `state` at parameter `parameter`.
    case state(Int, parameter: Int)
}

extension Trace {
    /// Where a column lives in `valueColumns`, or nil for loss, batch loss and learning rate.
    @usableFromInline
    func storageIndex(of column: TraceColumn) -> Int? {
        let n = parameterCount
        switch column {
        case .loss, .batchLoss, .learningRate:
            return nil
        case .parameter(let i):
            precondition((0..<n).contains(i), "parameter index \(i) out of range 0..<\(n)")
            return i
        case .gradient(let i):
            precondition((0..<n).contains(i), "gradient index \(i) out of range 0..<\(n)")
            return n + i
        case .state(let s, let i):
            precondition((0..<stateNames.count).contains(s), "state index \(s) out of range 0..<\(stateNames.count)")
            precondition((0..<n).contains(i), "parameter index \(i) out of range 0..<\(n)")
            return 2 * n + s * n + i
        case .update(let i):
            precondition((0..<n).contains(i), "update index \(i) out of range 0..<\(n)")
            return 2 * n + stateNames.count * n + i
        }
    }

    /// The whole column, one value per row. Shares storage with the trace (no copy).
    public func values(_ column: TraceColumn) -> [Double] {
        switch column {
        case .loss: return lossColumn
        case .batchLoss: return batchLossColumn
        case .learningRate: return learningRateColumn
        default: return valueColumns[storageIndex(of: column)!]
        }
    }

    /// The value of `column` at `row`.
    @inlinable
    public func value(_ column: TraceColumn, row: Int) -> Double {
        switch column {
        case .loss: return lossColumn[row]
        case .batchLoss: return batchLossColumn[row]
        case .learningRate: return learningRateColumn[row]
        default: return valueColumns[storageIndex(of: column)!][row]
        }
    }

    /// f(θ_k) over all data for every row (NaN where not evaluated: read `exactLossRows` when `lossStride > 1`).
    public var losses: [Double] { lossColumn }
    /// The loss on each row's batch, or nil when every step saw all the data (then it equals `losses`).
    public var batchLosses: [Double]? { hasBatchLoss ? batchLossColumn : nil }
    /// Whether row `row` holds the loss over all data: rows 0, s, 2s, … (s = `lossStride`) and the last row.
    public func isLossExact(row: Int) -> Bool { row % lossStride == 0 || row == count - 1 }
    /// The rows whose loss over all data was evaluated, in order (every row when `lossStride` is 1).
    public var exactLossRows: [Int] {
        guard count > 0 else { return [] }
        var rows = Array(Swift.stride(from: 0, to: count, by: lossStride))
        if rows.last != count - 1 { rows.append(count - 1) }
        return rows
    }
    /// What `losses` are, for axis labels and captions: `loss over all data`, or with a stride
    /// `loss over all data, every 25th step`.
    public var lossLabel: String {
        guard lossStride > 1 else { return "loss over all data" }
        let tens = lossStride % 100 / 10 == 1
        let suffix = tens ? "th" : [1: "st", 2: "nd", 3: "rd"][lossStride % 10] ?? "th"
        return "loss over all data, every \(lossStride)\(suffix) step"
    }
    /// η_k, the rate step k+1 applies, for every row k.
    public var learningRates: [Double] { learningRateColumn }
    /// The epoch of every row (0-based).
    public var epochs: [Int32] { epochColumn }
    /// The batch index within its epoch of every row (0-based).
    public var batches: [Int32] { batchColumn }

    /// θ_k[i] for every row k.
    public func parameterColumn(_ i: Int) -> [Double] { values(.parameter(i)) }
    /// ∇f(θ_k)[i] for every row k.
    public func gradientColumn(_ i: Int) -> [Double] { values(.gradient(i)) }
    /// θ_{k+1}[i] − θ_k[i] for every row k (0 on the last row).
    public func updateColumn(_ i: Int) -> [Double] { values(.update(i)) }
    /// State buffer `named` at parameter `i` for every row, or nil when the optimizer keeps no such buffer.
    public func stateColumn(_ name: String, parameter i: Int) -> [Double]? {
        guard let s = stateNames.firstIndex(of: name) else { return nil }
        return values(.state(s, parameter: i))
    }

    /// θ_k[i].
    public func parameter(_ i: Int, at row: Int) -> Double { value(.parameter(i), row: row) }
    /// ∇f(θ_k)[i].
    public func gradient(_ i: Int, at row: Int) -> Double { value(.gradient(i), row: row) }
    /// θ_{k+1}[i] − θ_k[i].
    public func update(_ i: Int, at row: Int) -> Double { value(.update(i), row: row) }
    /// f(θ_k) over all data (NaN where not evaluated).
    public func loss(at row: Int) -> Double { lossColumn[row] }
    /// η_k, the rate step k+1 applies.
    public func learningRate(at row: Int) -> Double { learningRateColumn[row] }

    /// θ_k as a vector.
    public func parameters(row: Int) -> [Double] { (0..<parameterCount).map { valueColumns[$0][row] } }
    /// ∇f(θ_k) as a vector.
    public func gradient(row: Int) -> [Double] { (0..<parameterCount).map { valueColumns[parameterCount + $0][row] } }
    /// θ_{k+1} − θ_k as a vector.
    public func update(row: Int) -> [Double] {
        let base = 2 * parameterCount + stateNames.count * parameterCount
        return (0..<parameterCount).map { valueColumns[base + $0][row] }
    }
    /// State buffer `s` (index into `stateNames`) after `row` updates, one value per parameter.
    public func state(_ s: Int, row: Int) -> [Double] { (0..<parameterCount).map { value(.state(s, parameter: $0), row: row) } }

    /// The last row's parameters (empty when the trace is empty).
    public var finalParameters: [Double] { isEmpty ? [] : parameters(row: count - 1) }
    /// The last row's loss over all data (NaN when the trace is empty; the last row is always evaluated).
    public var finalLoss: Double { lossColumn.last ?? .nan }
    /// The number of updates made: `count − 1` (0 when empty).
    public var stepCount: Int { Swift.max(count - 1, 0) }
    /// The value of a metadata key, if present (first match).
    public func metadata(_ key: String) -> String? { metadata.first { $0.key == key }?.value }
}
