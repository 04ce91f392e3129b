/// The result of compiling an expression tree: instructions, the initial slot
/// values (constants set, the rest zero) and which slots depend on a parameter.
///
/// Compiling folds every constant subexpression (`2*3` becomes `6`), turns an
/// operation with one constant operand into its `…Constant` opcode, and
/// rewrites powers with a constant exponent:
/// ```
/// x^0 → 1,   x^1 → x,   x^2 → square(x),   x^c → powerConstant(x, c)
/// ```
/// and fuses a parameter-dependent product into the sum or difference that
/// consumes it (`p*q + r` → `multiplyAdd(p, q, r)`), which rounds the same.
///
/// Every node gets a fresh slot, so an intermediate slot has exactly one
/// consumer; `Tape.reverse()` relies on this. Only scalar expressions
/// (`ParsedExpression.isScalar`) compile here; the rest go to `ArrayProgram`.
struct TapeProgram {
    var parameterCount: Int
    var instructions: [Instruction] = []
    var initialValues: [Double]
    var activeSlots: [Bool]
    var columnLoads: [(slot: Int, column: Int)] = []
    var output = 0
    var outputIsActive = false

    /// An instruction operand before it is placed: a known constant or a slot.
    private enum Operand {
        case constant(Double)
        case slot(Int)
    }

    private var columnSlot: [Int: Int] = [:]
    private var constantSlot: [UInt64: Int] = [:]
    /// Instruction index of each parameter-dependent `multiply`, by output slot.
    private var product: [Int: Int] = [:]
    /// Instructions replaced by a fused one.
    private var fused = Set<Int>()

    /// Compiles `root` for `parameterCount` parameters.
    init(compiling root: ExpressionNode, parameterCount: Int) {
        self.parameterCount = parameterCount
        initialValues = Array(repeating: 0, count: parameterCount)
        activeSlots = Array(repeating: true, count: parameterCount)
        let result = compile(root)
        output = materialize(result)
        outputIsActive = activeSlots[output]
        if !fused.isEmpty {
            instructions = instructions.enumerated().filter { !fused.contains($0.offset) }.map(\.element)
        }
    }

    private mutating func compile(_ node: ExpressionNode) -> Operand {
        switch node {
        case .number(let value):
            return .constant(value)
        case .parameter(let index, _):
            return .slot(index)
        case .constant(_, let value):
            return .constant(value.elements[0])
        case .column(let index, _):
            if let slot = columnSlot[index] { return .slot(slot) }
            let slot = newSlot(active: false)
            columnSlot[index] = slot
            columnLoads.append((slot, index))
            return .slot(slot)
        case .negate(let operand):
            return unary(.negate, compile(operand))
        case .binary(let op, let left, let right):
            return binary(op, compile(left), compile(right))
        case .call(let function, let arguments):
            let op = Opcode.of(function)
            if function.arity == 2 {
                let a = compile(arguments[0]), b = compile(arguments[1])
                if case .constant(let x) = a, case .constant(let y) = b {
                    return .constant(Opcode.value(op, x, y, 0, 0))
                }
                return .slot(emit(op, materialize(a), materialize(b)))
            }
            return unary(op, compile(arguments[0]))
        case .arrayCall, .array, .index:
            preconditionFailure("an expression with arrays compiles to an ArrayTape (ParsedExpression.isScalar)")
        }
    }

    private mutating func unary(_ op: Opcode, _ operand: Operand) -> Operand {
        switch operand {
        case .constant(let x): return .constant(Opcode.value(op, x, 0, 0, 0))
        case .slot(let a): return .slot(emit(op, a))
        }
    }

