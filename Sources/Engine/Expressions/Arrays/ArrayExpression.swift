/// An expression whose value may be a whole array, evaluated at θ (and a data row) without a
/// gradient: what figures draw besides the loss, such as a residual image `T - Y`, its
/// correlation with a kernel, or a model's class probabilities `softmax(W @ [x1, x2] + b)`.
///
/// ```
/// let residual = try ArrayExpression(expression: "T - Y", parameters: [ParameterDeclaration(parsing: "Y[12,16]")],
///                                    constants: ["T": target])
/// residual.shape                  // [12,16]
/// residual.value(at: theta)       // 192 elements, row-major
/// ```
///
/// The same language, shape rules and errors as `ExpressionObjective`; only the result need not
/// be a scalar. Not thread-safe (the tape's buffers are shared scratch); `copy()` for another thread.
public final class ArrayExpression {
    /// The parsed expression.
    public let expression: ParsedExpression
    /// The shape of every value.
    public var shape: ArrayShape { expression.shape }
    private let tape: ArrayTape

    /// Parses and compiles `expression` over shaped parameters, named constants and the columns of `data`.
    ///
    /// Throws an `ExpressionError` (unknown name, shape mismatch, syntax error, …) with its column.
    public convenience init(
        expression: String, parameters: [ParameterDeclaration], constants: [String: ArrayValue] = [:],
        data: DataTable? = nil
    ) throws(ExpressionError) {
        let parsed = try ParsedExpression(parsing: expression, parameters: parameters, constants: constants,
                                          columns: data?.columnNames ?? [], allowingArrays: true)
        self.init(parsed: parsed, data: data)
    }

    private init(parsed: ParsedExpression, tape: ArrayTape) {
        expression = parsed
        self.tape = tape
    }

    private convenience init(parsed: ParsedExpression, data: DataTable?) {
        self.init(parsed: parsed, tape: ArrayTape(ArrayProgram(compiling: parsed), data: data?.values ?? [],
                                                  dataColumnCount: data?.columnCount ?? 0))
    }

    /// An independent copy (own scratch buffers).
    public func copy() -> ArrayExpression {
        ArrayExpression(parsed: expression, tape: tape.copy())
    }

    /// The value at θ (one entry per parameter element), reading data row `row` when the expression uses columns.
    public func value(at theta: [Double], row: Int? = nil) -> ArrayValue {
        precondition(theta.count == tape.parameterCount, "θ needs one entry per parameter")
        theta.withUnsafeBufferPointer { tape.load(parameters: $0) }
        if let row { tape.load(row: row) }
        tape.forward()
        return ArrayValue(shape: shape, elements: tape.outputElements(count: shape.count))
    }
}
