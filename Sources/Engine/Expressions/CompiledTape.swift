/// What `ExpressionObjective` needs from a compiled expression: the scalar
/// `Tape` and the `ArrayTape` both provide it, and the objective's loop is
/// specialised for each.
protocol CompiledTape: AnyObject {
    /// Number of data rows loadable with `load(row:)`.
    var rowCount: Int { get }
    /// Number of operations run per forward pass.
    var instructionCount: Int { get }
    /// Writes θ into the parameters' values.
    func load(parameters theta: UnsafeBufferPointer<Double>)
    /// Writes data row `row` into its values.
    func load(row: Int)
    /// Computes the expression's value.
    func forward()
    /// The value after `forward()`.
    var value: Double { get }
    /// Adds ∇θ of the current value to the parameter adjoints.
    func reverse()
    /// Returns the accumulated ∂/∂θᵢ and resets it to zero.
    func takeParameterAdjoint(_ i: Int) -> Double
}

extension Tape: CompiledTape {}
extension ArrayTape: CompiledTape {}
