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

    /// The compiled expression: the scalar tape when no value is an array, else the array tape.
    /// (Two optionals rather than an enum: a method called through a `let` property borrows
    /// the tape, where matching an enum case retains and releases it on every evaluation.)
    private let scalarTape: Tape?
    private let arrayTape: ArrayTape?

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
    /// // f(C) = Σᵢ ‖xᵢ − X cᵢ‖² + λ Σᵢ ‖cᵢ‖₂ + κ Σᵢ Cᵢᵢ²,  X 5×20 (points as columns), C 20×20
    /// let objective = try ExpressionObjective(
    ///     expression: "sumsq(X @ C - X) + lambda*sum(norm(C, 0)) + kappa*sumsq(diag(C))",
    ///     parameters: [ParameterDeclaration(parsing: "C[20,20]")],
    ///     constants: ["X": ArrayValue(shape: .matrix(5, 20), elements: x),
    ///                 "lambda": ArrayValue(0.1), "kappa": ArrayValue(1)])
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
        precondition(parsed.shape.isScalar, "a loss is a scalar")
        expressionText = parsed.text
        expression = parsed
        parameterNames = parsed.elementNames
        self.data = data
        rowCount = data?.rowCount ?? 0
        if parsed.isScalar {
            scalarTape = Tape(
                TapeProgram(compiling: parsed.root, parameterCount: parsed.parameters.count),
                data: data?.values ?? [], dataColumnCount: data?.columnCount ?? 0)
            arrayTape = nil
        } else {
            scalarTape = nil
            arrayTape = ArrayTape(
                ArrayProgram(compiling: parsed), data: data?.values ?? [], dataColumnCount: data?.columnCount ?? 0)
        }
    }

    /// The innermost operation of the expression that is not finite at θ (on the first data row where one is),
    /// e.g. `1/x divides by zero` or `log(a) of zero on data row 2`.
    /// Array expressions are not explained (their operations act on whole arrays): nil.
    public func explainNonFinite(at theta: [Double]) -> String? {
        guard scalarTape != nil else { return nil }
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
        scalarTape = other.scalarTape?.copy()
        arrayTape = other.arrayTape?.copy()
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
    public var tapeLength: Int { scalarTape?.instructionCount ?? arrayTape!.instructionCount }

    /// The scalar program a `LaneTape` evaluates for many parameter vectors at once: nil for expressions
    /// over arrays or data. Compiled afresh, exactly as the objective's own tape was.
    var laneProgram: TapeProgram? {
        guard scalarTape != nil, data == nil else { return nil }
        return TapeProgram(compiling: expression.root, parameterCount: expression.parameters.count)
    }

    /// Writes ∇L(θ; rows) into `gradient` (overwriting it) and returns L(θ; rows).
    public func lossAndGradient(
        at theta: UnsafeBufferPointer<Double>,
        rows: UnsafeBufferPointer<Int>,
        gradient: UnsafeMutableBufferPointer<Double>
    ) -> Double {
        precondition(theta.count == parameterNames.count && gradient.count == parameterNames.count,
                     "θ and the gradient need one entry per parameter")
        // Optional chaining borrows the tape (binding it with `if let` would retain and release it per call).
        if let loss = scalarTape?.meanLossAndGradient(at: theta, rows: rows, rowCount: rowCount, gradient: gradient) {
            return loss
        }
        return arrayTape!.meanLossAndGradient(at: theta, rows: rows, rowCount: rowCount, gradient: gradient)
    }

    /// Returns L(θ; rows) without the gradient.
    public func loss(at theta: UnsafeBufferPointer<Double>, rows: UnsafeBufferPointer<Int>) -> Double {
        precondition(theta.count == parameterNames.count, "θ needs one entry per parameter")
        if let loss = scalarTape?.meanLoss(at: theta, rows: rows, rowCount: rowCount) { return loss }
        return arrayTape!.meanLoss(at: theta, rows: rows, rowCount: rowCount)
    }

    /// The loss along parameter `index` over `rows`, on a tape of the line's own that runs only
    /// what θ[index] reaches per evaluation (see `ExpressionLine`).
    public func line(along index: Int, rows: [Int]) -> ExpressionLine {
        precondition(index >= 0 && index < parameterNames.count, "the line's parameter is out of range")
        return ExpressionLine(scalar: scalarTape, array: arrayTape, along: index, rows: rows, rowCount: rowCount)
    }
}