    private mutating func binary(_ op: BinaryOperator, _ left: Operand, _ right: Operand) -> Operand {
        switch (op, left, right) {
        case (.matrixProduct, _, _):
            preconditionFailure("'@' compiles to an ArrayTape (ParsedExpression.isScalar)")
        case (_, .constant(let x), .constant(let y)):
            return .constant(Opcode.value(Opcode.of(op), x, y, 0, 0))
        case (.add, .slot(let a), .constant(let c)), (.add, .constant(let c), .slot(let a)):
            return .slot(emit(.addConstant, a, c: c))
        // IEEE subtraction is addition of the negation, exactly.
        case (.subtract, .slot(let a), .constant(let c)):
            return .slot(emit(.addConstant, a, c: -c))
        case (.subtract, .constant(let c), .slot(let a)):
            return .slot(emit(.constantMinus, a, c: c))
        case (.multiply, .slot(let a), .constant(let c)), (.multiply, .constant(let c), .slot(let a)):
            return .slot(emit(.multiplyConstant, a, c: c))
        case (.divide, .slot(let a), .constant(let c)):
            return .slot(emit(.divideByConstant, a, c: c))
        case (.divide, .constant(let c), .slot(let a)):
            return .slot(emit(.constantDivide, a, c: c))
        case (.power, .slot(let a), .constant(let c)):
            // pow(x, 0) = 1 and pow(x, 1) = x for every x, NaN included.
            if c == 0 { return .constant(1) }
            if c == 1 { return .slot(a) }
            if c == 2 { return .slot(emit(.square, a)) }
            return .slot(emit(.powerConstant, a, c: c))
        case (.power, .constant(let c), .slot(let a)):
            return .slot(emit(.constantPower, a, c: c))
        case (.add, .slot(let a), .slot(let b)):
            if let (p, q) = takeProduct(b) { return .slot(emit(.multiplyAdd, p, q, d: a)) }
            if let (p, q) = takeProduct(a) { return .slot(emit(.multiplyAdd, p, q, d: b)) }
            return .slot(emit(.add, a, b))
        case (.subtract, .slot(let a), .slot(let b)):
            if let (p, q) = takeProduct(b) { return .slot(emit(.subtractMultiply, p, q, d: a)) }
            if let (p, q) = takeProduct(a) { return .slot(emit(.multiplySubtract, p, q, d: b)) }
            return .slot(emit(.subtract, a, b))
        case (.multiply, .slot(let a), .slot(let b)):
            let out = emit(.multiply, a, b)
            if activeSlots[out] { product[out] = instructions.count - 1 }
            return .slot(out)
        case (_, .slot(let a), .slot(let b)):
            return .slot(emit(Opcode.of(op), a, b))
        }
    }

    /// If `slot` holds a parameter-dependent product, drops its instruction and
    /// returns its factors for a fused instruction to use instead.
    private mutating func takeProduct(_ slot: Int) -> (Int, Int)? {
        guard let index = product.removeValue(forKey: slot) else { return nil }
        fused.insert(index)
        return (Int(instructions[index].a), Int(instructions[index].b))
    }

    private mutating func emit(_ op: Opcode, _ a: Int, _ b: Int? = nil, d: Int? = nil, c: Double = 0) -> Int {
        let active = activeSlots[a] || (b.map { activeSlots[$0] } ?? false) || (d.map { activeSlots[$0] } ?? false)
        let out = newSlot(active: active)
        instructions.append(Instruction(op: op, out: Int32(out), a: Int32(a), b: Int32(b ?? a), d: Int32(d ?? a), c: c))
        return out
    }

    private mutating func materialize(_ operand: Operand) -> Int {
        switch operand {
        case .slot(let slot):
            return slot
        case .constant(let value):
            if let slot = constantSlot[value.bitPattern] { return slot }
            let slot = newSlot(active: false)
            initialValues[slot] = value
            constantSlot[value.bitPattern] = slot
            return slot
        }
    }

    private mutating func newSlot(active: Bool) -> Int {
        initialValues.append(0)
        activeSlots.append(active)
        return initialValues.count - 1
    }
}

extension Opcode {
    /// The opcode computing `function`.
    static func of(_ function: ExpressionFunction) -> Opcode {
        switch function {
        case .exp: return .exp
        case .log: return .log
        case .log1p: return .log1p
        case .sqrt: return .sqrt
        case .abs: return .abs
        case .sin: return .sin
        case .cos: return .cos
        case .tanh: return .tanh
        case .sigmoid: return .sigmoid
        case .softplus: return .softplus
        case .relu: return .relu
        case .min: return .min
        case .max: return .max
        }
    }

    /// The opcode computing `op` on two slots.
    static func of(_ op: BinaryOperator) -> Opcode {
        switch op {
        case .add: return .add
        case .subtract: return .subtract
        case .multiply: return .multiply
        case .divide: return .divide
        case .power: return .power
        case .matrixProduct: preconditionFailure("'@' compiles to an ArrayTape (ParsedExpression.isScalar)")
        }
    }
}
