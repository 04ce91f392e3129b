/// A compiled expression with arrays: a list of whole-array operations over
/// two preallocated buffers (values and adjoints), evaluated forward and then
/// differentiated backward (reverse mode), one node at a time.
///
/// The same interface as `Tape`: load θ, load a data row, `forward()`,
/// `reverse()` (adds ∇θ of the value into the parameter adjoints), take the
/// parameter adjoints. Evaluation allocates nothing: every node's value and
/// adjoint has its place from `ArrayProgram`.
///
/// Each node `y = op(a, b)`, last first, adds its adjoint's contribution to
/// its inputs' adjoints:
/// ```
/// ā += ȳ ∂op/∂a,   b̄ += ȳ ∂op/∂b      (accumulated: a node may feed several)
/// ```
/// Intermediate adjoints are cleared at the start of every `reverse()`;
/// parameter adjoints accumulate until taken.
///
/// Not thread-safe: the buffers are shared scratch.
final class ArrayTape {
    let parameterCount: Int
    /// Number of data rows loadable with `load(row:)`.
    let rowCount: Int
    /// Number of operations run per forward pass.
    var instructionCount: Int { forwardCount }

    /// Every node's value, θ's elements first.
    let values: UnsafeMutablePointer<Double>
    private let adjoints: UnsafeMutablePointer<Double>
    private let adjointCount: Int
    /// Every node, for array literals to find their parts.
    let nodes: UnsafeMutablePointer<ArrayNode>
    let operands: UnsafeMutablePointer<Int>
    /// The nodes `forward()` runs (those that change with θ or the row), in order.
    let forwardNodes: UnsafeMutablePointer<ArrayNode>
    let forwardCount: Int
    /// The nodes a parameter reaches, last first.
    private let reverseNodes: UnsafeMutablePointer<ArrayNode>
    private let reverseCount: Int
    let outputValue: Int
    private let outputAdjoint: Int
    /// `load(row: r)` writes `data[r * dataColumnCount + column]` into value offset `slot`.
    let columnLoads: [(slot: Int, column: Int)]
    private let data: [Double]
    private let dataColumnCount: Int
    /// Kept to make copies.
    let program: ArrayProgram

    /// Builds the buffers for a compiled program and, for programs reading data
    /// columns, the data (row-major, `dataColumnCount` per row).
    init(_ program: ArrayProgram, data: [Double] = [], dataColumnCount: Int = 0) {
        self.program = program
        self.data = data
        self.dataColumnCount = dataColumnCount
        parameterCount = program.parameterCount
        rowCount = dataColumnCount > 0 ? data.count / dataColumnCount : 0
        values = .allocate(capacity: Swift.max(program.initialValues.count, 1))
        values.initialize(repeating: 0, count: Swift.max(program.initialValues.count, 1))
        for (i, value) in program.initialValues.enumerated() { values[i] = value }
        adjointCount = program.adjointCount
        adjoints = .allocate(capacity: Swift.max(adjointCount, 1))
        adjoints.initialize(repeating: 0, count: Swift.max(adjointCount, 1))
        nodes = .allocate(capacity: program.nodes.count)
        nodes.initialize(from: program.nodes, count: program.nodes.count)
        operands = .allocate(capacity: Swift.max(program.operands.count, 1))
        operands.initialize(from: program.operands, count: program.operands.count)
        let isComputed = { (node: ArrayNode) -> Bool in
            if case .leaf = node.operation { return false }
            return true
        }
        let forward = program.nodes.filter { $0.variable && isComputed($0) }
        forwardCount = forward.count
        forwardNodes = .allocate(capacity: Swift.max(forwardCount, 1))
        forwardNodes.initialize(from: forward, count: forwardCount)
        let reverse = program.nodes.reversed().filter { $0.adjoint >= 0 && isComputed($0) }
        reverseCount = reverse.count
        reverseNodes = .allocate(capacity: Swift.max(reverseCount, 1))
        reverseNodes.initialize(from: reverse, count: reverseCount)
        outputValue = program.nodes[program.output].value
        outputAdjoint = program.nodes[program.output].adjoint
        columnLoads = program.columnLoads
    }

    deinit {
        values.deallocate()
        adjoints.deallocate()
        nodes.deallocate()
        operands.deallocate()
        forwardNodes.deallocate()
        reverseNodes.deallocate()
    }

    /// A tape with the same program and data and its own buffers.
    func copy() -> ArrayTape {
        ArrayTape(program, data: data, dataColumnCount: dataColumnCount)
    }

    /// Writes θ into the parameters' values.
    @inline(__always)
    func load(parameters theta: UnsafeBufferPointer<Double>) {
        for i in 0..<parameterCount { values[i] = theta[i] }
    }

    /// Writes the data columns of row `row` into their values.
    @inline(__always)
    func load(row: Int) {
        let base = row * dataColumnCount
        for load in columnLoads { values[load.slot] = data[base + load.column] }
    }

    /// The expression's value after `forward()`.
    @inline(__always)
    var value: Double { values[outputValue] }

    /// Every element of the expression's value after `forward()`, row-major.
    func outputElements(count: Int) -> [Double] {
        Array(UnsafeBufferPointer(start: values + outputValue, count: count))
    }

    /// Runs every node that depends on θ or the data row, in order.
    func forward() {
        for i in 0..<forwardCount {
            ArrayTape.forward(forwardNodes[i], nodes: nodes, operands: operands, values: values)
        }
    }

    /// Adds ∇θ of the current forward value to the parameter adjoints.
    func reverse() {
        guard outputAdjoint >= 0 else { return }
        for i in parameterCount..<adjointCount { adjoints[i] = 0 }
        adjoints[outputAdjoint] += 1
        for i in 0..<reverseCount {
            ArrayTape.backward(reverseNodes[i], nodes: nodes, operands: operands, values: values, adjoints: adjoints)
        }
    }

    /// Hands out ∂/∂θᵢ accumulated by every `reverse()` since the last call, and resets it to zero.
    @inline(__always)
    func takeParameterAdjoint(_ i: Int) -> Double {
        let x = adjoints[i]
        adjoints[i] = 0
        return x
    }
}
