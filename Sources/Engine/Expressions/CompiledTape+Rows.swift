extension CompiledTape {
    /// Loads θ, runs the tape over `rows` (or once, without data) and returns
    /// the mean loss, writing the mean gradient into `gradient`:
    /// ```
    /// L = (1/|B|) Σ_{r ∈ B} ℓ(θ; row r),   ∇L = (1/|B|) Σ_{r ∈ B} ∇ℓ(θ; row r)
    /// ```
    @inline(__always)
    func meanLossAndGradient(
        at theta: UnsafeBufferPointer<Double>, rows: UnsafeBufferPointer<Int>, rowCount: Int,
        gradient: UnsafeMutableBufferPointer<Double>
    ) -> Double {
        let count = gradient.count
        load(parameters: theta)
        guard rowCount > 0 else {
            forward()
            reverse()
            for i in 0..<count { gradient[i] = takeParameterAdjoint(i) }
            return value
        }
        var total = 0.0
        for row in rows {
            precondition(row >= 0 && row < rowCount, "row index out of range")
            load(row: row)
            forward()
            total += value
            reverse()
        }
        // x/1 == x: a single row skips the divisions, which sit on the step's critical path.
        if rows.count == 1 {
            for i in 0..<count { gradient[i] = takeParameterAdjoint(i) }
            return total
        }
        let n = Double(rows.count)
        for i in 0..<count { gradient[i] = takeParameterAdjoint(i) / n }
        return total / n
    }

    /// Loads θ and returns the mean loss over `rows` (the loss itself without data).
    @inline(__always)
    func meanLoss(at theta: UnsafeBufferPointer<Double>, rows: UnsafeBufferPointer<Int>, rowCount: Int) -> Double {
        load(parameters: theta)
        guard rowCount > 0 else {
            forward()
            return value
        }
        var total = 0.0
        for row in rows {
            precondition(row >= 0 && row < rowCount, "row index out of range")
            load(row: row)
            forward()
            total += value
        }
        return total / Double(rows.count)
    }
}
