/// The result of compiling an expression with arrays: one node per array
/// operation (not per element), every value and adjoint placed in two flat
/// buffers whose sizes are known now, so evaluation allocates nothing.
///
/// Compiling
/// - reuses one node for repeated subexpressions (`a @ C` written twice is
///   computed once; adjoints accumulate, so a node may have many consumers);
/// - computes every node that depends on neither θ nor data once, here;
/// - turns an element-wise operation with a constant scalar operand into a
///   `map` with an immediate constant, and `x^2` into `square`, like `TapeProgram`.
///
/// Buffer layout: θ's elements first (values and adjoints at offsets 0..<P,
/// in declaration order, row-major), then constants, data columns and
/// intermediate results. Only nodes a parameter reaches get an adjoint.
struct ArrayProgram {
    let parameterCount: Int
    private(set) var nodes: [ArrayNode] = []
    /// The inputs of `stack` nodes (array literals).
    private(set) var operands: [Int] = []
    private(set) var initialValues: [Double]
    private(set) var adjointCount: Int
    /// `load(row:)` writes data column `column` into value offset `slot`.
    private(set) var columnLoads: [(slot: Int, column: Int)] = []
    private(set) var output = 0

    private var shapes: [ArrayShape] = []
    private var memo: [ExpressionNode: Int] = [:]

    /// Compiles a parsed expression (already shape-checked by the parser).
    init(compiling parsed: ParsedExpression) {
        parameterCount = parsed.parameters.reduce(0) { $0 + $1.shape.count }
        initialValues = Array(repeating: 0, count: parameterCount)
        adjointCount = parameterCount
        var offset = 0
        for parameter in parsed.parameters {
            let count = parameter.shape.count
            nodes.append(ArrayNode(operation: .leaf, value: offset, count: count, adjoint: offset, variable: true))
            shapes.append(parameter.shape)
            offset += count
        }
        output = compile(parsed.root)
    }

    // MARK: - Tree to nodes

    private mutating func compile(_ tree: ExpressionNode) -> Int {
        if let known = memo[tree] { return known }
        let result: Int
        switch tree {
        case .number(let value):
            result = leaf(ArrayValue(value))
        case .parameter(let index, _):
            result = index
        case .constant(_, let value):
            result = leaf(value)
        case .column(let index, _):
            result = newLeaf(shape: .scalar, variable: true)
            columnLoads.append((nodes[result].value, index))
        case .negate(let operand):
            let a = compile(operand)
            result = add(.map(.negate, 0), a, shape: shapes[a])
        case .binary(.matrixProduct, let left, let right):
            result = product(compile(left), compile(right))
        case .binary(let op, let left, let right):
            result = elementwise(Opcode.of(op), compile(left), compile(right))
        case .call(let function, let arguments):
            let a = compile(arguments[0])
            result = arguments.count == 2
                ? elementwise(Opcode.of(function), a, compile(arguments[1]))
                : add(.map(Opcode.of(function), 0), a, shape: shapes[a])
        case .arrayCall(let function, let arguments):
            result = call(function, arguments)
        case .array(let elements):
            let parts = elements.map { compile($0) }
            let first = operands.count
            operands += parts
            result = add(.stack(first: first, count: parts.count), inputs: parts,
                         shape: ArrayShape([parts.count] + shapes[parts[0]].dimensions))
        case .index(let base, let subscripts):
            result = index(compile(base), subscripts)
        }
        memo[tree] = result
        return result
    }

