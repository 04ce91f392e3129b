/// A scalar tape evaluated for many parameter vectors at once: each value slot holds one number per
/// lane, so one pass over the instructions computes the loss and gradient of every lane (every cell of
/// a map). An instruction's dispatch is paid once per pass instead of once per lane, and its loop over
/// lanes is plain arithmetic the compiler can vectorise.
///
/// Every lane computes exactly what `Tape.forward()` and `Tape.reverse()` compute, with the same
/// formulas in the same order (the reverse pass below mirrors `Tape.reverse()` case by case), so a
/// lane's loss and gradient equal the scalar tape's bit for bit. Only objectives without data use it.
///
/// Slot s of lane l is at `s × width + l`. Not thread-safe: one tape per thread.
final class LaneTape {
    /// The most lanes one pass computes.
    let width: Int
    let parameterCount: Int
    private let slotCount: Int
    private let output: Int
    private let outputIsActive: Bool
    private let code: [Instruction]
    private let values: UnsafeMutablePointer<Double>
    private let adjoints: UnsafeMutablePointer<Double>

    /// A tape for `program` (which must read no data) with `width` lanes.
    init(_ program: TapeProgram, width: Int) {
        precondition(program.columnLoads.isEmpty, "a lane tape evaluates objectives without data")
        self.width = width
        parameterCount = program.parameterCount
        slotCount = max(program.initialValues.count, 1)
        output = program.output
        outputIsActive = program.outputIsActive
        // Without data every instruction depends on a parameter (constant subtrees are folded).
        code = program.instructions.filter { program.activeSlots[Int($0.out)] }
        values = .allocate(capacity: slotCount * width)
        adjoints = .allocate(capacity: slotCount * width)
        adjoints.initialize(repeating: 0, count: slotCount * width)
        values.initialize(repeating: 0, count: slotCount * width)
        for (slot, value) in program.initialValues.enumerated() {
            (values + slot * width).update(repeating: value, count: width)
        }
    }

    deinit {
        values.deallocate()
        adjoints.deallocate()
    }

    /// Loads lane l's parameters from `thetas[l]` (θ₀, θ₁, … in a row) for lanes `0..<m`.
    @inline(__always)
    func load(_ thetas: UnsafePointer<UnsafeMutablePointer<Double>>, lanes m: Int) {
        for i in 0..<parameterCount {
            let row = values + i &* width
            for l in 0..<m { row[l] = thetas[l][i] }
        }
    }

    /// Writes lane l's gradient into `gradients[l]` (∂/∂θ₀, ∂/∂θ₁, … in a row) for lanes `0..<m`, after `evaluate`.
    @inline(__always)
    func storeGradients(_ gradients: UnsafePointer<UnsafeMutablePointer<Double>>, lanes m: Int) {
        for i in 0..<parameterCount {
            let row = adjoints + i &* width
            for l in 0..<m { gradients[l][i] = row[l] }
        }
    }

    /// The loss of lane `lane` after `evaluate`.
    @inline(__always)
    func loss(lane: Int) -> Double { values[output &* width &+ lane] }

    /// The parameters in place, struct of arrays: θᵢ of lane l at `i × width + l`. A block that keeps its
    /// θ here needs no `load`; `evaluate` reads these rows and never writes them.
    var parameterRows: UnsafeMutablePointer<Double> { values }

    /// The gradients after `evaluate`, struct of arrays: ∂/∂θᵢ of lane l at `i × width + l`.
    var gradientRows: UnsafePointer<Double> { UnsafePointer(adjoints) }

    /// The losses after `evaluate`, lane l at index l.
    var lossRow: UnsafePointer<Double> { UnsafePointer(values + output * width) }

    /// Copies lane `from`'s parameters to lane `to` (a block closing the gap a finished lane left).
    @inline(__always)
    func moveParameters(from: Int, to: Int) {
        for i in 0..<parameterCount { values[i &* width &+ to] = values[i &* width &+ from] }
    }

    /// Runs the forward and the reverse pass for lanes `0..<lanes`.
    func evaluate(lanes m: Int) {
        precondition(m <= width, "more lanes than the tape has")
        let w = width, v = values
        for instruction in code {
            let o = v + Int(instruction.out) * w, a = v + Int(instruction.a) * w
            let b = v + Int(instruction.b) * w, d = v + Int(instruction.d) * w
            let c = instruction.c
            switch instruction.op {
            case .add: for l in 0..<m { o[l] = a[l] + b[l] }
            case .subtract: for l in 0..<m { o[l] = a[l] - b[l] }
            case .multiply: for l in 0..<m { o[l] = a[l] * b[l] }
            case .multiplyAdd: for l in 0..<m { o[l] = a[l] * b[l] + d[l] }
            case .multiplySubtract: for l in 0..<m { o[l] = a[l] * b[l] - d[l] }
            case .subtractMultiply: for l in 0..<m { o[l] = d[l] - a[l] * b[l] }
            case .addConstant: for l in 0..<m { o[l] = a[l] + c }
            case .constantMinus: for l in 0..<m { o[l] = c - a[l] }
            case .multiplyConstant: for l in 0..<m { o[l] = a[l] * c }
            case .square: for l in 0..<m { o[l] = a[l] * a[l] }
            case .negate: for l in 0..<m { o[l] = -a[l] }
            default:
                let op = instruction.op
                for l in 0..<m { o[l] = Opcode.value(op, a[l], b[l], d[l], c) }
            }
        }
        reverse(lanes: m)
    }

