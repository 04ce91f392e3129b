/// An objective written as an expression over named parameters and, with
/// data, over the columns of one data row; differentiated exactly by reverse
/// mode on a compiled tape.
///
/// With data, the expression is the loss ℓ of one row and a batch B gives
/// ```
/// L(θ; B) = (1/|B|) Σ_{r ∈ B} ℓ(θ; row r),   ∇L = (1/|B|) Σ_{r ∈ B} ∇ℓ(θ; row r)
/// ```
/// (an empty batch has no mean: loss and gradient are NaN). Without data the
/// expression is the loss itself and `rows` is ignored.
///
/// Evaluation allocates nothing. The instance owns scratch buffers, so one
/// instance must not be evaluated from two threads at once; use `copy()` for
/// a second thread.
public final class ExpressionObjective: Objective, CustomStringConvertible {
    /// The expression as given.
    public let expressionText: String
    /// The parsed expression, names resolved.
    public let expression: ParsedExpression
    /// Names of the parameters, in the order of the flat vector.
    public let parameterNames: [String]
    /// The data rows the expression reads, if any.
    public let data: DataTable?
    /// Number of data rows; 0 when the objective has no data.
    public let rowCount: Int

    private let tape: Tape

    /// Parses and compiles `expression` over `parameters` and the columns of `data`.
    ///
    /// Throws an `ExpressionError` (unknown name, syntax error, …) with its column.
    public convenience init(expression: String, parameters: [String], data: DataTable? = nil) throws(ExpressionError) {
        let parsed = try ParsedExpression(parsing: expression, parameters: parameters, columns: data?.columnNames ?? [])
        self.init(parsed: parsed, data: data)
    }

    /// Compiles an already parsed expression; `data` must have the columns it was parsed against.
    public init(parsed: ParsedExpression, data: DataTable?) {
        precondition(parsed.columnNames == (data?.columnNames ?? []), "the expression was parsed against other columns")
        expressionText = parsed.text
        expression = parsed
        parameterNames = parsed.parameterNames
        self.data = data
        rowCount = data?.rowCount ?? 0
        tape = Tape(
            TapeProgram(compiling: parsed.root, parameterCount: parsed.parameterNames.count),
            data: data?.values ?? [], dataColumnCount: data?.columnCount ?? 0)
    }

    /// The innermost operation of the expression that is not finite at θ (on the first data row where one is),
    /// e.g. `1/x divides by zero` or `log(a) of zero on data row 2`.
    public func explainNonFinite(at theta: [Double]) -> String? {
        guard let data, data.columnCount > 0 else { return expression.root.undefinedOperation(parameters: theta) }
        let width = data.columnCount
        for r in 0..<rowCount {
            let row = Array(data.values[r * width..<(r + 1) * width])
            if let reason = expression.root.undefinedOperation(parameters: theta, columns: row) {
                return "\(reason) on data row \(r + 1)"
            }
        }
        return nil
    }

    private init(copying other: ExpressionObjective) {
        expressionText = other.expressionText
        expression = other.expression
        parameterNames = other.parameterNames
        data = other.data
        rowCount = other.rowCount
        tape = other.tape.copy()
    }

    /// An independent objective with the same expression and data (own scratch buffers).
    public func copy() -> ExpressionObjective {
        ExpressionObjective(copying: self)
    }

    /// The parsed expression printed back, e.g. `0.5*(y - (a2*x^2 + a1*x + a0))^2`.
    public var description: String { expression.description }

    /// Number of instructions the tape runs per row and pass, after constant
    /// folding and with data-only subexpressions computed once per row up front.
    public var tapeLength: Int { tape.instructionCount }

    /// Writes ∇L(θ; rows) into `gradient` (overwriting it) and returns L(θ; rows).
    public func lossAndGradient(
        at theta: UnsafeBufferPointer<Double>,
        rows: UnsafeBufferPointer<Int>,
        gradient: UnsafeMutableBufferPointer<Double>
    ) -> Double {
        let count = parameterNames.count
        precondition(theta.count == count && gradient.count == count, "θ and the gradient need one entry per parameter")
        tape.load(parameters: theta)
        guard rowCount > 0 else {
            tape.forward()
            tape.reverse()
            for i in 0..<count { gradient[i] = tape.takeParameterAdjoint(i) }
            return tape.value
        }
        var total = 0.0
        for row in rows {
            precondition(row >= 0 && row < rowCount, "row index out of range")
            tape.load(row: row)
            tape.forward()
            total += tape.value
            tape.reverse()
        }
        // x/1 == x: a single row skips the divisions, which sit on the step's critical path.
        if rows.count == 1 {
            for i in 0..<count { gradient[i] = tape.takeParameterAdjoint(i) }
            return total
        }
        let n = Double(rows.count)
        for i in 0..<count { gradient[i] = tape.takeParameterAdjoint(i) / n }
        return total / n
    }

    /// Returns L(θ; rows) without the gradient.
    public func loss(at theta: UnsafeBufferPointer<Double>, rows: UnsafeBufferPointer<Int>) -> Double {
        precondition(theta.count == parameterNames.count, "θ needs one entry per parameter")
        tape.load(parameters: theta)
        guard rowCount > 0 else {
            tape.forward()
            return tape.value
        }
        var total = 0.0
        for row in rows {
            precondition(row >= 0 && row < rowCount, "row index out of range")
            tape.load(row: row)
            tape.forward()
            total += tape.value
        }
        return total / Double(rows.count)
    }
}