    private mutating func call(_ function: ArrayFunction, _ arguments: [ExpressionNode]) -> Int {
        let a = compile(arguments[0])
        let shape = shapes[a]
        // The literal second argument (axis, length, width), where the function takes one.
        let literal = arguments.count == 2 ? Parser.literalInteger(arguments[1]) : nil
        switch function {
        case .transpose:
            guard shape.rank == 2 else { return a }
            return add(.transpose(rows: shape.rows, columns: shape.columns), a, shape: .matrix(shape.columns, shape.rows))
        case .sum, .mean, .norm:
            guard let axis = literal else {
                let scale = function == .mean ? 1 / Double(shape.count) : 1
                return add(function == .norm ? .norm : .total(scale: scale), a, shape: .scalar)
            }
            // A vector is one row: its axis 0 is the matrix's axis 1.
            let matrixAxis = shape.rank == 1 ? 1 : axis
            let length = matrixAxis == 0 ? shape.rows : shape.columns
            let reduction = Reduction(rows: shape.rows, columns: shape.columns, axis: matrixAxis,
                                      scale: function == .mean ? 1 / Double(length) : 1)
            var kept = shape.dimensions
            kept.remove(at: axis)
            return add(function == .norm ? .normAlong(reduction) : .totalAlong(reduction), a, shape: ArrayShape(kept))
        case .dot:
            return add(.dot, a, compile(arguments[1]), shape: .scalar)
        case .sumsq:
            return add(.sumOfSquares, a, shape: .scalar)
        case .diag:
            return add(.diagonal(stride: shape.columns + 1), a, shape: .vector(Swift.min(shape.rows, shape.columns)))
        case .trace:
            return add(.trace(stride: shape.columns + 1, length: Swift.min(shape.rows, shape.columns)), a, shape: .scalar)
        case .softmax:
            return add(.softmax, a, shape: shape)
        case .logsumexp:
            return add(.logSumExp, a, shape: .scalar)
        case .onehot:
            return add(.oneHot, a, shape: .vector(literal!))
        case .correlate:
            let k = compile(arguments[1])
            let kernel = shapes[k]
            let rows = shape.rows - kernel.rows + 1, columns = shape.columns - kernel.columns + 1
            let sizes = Correlation(imageColumns: shape.columns, kernelRows: kernel.rows, kernelColumns: kernel.columns,
                                    rows: rows, columns: columns)
            return add(.correlate(sizes), a, k, shape: .matrix(rows, columns))
        case .pad:
            let width = literal!
            return add(.pad(Padding(rows: shape.rows, columns: shape.columns, width: width)), a,
                       shape: .matrix(shape.rows + 2 * width, shape.columns + 2 * width))
        }
    }

    /// `a op b` element by element; a constant scalar operand becomes the immediate of a `map`.
    private mutating func elementwise(_ op: Opcode, _ a: Int, _ b: Int) -> Int {
        let shape = try! ArrayShape.broadcast(shapes[a], shapes[b], operator: "")  // the parser checked it
        if let c = constantScalar(b) {
            switch op {
            case .add: return add(.map(.addConstant, c), a, shape: shape)
            // IEEE subtraction is addition of the negation, exactly.
            case .subtract: return add(.map(.addConstant, -c), a, shape: shape)
            case .multiply: return add(.map(.multiplyConstant, c), a, shape: shape)
            case .divide: return add(.map(.divideByConstant, c), a, shape: shape)
            case .power: return add(.map(c == 2 ? .square : .powerConstant, c), a, shape: shape)
            default: break
            }
        }
        if let c = constantScalar(a) {
            switch op {
            case .add: return add(.map(.addConstant, c), b, shape: shape)
            case .subtract: return add(.map(.constantMinus, c), b, shape: shape)
            case .multiply: return add(.map(.multiplyConstant, c), b, shape: shape)
            case .divide: return add(.map(.constantDivide, c), b, shape: shape)
            case .power: return add(.map(.constantPower, c), b, shape: shape)
            default: break
            }
        }
        func strides(_ operand: ArrayShape) -> (row: Int, column: Int) {
            (operand.rows == 1 ? 0 : operand.columns, operand.columns == 1 ? 0 : 1)
        }
        let (m, n, size) = (shapes[a].count, shapes[b].count, shape.count)
        let kind: Broadcast.Kind = m == size && n == size ? .plain
            : (m == 1 && n == size ? .scalarFirst : (n == 1 && m == size ? .scalarSecond : .general))
        let walk = Broadcast(rows: shape.rows, columns: shape.columns, a: strides(shapes[a]), b: strides(shapes[b]), kind: kind)
        return add(.zip(op, walk), a, b, shape: shape)
    }

    private mutating func product(_ a: Int, _ b: Int) -> Int {
        let left = shapes[a], right = shapes[b]
        let shape = try! ArrayShape.product(left, right)  // the parser checked it
        let rows = left.rank == 2 ? left.dimensions[0] : 1
        let columns = right.rank == 2 ? right.dimensions[1] : 1
        return add(.product(rows: rows, inner: left.dimensions[left.rank - 1], columns: columns), a, b, shape: shape)
    }

