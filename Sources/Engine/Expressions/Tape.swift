/// One tape instruction: `values[out] = op(values[a], values[b], c)`.
struct Instruction {
    var op: Opcode
    var out: Int32
    var a: Int32
    var b: Int32
    var c: Double
}

/// A compiled expression: a flat list of instructions over a preallocated
/// array of value slots, evaluated forward and then differentiated backward
/// (reverse mode).
///
/// Slot layout: the parameters first (slot i holds θᵢ), then data columns,
/// constants and intermediate results. Evaluation allocates nothing and
/// dispatches with one `switch` per instruction.
///
/// Not thread-safe: the value and adjoint buffers are shared scratch.
final class Tape {
    let parameterCount: Int
    let slotCount: Int
    /// The slot holding the expression's value after `forward()`.
    let output: Int
    /// Whether the output depends on any parameter at all.
    let outputIsActive: Bool

    private let values: UnsafeMutablePointer<Double>
    private let adjoints: UnsafeMutablePointer<Double>
    private let forwardCode: UnsafeMutablePointer<Instruction>
    private let forwardCount: Int
    /// The instructions whose result depends on a parameter, last first.
    private let reverseCode: UnsafeMutablePointer<Instruction>
    private let reverseCount: Int
    /// `values[columnSlots[k]] = row[columnIndices[k]]` loads a data row.
    private let columnSlots: UnsafeMutablePointer<Int>
    private let columnIndices: UnsafeMutablePointer<Int>
    private let columnCount: Int
    /// Kept to make copies.
    private let program: TapeProgram

    /// Builds the tape's buffers from a compiled program.
    init(_ program: TapeProgram) {
        self.program = program
        parameterCount = program.parameterCount
        slotCount = max(program.initialValues.count, 1)
        output = program.output
        outputIsActive = program.outputIsActive
        values = .allocate(capacity: slotCount)
        values.initialize(repeating: 0, count: slotCount)
        for (i, value) in program.initialValues.enumerated() { values[i] = value }
        adjoints = .allocate(capacity: slotCount)
        adjoints.initialize(repeating: 0, count: slotCount)
        forwardCount = program.instructions.count
        forwardCode = .allocate(capacity: max(forwardCount, 1))
        forwardCode.initialize(from: program.instructions, count: forwardCount)
        let reversed = program.instructions.reversed().filter { program.activeSlots[Int($0.out)] }
        reverseCount = reversed.count
        reverseCode = .allocate(capacity: max(reverseCount, 1))
        reverseCode.initialize(from: reversed, count: reverseCount)
        columnCount = program.columnLoads.count
        columnSlots = .allocate(capacity: max(columnCount, 1))
        columnIndices = .allocate(capacity: max(columnCount, 1))
        for (k, load) in program.columnLoads.enumerated() {
            columnSlots[k] = load.slot
            columnIndices[k] = load.column
        }
    }

    deinit {
        values.deallocate()
        adjoints.deallocate()
        forwardCode.deallocate()
        reverseCode.deallocate()
        columnSlots.deallocate()
        columnIndices.deallocate()
    }

    /// A tape with the same program and its own scratch buffers.
    func copy() -> Tape { Tape(program) }

    /// Number of instructions run by `forward()`.
    var instructionCount: Int { forwardCount }

    /// Number of instructions run by `reverse()`.
    var reverseInstructionCount: Int { reverseCount }

    /// Writes θ into the parameter slots.
    @inline(__always)
    func load(parameters theta: UnsafeBufferPointer<Double>) {
        for i in 0..<parameterCount { values[i] = theta[i] }
    }

    /// Writes one data row (row-major, starting at `row`) into the column slots.
    @inline(__always)
    func load(row: UnsafePointer<Double>) {
        for k in 0..<columnCount { values[columnSlots[k]] = row[columnIndices[k]] }
    }

    /// The expression's value after `forward()`.
    @inline(__always)
    var value: Double { values[output] }

    /// Runs every instruction in order.
    @inline(__always)
    func forward() {
        let v = values
        for i in 0..<forwardCount {
            let instruction = forwardCode[i]
            v[Int(instruction.out)] = Opcode.value(
                instruction.op, v[Int(instruction.a)], v[Int(instruction.b)], instruction.c)
        }
    }