    /// The reverse pass for lanes `0..<m`: `Tape.reverse()` with a loop over lanes in every case.
    private func reverse(lanes m: Int) {
        let w = width, v = values, g = adjoints, p = parameterCount
        for i in 0..<p { (g + i * w).update(repeating: 0, count: m) }
        guard outputIsActive else { return }
        send(m, to: output) { _ in 1 }
        for instruction in code.reversed() {
            let out = Int(instruction.out), a = Int(instruction.a), b = Int(instruction.b)
            let go = g + out * w, vo = v + out * w, va = v + a * w, vb = v + b * w
            let c = instruction.c
            switch instruction.op {
            case .add:
                send(m, to: a) { go[$0] }
                send(m, to: b) { go[$0] }
            case .subtract:
                send(m, to: a) { go[$0] }
                send(m, to: b) { -go[$0] }
            case .multiply:
                send(m, to: a) { go[$0] * vb[$0] }
                send(m, to: b) { go[$0] * va[$0] }
            case .multiplyAdd, .multiplySubtract, .subtractMultiply:
                let sign: Double = instruction.op == .subtractMultiply ? -1 : 1
                send(m, to: a) { sign * (go[$0] * vb[$0]) }
                send(m, to: b) { sign * (go[$0] * va[$0]) }
                if instruction.op == .multiplySubtract {
                    send(m, to: Int(instruction.d)) { -go[$0] }
                } else {
                    send(m, to: Int(instruction.d)) { go[$0] }
                }
            case .divide:
                send(m, to: a) { go[$0] / vb[$0] }
                send(m, to: b) { -(go[$0] * vo[$0] / vb[$0]) }
            case .power:
                send(m, to: a) { l in vb[l] == 0 ? 0 : go[l] * vb[l] * Libm.power(va[l], vb[l] - 1) }
                send(m, to: b) { l in (va[l] == 0 && vb[l] >= 0) ? 0 : go[l] * vo[l] * Libm.logarithm(va[l]) }
            case .addConstant: send(m, to: a) { go[$0] }
            case .constantMinus, .negate: send(m, to: a) { -go[$0] }
            case .multiplyConstant: send(m, to: a) { go[$0] * c }
            case .divideByConstant: send(m, to: a) { go[$0] / c }
            case .constantDivide: send(m, to: a) { -(go[$0] * vo[$0] / va[$0]) }
            case .powerConstant: send(m, to: a) { go[$0] * c * Libm.power(va[$0], c - 1) }
            case .constantPower: send(m, to: a) { vo[$0] == 0 ? 0 : go[$0] * vo[$0] * Libm.logarithm(c) }
            case .square: send(m, to: a) { 2 * go[$0] * va[$0] }
            case .exp: send(m, to: a) { go[$0] * vo[$0] }
            case .log: send(m, to: a) { go[$0] / va[$0] }
            case .log1p: send(m, to: a) { go[$0] / (1 + va[$0]) }
            case .sqrt: send(m, to: a) { go[$0] / (2 * vo[$0]) }
            case .abs: send(m, to: a) { l in va[l] > 0 ? go[l] : (va[l] < 0 ? -go[l] : 0) }
            case .sin: send(m, to: a) { go[$0] * Libm.cosine(va[$0]) }
            case .cos: send(m, to: a) { -(go[$0] * Libm.sine(va[$0])) }
            case .tanh: send(m, to: a) { go[$0] * (1 - vo[$0] * vo[$0]) }
            case .sigmoid: send(m, to: a) { go[$0] * vo[$0] * (1 - vo[$0]) }
            case .softplus: send(m, to: a) { go[$0] * Opcode.sigmoid(va[$0]) }
            case .relu: send(m, to: a) { va[$0] > 0 ? go[$0] : 0 }
            case .min:
                send(m, to: a) { l in (va[l] <= vb[l] || va[l].isNaN) ? go[l] : 0 }
                send(m, to: b) { l in (va[l] <= vb[l] || va[l].isNaN) ? 0 : go[l] }
            case .max:
                send(m, to: a) { l in (va[l] >= vb[l] || va[l].isNaN) ? go[l] : 0 }
                send(m, to: b) { l in (va[l] >= vb[l] || va[l].isNaN) ? 0 : go[l] }
            }
        }
    }

    /// Adds `x(l)` to a parameter's adjoint in every lane; assigns it to any other slot's (as `Tape.send`).
    @inline(__always)
    private func send(_ m: Int, to slot: Int, _ x: (Int) -> Double) {
        let target = adjoints + slot * width
        if slot < parameterCount {
            for l in 0..<m { target[l] += x(l) }
        } else {
            for l in 0..<m { target[l] = x(l) }
        }
    }
}
