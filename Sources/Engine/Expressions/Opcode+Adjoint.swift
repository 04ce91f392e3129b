extension Opcode {
    /// ḡ · ∂y/∂x for a one-operand opcode `y = op(x, c)`, the same formulas
    /// (and the same choices at kinks) as `Tape.reverse()`; used element by element by `ArrayTape`.
    @inline(__always)
    static func adjoint(_ op: Opcode, _ g: Double, x: Double, y: Double, c: Double) -> Double {
        switch op {
        case .addConstant: return g
        case .constantMinus, .negate: return -g
        case .multiplyConstant: return g * c
        case .divideByConstant: return g / c
        case .constantDivide: return -(g * y / x)
        case .powerConstant: return g * c * Libm.power(x, c - 1)
        case .constantPower: return y == 0 ? 0 : g * y * Libm.logarithm(c)
        case .square: return 2 * g * x
        case .exp: return g * y
        case .log: return g / x
        case .log1p: return g / (1 + x)
        case .sqrt: return g / (2 * y)
        case .abs: return x > 0 ? g : (x < 0 ? -g : 0)
        case .sin: return g * Libm.cosine(x)
        case .cos: return -(g * Libm.sine(x))
        case .tanh: return g * (1 - y * y)
        case .sigmoid: return g * y * (1 - y)
        case .softplus: return g * Opcode.sigmoid(x)
        case .relu: return x > 0 ? g : 0
        case .add, .subtract, .multiply, .divide, .power, .multiplyAdd, .multiplySubtract, .subtractMultiply, .min, .max:
            preconditionFailure("\(op) takes two operands")
        }
    }

    /// (ḡ · ∂y/∂a, ḡ · ∂y/∂b) for a two-operand opcode `y = op(a, b)`, as in `Tape.reverse()`.
    @inline(__always)
    static func adjoints(_ op: Opcode, _ g: Double, a: Double, b: Double, y: Double) -> (Double, Double) {
        switch op {
        case .add: return (g, g)
        case .subtract: return (g, -g)
        case .multiply: return (g * b, g * a)
        case .divide: return (g / b, -(g * y / b))
        case .power:
            return (b == 0 ? 0 : g * b * Libm.power(a, b - 1), (a == 0 && b >= 0) ? 0 : g * y * Libm.logarithm(a))
        case .min:
            let first = a <= b || a.isNaN
            return first ? (g, 0) : (0, g)
        case .max:
            let first = a >= b || a.isNaN
            return first ? (g, 0) : (0, g)
        default:
            preconditionFailure("\(op) is not an element-wise operation of two arrays")
        }
    }
}