    private mutating func index(_ base: Int, _ subscripts: [ExpressionSubscript]) -> Int {
        let shape = shapes[base]
        // Two data-column subscripts: rows first, then the column of the row picked.
        if subscripts.count == 2, case .column = subscripts[0], case .column = subscripts[1] {
            return index(index(base, [subscripts[0]]), [subscripts[1]])
        }
        var slice = Slice(sourceColumns: shape.columns, rowStart: 0, columnStart: 0, rows: shape.rows,
                          columns: shape.columns, dynamicRow: false, dynamicColumn: false, limit: 0)
        var dynamic = -1
        var kept: [Int] = []
        // A vector's only subscript picks columns; a matrix's first picks rows.
        let dimensions = shape.rank == 1 ? [1] : [0, 1]
        for (item, dimension) in zip(subscripts, dimensions) {
            let size = shape.dimensions[shape.rank == 1 ? 0 : dimension]
            var start = 0, length = 1
            switch item {
            case .position(let i):
                start = i
            case .column(let column, let name):
                dynamic = compile(.column(index: column, name: name))
                slice.limit = size
                if dimension == 0 { slice.dynamicRow = true } else { slice.dynamicColumn = true }
            case .range(let lower, let upper):
                start = lower ?? 0
                length = (upper ?? size) - start
                kept.append(length)
            }
            if dimension == 0 {
                slice.rowStart = start
                slice.rows = length
            } else {
                slice.columnStart = start
                slice.columns = length
            }
        }
        if shape.rank == 2 && subscripts.count == 1 { kept.append(shape.columns) }
        return add(.slice(slice), base, dynamic, shape: ArrayShape(kept))
    }

    // MARK: - Nodes

    /// The value of a node that is a constant with one element, else nil.
    private func constantScalar(_ node: Int) -> Double? {
        let n = nodes[node]
        return !n.variable && n.count == 1 ? initialValues[n.value] : nil
    }

    private mutating func leaf(_ value: ArrayValue) -> Int {
        let node = newLeaf(shape: value.shape, variable: false)
        for (i, element) in value.elements.enumerated() { initialValues[nodes[node].value + i] = element }
        return node
    }

    private mutating func add(_ operation: ArrayOperation, _ a: Int = -1, _ b: Int = -1, shape: ArrayShape) -> Int {
        add(operation, inputs: [a, b].filter { $0 >= 0 }, a: a, b: b, shape: shape)
    }

    private mutating func add(_ operation: ArrayOperation, inputs: [Int], shape: ArrayShape) -> Int {
        add(operation, inputs: inputs, a: -1, b: -1, shape: shape)
    }

    /// A value written from outside: a constant (set once) or a data column (`variable`, set per row).
    private mutating func newLeaf(shape: ArrayShape, variable: Bool) -> Int {
        append(ArrayNode(operation: .leaf, value: initialValues.count, count: shape.count, variable: variable), shape)
    }

    /// Places a node reading `inputs`; one that depends on neither θ nor data is computed now.
    private mutating func add(_ operation: ArrayOperation, inputs: [Int], a: Int, b: Int, shape: ArrayShape) -> Int {
        var node = ArrayNode(operation: operation, value: initialValues.count, count: shape.count,
                             variable: inputs.contains { nodes[$0].variable })
        if a >= 0 { (node.aValue, node.aCount, node.aAdjoint) = (nodes[a].value, nodes[a].count, nodes[a].adjoint) }
        if b >= 0 { (node.bValue, node.bAdjoint) = (nodes[b].value, nodes[b].adjoint) }
        if inputs.contains(where: { nodes[$0].adjoint >= 0 }) {
            node.adjoint = adjointCount
            adjointCount += shape.count
        }
        let index = append(node, shape)
        if !node.variable {
            nodes.withUnsafeBufferPointer { n in
                operands.withUnsafeBufferPointer { o in
                    initialValues.withUnsafeMutableBufferPointer { v in
                        ArrayTape.forward(node, nodes: n.baseAddress!, operands: o.baseAddress, values: v.baseAddress!)
                    }
                }
            }
        }
        return index
    }

    private mutating func append(_ node: ArrayNode, _ shape: ArrayShape) -> Int {
        initialValues += repeatElement(0, count: node.count)
        nodes.append(node)
        shapes.append(shape)
        return nodes.count - 1
    }
}