    /// Hands out the ∂/∂θᵢ accumulated by every `reverse()` since the last call,
    /// and resets it to zero for the next batch (parameter adjoints are zero
    /// between batches, so no separate clearing pass is needed).
    @inline(__always)
    func takeParameterAdjoint(_ i: Int) -> Double {
        let x = adjoints[i]
        adjoints[i] = 0
        return x
    }

    /// Adds ∇θ of the current forward value to the parameter adjoints.
    ///
    /// Each instruction `out = op(a, b)`, last first, sends `ḡ = adjoint[out]` back:
    /// ```
    /// adjoint[a] += ḡ ∂op/∂a,   adjoint[b] += ḡ ∂op/∂b
    /// ```
    /// The tape comes from a tree, so an intermediate slot has exactly one
    /// consumer: its adjoint is assigned once, by that consumer, before it is
    /// read, and needs no zeroing. Parameters accumulate (see `send`).
    @inline(__always)
    func reverse() {
        guard outputIsActive else { return }
        let v = values
        let d = adjoints
        send(1, to: output)
        for i in 0..<reverseCount {
            let instruction = reverseCode[i]
            let a = Int(instruction.a), b = Int(instruction.b), out = Int(instruction.out)
            let g = d[out]
            switch instruction.op {
            case .add:
                send(g, to: a)
                send(g, to: b)
            case .subtract:
                send(g, to: a)
                send(-g, to: b)
            case .multiply:
                send(g * v[b], to: a)
                send(g * v[a], to: b)
            case .divide:
                send(g / v[b], to: a)
                send(-(g * v[out] / v[b]), to: b)
            case .power:
                let x = v[a], y = v[b]
                // d/dx x^y = y x^(y−1) (0 when y = 0: x^0 is constant);
                // d/dy x^y = x^y log x  (0 at x = 0, y ≥ 0, where x^y is flat or one-sided).
                send(y == 0 ? 0 : g * y * Libm.power(x, y - 1), to: a)
                send((x == 0 && y >= 0) ? 0 : g * v[out] * Libm.logarithm(x), to: b)
            case .addConstant:
                send(g, to: a)
            case .constantMinus:
                send(-g, to: a)
            case .multiplyConstant:
                send(g * instruction.c, to: a)
            case .divideByConstant:
                send(g / instruction.c, to: a)
            case .constantDivide:
                send(-(g * v[out] / v[a]), to: a)
            case .powerConstant:
                let c = instruction.c
                send(g * c * Libm.power(v[a], c - 1), to: a)
            case .constantPower:
                let y = v[out]
                send(y == 0 ? 0 : g * y * Libm.logarithm(instruction.c), to: a)
            case .square:
                send(2 * g * v[a], to: a)
            case .negate:
                send(-g, to: a)
            case .exp:
                send(g * v[out], to: a)
            case .log:
                send(g / v[a], to: a)
            case .log1p:
                send(g / (1 + v[a]), to: a)
            case .sqrt:
                send(g / (2 * v[out]), to: a)
            case .abs:
                let x = v[a]
                send(x > 0 ? g : (x < 0 ? -g : 0), to: a)
            case .sin:
                send(g * Libm.cosine(v[a]), to: a)
            case .cos:
                send(-(g * Libm.sine(v[a])), to: a)
            case .tanh:
                let t = v[out]
                send(g * (1 - t * t), to: a)
            case .sigmoid:
                let s = v[out]
                send(g * s * (1 - s), to: a)
            case .softplus:
                send(g * Opcode.sigmoid(v[a]), to: a)
            case .relu:
                send(v[a] > 0 ? g : 0, to: a)
            case .min:
                let x = v[a], y = v[b]
                let first = x <= y || x.isNaN
                send(first ? g : 0, to: a)
                send(first ? 0 : g, to: b)
            case .max:
                let x = v[a], y = v[b]
                let first = x >= y || x.isNaN
                send(first ? g : 0, to: a)
                send(first ? 0 : g, to: b)
            }
        }
    }

    /// Adds `x` to a parameter's adjoint; assigns it to any other slot's
    /// (an intermediate's single consumer, or a column or constant nobody reads).
    @inline(__always)
    private func send(_ x: Double, to slot: Int) {
        if slot < parameterCount {
            adjoints[slot] += x
        } else {
            adjoints[slot] = x
        }
    }
}
