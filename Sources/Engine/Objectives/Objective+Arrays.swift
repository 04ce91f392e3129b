extension Objective {
    /// L(θ; rows) and ∇L(θ; rows) for arrays; convenient outside the hot loop
    /// (tests, gradient checks, tables), where one allocation per call is fine.
    public func evaluate(at theta: [Double], rows: [Int] = []) -> (loss: Double, gradient: [Double]) {
        var gradient = [Double](repeating: 0, count: parameterNames.count)
        let loss = theta.withUnsafeBufferPointer { t in
            rows.withUnsafeBufferPointer { r in
                gradient.withUnsafeMutableBufferPointer { g in lossAndGradient(at: t, rows: r, gradient: g) }
            }
        }
        return (loss, gradient)
    }

    /// L(θ; rows) for arrays, without the gradient.
    public func lossValue(at theta: [Double], rows: [Int] = []) -> Double {
        theta.withUnsafeBufferPointer { t in rows.withUnsafeBufferPointer { r in loss(at: t, rows: r) } }
    }

    /// Every row index, 0..<rowCount (empty without data): the full batch.
    public var allRows: [Int] { Array(0..<rowCount) }
}
