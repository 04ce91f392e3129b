/// One tape operation. `a`, `b` and `d` are value slots, `c` an immediate constant.
///
/// The `…Constant` forms fold a constant operand into the instruction so it
/// needs no slot and sends no adjoint anywhere.
enum Opcode: UInt8 {
    case add, subtract, multiply, divide, power
    /// a·b + d (two roundings, exactly like a multiply followed by an add)
    case multiplyAdd
    /// a·b − d
    case multiplySubtract
    /// d − a·b
    case subtractMultiply
    /// a + c
    case addConstant
    /// c − a
    case constantMinus
    /// a · c
    case multiplyConstant
    /// a / c
    case divideByConstant
    /// c / a
    case constantDivide
    /// a^c
    case powerConstant
    /// c^a
    case constantPower
    /// a²
    case square
    /// −a
    case negate
    case exp, log, log1p, sqrt, abs, sin, cos, tanh, sigmoid, softplus, relu, min, max

    /// The operation's value; the forward pass and constant folding both use it,
    /// so a folded constant equals what the tape would have computed.
    @inline(__always)
    static func value(_ op: Opcode, _ a: Double, _ b: Double, _ d: Double, _ c: Double) -> Double {
        switch op {
        case .add: return a + b
        case .subtract: return a - b
        case .multiply: return a * b
        case .multiplyAdd: return a * b + d
        case .multiplySubtract: return a * b - d
        case .subtractMultiply: return d - a * b
        case .divide: return a / b
        case .power: return Libm.power(a, b)
        case .addConstant: return a + c
        case .constantMinus: return c - a
        case .multiplyConstant: return a * c
        case .divideByConstant: return a / c
        case .constantDivide: return c / a
        case .powerConstant: return Libm.power(a, c)
        case .constantPower: return Libm.power(c, a)
        case .square: return a * a
        case .negate: return -a
        case .exp: return Libm.exponential(a)
        case .log: return Libm.logarithm(a)
        case .log1p: return Libm.logOnePlus(a)
        case .sqrt: return a.squareRoot()
        case .abs: return Swift.abs(a)
        case .sin: return Libm.sine(a)
        case .cos: return Libm.cosine(a)
        case .tanh: return Libm.hyperbolicTangent(a)
        case .sigmoid: return Opcode.sigmoid(a)
        case .softplus: return Opcode.softplus(a)
        case .relu: return a <= 0 ? 0 : a
        case .min: return (a <= b || a.isNaN) ? a : b
        case .max: return (a >= b || a.isNaN) ? a : b
        }
    }

    /// Numerically stable logistic function: never evaluates e^x for large positive x.
    /// ```
    /// sigmoid(x) = 1/(1 + e^(−x))      x ≥ 0
    ///            = e^x/(1 + e^x)       x < 0
    /// ```
    @inline(__always)
    static func sigmoid(_ x: Double) -> Double {
        if x >= 0 { return 1 / (1 + Libm.exponential(-x)) }
        let e = Libm.exponential(x)
        return e / (1 + e)
    }

    /// Numerically stable softplus:
    /// ```
    /// softplus(x) = log(1 + e^x) = max(x, 0) + log1p(e^(−|x|))
    /// ```
    @inline(__always)
    static func softplus(_ x: Double) -> Double {
        (x > 0 ? x : 0) + Libm.logOnePlus(Libm.exponential(-Swift.abs(x)))
    }
}
