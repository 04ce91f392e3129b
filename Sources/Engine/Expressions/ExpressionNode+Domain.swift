extension ExpressionNode {
    /// Why the expression's value or slope is not finite at these values, in words, or nil when it is.
    ///
    /// Evaluates the tree and names the innermost operation whose operands are
    /// finite but whose value is not (`1/x divides by zero`, `log(x) of a
    /// negative number`, `exp(x) overflows`); failing that, an operation whose
    /// value is finite but whose slope is not (`sqrt(x) has an infinite slope at 0`).
    /// For error messages only: it is slow and allocates. Scalar expressions only: an array
    /// operation evaluates to NaN here and is never named.
    public func undefinedOperation(parameters: [Double], columns: [Double] = []) -> String? {
        var value: String? = nil, slope: String? = nil
        _ = evaluate(parameters, columns, &value, &slope)
        return value ?? slope
    }

    private func evaluate(_ p: [Double], _ c: [Double], _ value: inout String?, _ slope: inout String?) -> Double {
        switch self {
        case .number(let v): return v
        case .constant(_, let value): return value.shape.isScalar ? value.elements[0] : .nan
        case .arrayCall, .array, .index: return .nan
        case .parameter(let i, _): return p[i]
        case .column(let i, _): return c[i]
        case .negate(let operand): return -operand.evaluate(p, c, &value, &slope)
        case .binary(let op, let left, let right):
            let a = left.evaluate(p, c, &value, &slope), b = right.evaluate(p, c, &value, &slope)
            let result: Double
            switch op {
            case .add: result = a + b
            case .subtract: result = a - b
            case .multiply: result = a * b
            case .divide: result = a / b
            case .power: result = Libm.power(a, b)
            case .matrixProduct: result = a * b
            }
            guard a.isFinite, b.isFinite else { return result }
            if !result.isFinite, value == nil {
                switch op {
                case .divide where b == 0: value = "\(self) divides by zero"
                case .power where a == 0 && b < 0: value = "\(self) divides by zero"
                case .power where a < 0: value = "\(self) has a negative base and a fractional exponent"
                default: value = "\(self) overflows"
                }
            } else if op == .power, a == 0, b > 0, b < 1, slope == nil {
                slope = "\(self) has an infinite slope at 0"
            }
            return result
        case .call(let function, let arguments):
            let args = arguments.map { $0.evaluate(p, c, &value, &slope) }
            let a = args[0]
            let result: Double
            switch function {
            case .exp: result = Libm.exponential(a)
            case .log: result = Libm.logarithm(a)
            case .log1p: result = Libm.logOnePlus(a)
            case .sqrt: result = a.squareRoot()
            case .abs: result = a.magnitude
            case .sin: result = Libm.sine(a)
            case .cos: result = Libm.cosine(a)
            case .tanh: result = Libm.hyperbolicTangent(a)
            case .sigmoid: result = 1 / (1 + Libm.exponential(-a))
            case .softplus: result = a > 0 ? a + Libm.logOnePlus(Libm.exponential(-a)) : Libm.logOnePlus(Libm.exponential(a))
            case .relu: result = Swift.max(a, 0)
            case .min: result = Swift.min(a, args[1])
            case .max: result = Swift.max(a, args[1])
            }
            guard args.allSatisfy(\.isFinite) else { return result }
            if !result.isFinite, value == nil {
                switch function {
                case .log where a == 0: value = "\(self) of zero"
                case .log1p: value = "\(self) of a number at or below -1"
                case .log, .sqrt: value = "\(self) of a negative number"
                default: value = "\(self) overflows"
                }
            } else if function == .sqrt, a == 0, slope == nil {
                slope = "\(self) has an infinite slope at 0"
            }
            return result
        }
    }
}
