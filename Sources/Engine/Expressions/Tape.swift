/// One tape instruction: `values[out] = op(values[a], values[b], values[d], c)`.
struct Instruction {
    var op: Opcode
    var out: Int32
    var a: Int32
    var b: Int32
    /// The third operand of the fused multiply forms (else equal to `a`).
    var d: Int32
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
/// Instructions that depend on no parameter depend on data only (constant
/// subtrees were folded), so they are run once per row when the tape is
/// built: loading a row writes the data columns and these precomputed
/// results into their slots, and `forward()` runs only the rest. The
/// arithmetic is the same, only done earlier, so values are identical.
///
/// Not thread-safe: the value and adjoint buffers are shared scratch.
final class Tape {
    let parameterCount: Int
    let slotCount: Int
    /// The slot holding the expression's value after `forward()`.
    let output: Int
    /// Whether the output depends on any parameter at all.
    let outputIsActive: Bool
    /// Number of data rows loadable with `load(row:)`.
    let rowCount: Int

    /// The value slots, θ first.
    let values: UnsafeMutablePointer<Double>
    private let adjoints: UnsafeMutablePointer<Double>
    /// The instructions that depend on a parameter, in order.
    let forwardCode: UnsafeMutablePointer<Instruction>
    let forwardCount: Int
    /// The same instructions, last first.
    private let reverseCode: UnsafeMutablePointer<Instruction>
    private let reverseCount: Int
    /// `load(row: r)` writes `rowTable[r * rowWidth + k]` into slot `rowSlots[k]`.
    let rowSlots: UnsafeMutablePointer<Int>
    let rowWidth: Int
    private let rowTable: UnsafeMutablePointer<Double>
    /// Kept to make copies.
    private let program: TapeProgram
    private let data: [Double]
    private let dataColumnCount: Int

    /// Builds the tape's buffers from a compiled program and, for programs
    /// reading data columns, the data (row-major, `dataColumnCount` per row).
    init(_ program: TapeProgram, data: [Double] = [], dataColumnCount: Int = 0) {
        self.program = program
        self.data = data
        self.dataColumnCount = dataColumnCount
        parameterCount = program.parameterCount
        slotCount = max(program.initialValues.count, 1)
        output = program.output
        outputIsActive = program.outputIsActive
        values = .allocate(capacity: slotCount)
        values.initialize(repeating: 0, count: slotCount)
        for (i, value) in program.initialValues.enumerated() { values[i] = value }
        adjoints = .allocate(capacity: slotCount)
        adjoints.initialize(repeating: 0, count: slotCount)

        let isActive = { (slot: Int32) in program.activeSlots[Int(slot)] }
        let active = program.instructions.filter { isActive($0.out) }
        let dataOnly = program.instructions.filter { !isActive($0.out) }
        forwardCount = active.count
        forwardCode = .allocate(capacity: max(forwardCount, 1))
        forwardCode.initialize(from: active, count: forwardCount)
        reverseCount = active.count
        reverseCode = .allocate(capacity: max(reverseCount, 1))
        reverseCode.initialize(from: active.reversed(), count: reverseCount)

        // The data-dependent slots the parameter-dependent instructions read
        // (and the output itself when it depends on data only).
        var needed: [Int] = []
        for instruction in active {
            for operand in [instruction.a, instruction.b, instruction.d] where !isActive(operand) {
                needed.append(Int(operand))
            }
        }
        if !outputIsActive { needed.append(output) }
        let loaded = Set(program.columnLoads.map(\.slot) + dataOnly.map { Int($0.out) })
        var seen = Set<Int>()
        let slots = needed.filter { loaded.contains($0) && seen.insert($0).inserted }
        rowWidth = slots.count
        rowSlots = .allocate(capacity: max(rowWidth, 1))
        rowSlots.initialize(from: slots, count: rowWidth)

        rowCount = dataColumnCount > 0 ? data.count / dataColumnCount : 0
        rowTable = .allocate(capacity: max(rowCount * rowWidth, 1))
        for r in 0..<rowCount {
            for load in program.columnLoads { values[load.slot] = data[r * dataColumnCount + load.column] }
            for instruction in dataOnly { run(instruction) }
            for k in 0..<rowWidth { rowTable[r * rowWidth + k] = values[slots[k]] }
        }
    }

    deinit {
        values.deallocate()
        adjoints.deallocate()
        forwardCode.deallocate()
        reverseCode.deallocate()
        rowSlots.deallocate()
        rowTable.deallocate()
    }

    /// A tape with the same program and data and its own buffers.
    func copy() -> Tape { Tape(program, data: data, dataColumnCount: dataColumnCount) }

    /// Number of instructions run by `forward()` (and by `reverse()`).
    var instructionCount: Int { forwardCount }

    /// Writes θ into the parameter slots.
    @inline(__always)
    func load(parameters theta: UnsafeBufferPointer<Double>) {
        for i in 0..<parameterCount { values[i] = theta[i] }
    }

    /// Writes data row `row` (its columns and the results computed from them) into their slots.
    @inline(__always)
    func load(row: Int) {
        let source = rowTable + row * rowWidth
        for k in 0..<rowWidth { values[rowSlots[k]] = source[k] }
    }

    /// The expression's value after `forward()`.
    @inline(__always)
    var value: Double { values[output] }

    /// Runs every parameter-dependent instruction in order.
    @inline(__always)
    func forward() {
        for i in 0..<forwardCount { run(forwardCode[i]) }
    }

    @inline(__always)
    func run(_ instruction: Instruction) {
        let v = values
        v[Int(instruction.out)] = Opcode.value(
            instruction.op, v[Int(instruction.a)], v[Int(instruction.b)], v[Int(instruction.d)], instruction.c)
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
            case .multiplyAdd, .multiplySubtract, .subtractMultiply:
                let d = Int(instruction.d)
                let sign: Double = instruction.op == .subtractMultiply ? -1 : 1
                send(sign * (g * v[b]), to: a)
                send(sign * (g * v[a]), to: b)
                send(instruction.op == .multiplySubtract ? -g : g, to: d)
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
