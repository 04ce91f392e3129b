/// An objective written as an expression over named parameters (scalars,
/// vectors, matrices), named constants and, with data, the columns of one
/// data row; differentiated exactly by reverse mode on a compiled tape. The
/// language (array literals, broadcasting, `@`, reductions, indexing, …) is
/// documented on `ParsedExpression` and `ArrayFunction`.
///
/// θ is the declared parameters' elements in order, each array row-major;
/// `parameterNames` names them (`b`, `a[0]`, `C[0,1]`). An expression with
/// no arrays at all compiles to the scalar `Tape` (one instruction per
/// operation on numbers); any other to an `ArrayTape` (one node per operation
/// on a whole array).
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
    /// Names of θ's elements, in order: `b`, `a[0]`, …, `C[0,0]`, `C[0,1]`, ….
    public let parameterNames: [String]
    /// The data rows the expression reads, if any.
    public let data: DataTable?
    /// Number of data rows; 0 when the objective has no data.
    public let rowCount: Int

    private let tape: Compiled

    /// The compiled expression: the scalar tape when no value is an array.
    private enum Compiled {
        case scalar(Tape)
        case arrays(ArrayTape)

        func copy() -> Compiled {
            switch self {
            case .scalar(let tape): return .scalar(tape.copy())
            case .arrays(let tape): return .arrays(tape.copy())
            }
        }
    }

    /// Parses and compiles `expression` over scalar `parameters` and the columns of `data`.
    ///
    /// Throws an `ExpressionError` (unknown name, syntax error, …) with its column.
    public convenience init(expression: String, parameters: [String], data: DataTable? = nil) throws(ExpressionError) {
        let parsed = try ParsedExpression(parsing: expression, parameters: parameters, columns: data?.columnNames ?? [])
        self.init(parsed: parsed, data: data)
    }

    /// Parses and compiles `expression` over shaped parameters, named constants and the columns of `data`.
    ///
    /// ```
    /// let objective = try ExpressionObjective(
    ///     expression: "sumsq(X @ C - X) + 0.1*sum(norm(C, 0)) + sumsq(diag(C))",
    ///     parameters: [ParameterDeclaration(parsing: "C[20,20]")],
    ///     constants: ["X": ArrayValue(matrix: points)])
    /// ```
    /// Throws an `ExpressionError` (unknown name, shape mismatch, syntax error, …) with its column.
    public convenience init(
        expression: String, parameters: [ParameterDeclaration], constants: [String: ArrayValue] = [:],
        data: DataTable? = nil
    ) throws(ExpressionError) {
        let parsed = try ParsedExpression(
            parsing: expression, parameters: parameters, constants: constants, columns: data?.columnNames ?? [])
        self.init(parsed: parsed, data: data)
    }

    /// Compiles an already parsed expression; `data` must have the columns it was parsed against.
    public init(parsed: ParsedExpression, data: DataTable?) {
        precondition(parsed.columnNames == (data?.columnNames ?? []), "the expression was parsed against other columns")
        expressionText = parsed.text
        expression = parsed
        parameterNames = parsed.elementNames
        self.data = data
        rowCount = data?.rowCount ?? 0
        if parsed.isScalar {
            tape = .scalar(Tape(
                TapeProgram(compiling: parsed.root, parameterCount: parsed.parameters.count),
                data: data?.values ?? [], dataColumnCount: data?.columnCount ?? 0))
        } else {
            tape = .arrays(ArrayTape(
                ArrayProgram(compiling: parsed), data: data?.values ?? [], dataColumnCount: data?.columnCount ?? 0))
        }
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
    /// folding (the scalar tape also computes data-only subexpressions once
    /// per row up front); on arrays, one per array operation.
    public var tapeLength: Int {
        switch tape {
        case .scalar(let tape): return tape.instructionCount
        case .arrays(let tape): return tape.instructionCount
        }
    }

    /// Writes ∇L(θ; rows) into `gradient` (overwriting it) and returns L(θ; rows).
    public func lossAndGradient(
        at theta: UnsafeBufferPointer<Double>,
        rows: UnsafeBufferPointer<Int>,
        gradient: UnsafeMutableBufferPointer<Double>
    ) -> Double {
        switch tape {
        case .scalar(let tape): return lossAndGradient(tape, at: theta, rows: rows, gradient: gradient)
        case .arrays(let tape): return lossAndGradient(tape, at: theta, rows: rows, gradient: gradient)
        }
    }

    /// Returns L(θ; rows) without the gradient.
    public func loss(at theta: UnsafeBufferPointer<Double>, rows: UnsafeBufferPointer<Int>) -> Double {
        switch tape {
        case .scalar(let tape): return loss(tape, at: theta, rows: rows)
        case .arrays(let tape): return loss(tape, at: theta, rows: rows)
        }
    }

    @inline(__always)
    private func lossAndGradient<T: CompiledTape>(
        _ tape: T,
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

    @inline(__always)
    private func loss<T: CompiledTape>(_ tape: T, at theta: UnsafeBufferPointer<Double>, rows: UnsafeBufferPointer<Int>) -> Double {
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
