/// One of the built-in test functions, chosen by name; the form lessons use.
///
/// A single concrete type, so the run loop specialises on it and pays one
/// `switch` per evaluation, not an existential call.
public enum BuiltinObjective: ReferenceObjective, Sendable, Equatable {
    /// `quadratic`: ½ Σ λᵢ θᵢ².
    case quadratic(QuadraticBowl)
    /// `rosenbrock`: (1 − x)² + 100 (y − x²)².
    case rosenbrock(Rosenbrock)
    /// `beale`: Beale's function.
    case beale(Beale)
    /// `himmelblau`: Himmelblau's function.
    case himmelblau(Himmelblau)
    /// `rastrigin`: Rastrigin's function, A = 10.
    case rastrigin(Rastrigin)
    /// The CVXPY question's fit (lesson objective; no known minima).
    case constrainedFit(ConstrainedFit)
    /// The custom Keras loss on one image (lesson objective; minimum at the target).
    case customLoss(CustomLoss)
    /// Self-expression with a zero diagonal (lesson objective; no known minima).
    case zeroDiagonal(ZeroDiagonal)

    /// The names `init(named:)` accepts, sorted.
    public static let names = [
        "beale", "constrained-fit", "custom-loss", "custom-loss-sum", "himmelblau", "quadratic", "rastrigin",
        "rosenbrock", "zero-diagonal", "zero-diagonal-penalty",
    ]

    /// Looks a built-in objective up by name.
    ///
    /// - `quadratic`: `curvatures` (default (1, 10)) set the dimension; all positive.
    /// - `rastrigin`: `dimension` (default 2, or the number of names) parameters.
    /// - `rosenbrock`, `beale`, `himmelblau`: 2 parameters.
    /// - `constrained-fit`: `ConstrainedFit`, 5 parameters `a1, a2, a3, a4, b`.
    /// - `custom-loss`: `CustomLoss` (12×16, λ = 0.5, mean reduction), 192
    ///   parameters `Y_0_0 … Y_11_15`; `custom-loss-sum` the same with the
    ///   learner's sum reduction (n = 192 times the loss and gradient).
    /// - `zero-diagonal`: `ZeroDiagonal` (X 5×20, λ = 0.1, κ = 0), 400
    ///   parameters `C_0_0 … C_19_19`, for the hard constraint;
    ///   `zero-diagonal-penalty` the same with the penalty κ = 1.
    ///
    /// `parameterNames` default to `x, y, …` (the lesson objectives have their own
    /// defaults, listed above). Throws an `ObjectiveLookupError`
    /// for an unknown name, a wrong number of names or bad options.
    public init(
        named name: String, parameterNames: [String]? = nil, curvatures: [Double]? = nil, dimension: Int? = nil
    ) throws(ObjectiveLookupError) {
        guard BuiltinObjective.names.contains(name) else {
            throw ObjectiveLookupError(message: "unknown objective '\(name)' (built-in objectives: \(BuiltinObjective.names.joined(separator: ", ")))")
        }
        if curvatures != nil && name != "quadratic" {
            throw ObjectiveLookupError(message: "objective '\(name)' takes no curvatures (only 'quadratic' does)")
        }
        if dimension != nil && name != "rastrigin" && name != "quadratic" {
            let fixed: Int
            switch name {
            case "constrained-fit": fixed = 5
            case "custom-loss", "custom-loss-sum": fixed = 192
            case "zero-diagonal", "zero-diagonal-penalty": fixed = 400
            default: fixed = 2
            }
            throw ObjectiveLookupError(message: "objective '\(name)' has a fixed dimension of \(fixed)")
        }
        if let names = parameterNames {
            var seen = Set<String>()
            for parameter in names where !seen.insert(parameter).inserted {
                throw ObjectiveLookupError(message: "objective '\(name)': parameter '\(parameter)' is listed twice")
            }
        }
        func names(_ count: Int, defaults: [String]? = nil) throws(ObjectiveLookupError) -> [String] {
            let names = parameterNames ?? defaults ?? defaultParameterNames(count: count)
            guard names.count == count else {
                throw ObjectiveLookupError(message: "objective '\(name)' has \(count) parameters, got \(names.count) names (\(names.joined(separator: ", ")))")
            }
            return names
        }
        switch name {
        case "quadratic":
            let lambdas = curvatures ?? [1, 10]
            guard !lambdas.isEmpty, lambdas.allSatisfy({ $0 > 0 && $0.isFinite }) else {
                throw ObjectiveLookupError(message: "objective 'quadratic': curvatures must be positive finite numbers, got \(lambdas)")
            }
            if let dimension, dimension != lambdas.count {
                throw ObjectiveLookupError(message: "objective 'quadratic': dimension \(dimension) but \(lambdas.count) curvatures")
            }
            self = .quadratic(QuadraticBowl(curvatures: lambdas, parameterNames: try names(lambdas.count)))
        case "rosenbrock":
            self = .rosenbrock(Rosenbrock(parameterNames: try names(2)))
        case "beale":
            self = .beale(Beale(parameterNames: try names(2)))
        case "himmelblau":
            self = .himmelblau(Himmelblau(parameterNames: try names(2)))
        case "rastrigin":
            let count = dimension ?? parameterNames?.count ?? 2
            guard count >= 1 else {
                throw ObjectiveLookupError(message: "objective 'rastrigin': dimension must be at least 1, got \(count)")
            }
            self = .rastrigin(Rastrigin(dimension: count, parameterNames: try names(count)))
        case "constrained-fit":
            self = .constrainedFit(ConstrainedFit(parameterNames: try names(5, defaults: ConstrainedFit.defaultParameterNames)))
        case "custom-loss", "custom-loss-sum":
            let pixels = CustomLoss.pixelNames(height: 12, width: 16)
            self = .customLoss(CustomLoss(
                reduction: name == "custom-loss" ? .mean : .sumThenMean,
                parameterNames: try names(pixels.count, defaults: pixels)))
        case "zero-diagonal", "zero-diagonal-penalty":
            let entries = ZeroDiagonal.entryNames(pointCount: 20)
            self = .zeroDiagonal(ZeroDiagonal(
                penalty: name == "zero-diagonal" ? 0 : ZeroDiagonal.defaultPenalty,
                parameterNames: try names(entries.count, defaults: entries)))
        default:
            preconditionFailure("'\(name)' is in BuiltinObjective.names but has no case")
        }
    }

    /// The name `init(named:)` knows this objective by.
    public var name: String {
        switch self {
        case .quadratic: return "quadratic"
        case .rosenbrock: return "rosenbrock"
        case .beale: return "beale"
        case .himmelblau: return "himmelblau"
        case .rastrigin: return "rastrigin"
        case .constrainedFit: return "constrained-fit"
        case .customLoss(let o): return o.reduction == .mean ? "custom-loss" : "custom-loss-sum"
        case .zeroDiagonal(let o): return o.penalty == 0 ? "zero-diagonal" : "zero-diagonal-penalty"
        }
    }

    /// The objective's formula in the expression language (it parses, over
    /// `parameterNames`, to the same function), for handouts. Except for
    /// `custom-loss` and `zero-diagonal` (and their variants), whose hundreds of
    /// parameters are too many to write out: for them it is mathematical
    /// notation, and their types' `expandedFormula` is the expression.
    public var formula: String {
        switch self {
        case .quadratic(let q):
            let terms = zip(q.curvatures, q.parameterNames).map { "\(ExpressionNode.format($0))*\($1)^2" }
            return "0.5*(" + terms.joined(separator: " + ") + ")"
        case .rosenbrock(let r):
            let (x, y) = (r.parameterNames[0], r.parameterNames[1])
            return "(\(ExpressionNode.format(r.a)) - \(x))^2 + \(ExpressionNode.format(r.b))*(\(y) - \(x)^2)^2"
        case .beale(let b):
            let (x, y) = (b.parameterNames[0], b.parameterNames[1])
            return "(1.5 - \(x) + \(x)*\(y))^2 + (2.25 - \(x) + \(x)*\(y)^2)^2 + (2.625 - \(x) + \(x)*\(y)^3)^2"
        case .himmelblau(let h):
            let (x, y) = (h.parameterNames[0], h.parameterNames[1])
            return "(\(x)^2 + \(y) - 11)^2 + (\(x) + \(y)^2 - 7)^2"
        case .rastrigin(let r):
            let a = ExpressionNode.format(r.amplitude)
            let terms = r.parameterNames.map { "\($0)^2 - \(a)*cos(\(2 * Double.pi)*\($0))" }
            return "\(a)*\(r.parameterNames.count) + " + terms.joined(separator: " + ")
        case .constrainedFit(let o): return o.formula
        case .customLoss(let o): return o.formula
        case .zeroDiagonal(let o): return o.formula
        }
    }

    /// The Hessian's eigenvalues when they are constant (the quadratic bowl), else nil.
    public var hessianEigenvalues: [Double]? {
        if case .quadratic(let q) = self { return q.hessianEigenvalues }
        return nil
    }

    /// Names of the parameters, in the order of the flat vector.
    public var parameterNames: [String] {
        switch self {
        case .quadratic(let o): return o.parameterNames
        case .rosenbrock(let o): return o.parameterNames
        case .beale(let o): return o.parameterNames
        case .himmelblau(let o): return o.parameterNames
        case .rastrigin(let o): return o.parameterNames
        case .constrainedFit(let o): return o.parameterNames
        case .customLoss(let o): return o.parameterNames
        case .zeroDiagonal(let o): return o.parameterNames
        }
    }

    /// Always 0: the built-ins have no data.
    public var rowCount: Int { 0 }

    /// Points where the global minimum is attained; empty for `constrained-fit` and
    /// `zero-diagonal`, whose minima are not known in closed form (the constrained
    /// fit's is found by `ConstrainedFit.gridSearch(resolution:)`).
    public var knownMinima: [[Double]] {
        switch self {
        case .quadratic(let o): return o.knownMinima
        case .rosenbrock(let o): return o.knownMinima
        case .beale(let o): return o.knownMinima
        case .himmelblau(let o): return o.knownMinima
        case .rastrigin(let o): return o.knownMinima
        case .customLoss(let o): return o.knownMinima
        case .constrainedFit, .zeroDiagonal: return []
        }
    }

    /// The value at the known minima: 0 for the test functions and `custom-loss`;
    /// NaN (unknown) for `constrained-fit` and `zero-diagonal`.
    public var minimumValue: Double {
        switch self {
        case .quadratic(let o): return o.minimumValue
        case .rosenbrock(let o): return o.minimumValue
        case .beale(let o): return o.minimumValue
        case .himmelblau(let o): return o.minimumValue
        case .rastrigin(let o): return o.minimumValue
        case .customLoss(let o): return o.minimumValue
        case .constrainedFit, .zeroDiagonal: return .nan
        }
    }

    /// Writes ∇f(θ) into `gradient` and returns f(θ); `rows` is ignored.
    public func lossAndGradient(
        at theta: UnsafeBufferPointer<Double>, rows: UnsafeBufferPointer<Int>,
        gradient: UnsafeMutableBufferPointer<Double>
    ) -> Double {
        switch self {
        case .quadratic(let o): return o.lossAndGradient(at: theta, rows: rows, gradient: gradient)
        case .rosenbrock(let o): return o.lossAndGradient(at: theta, rows: rows, gradient: gradient)
        case .beale(let o): return o.lossAndGradient(at: theta, rows: rows, gradient: gradient)
        case .himmelblau(let o): return o.lossAndGradient(at: theta, rows: rows, gradient: gradient)
        case .rastrigin(let o): return o.lossAndGradient(at: theta, rows: rows, gradient: gradient)
        case .constrainedFit(let o): return o.lossAndGradient(at: theta, rows: rows, gradient: gradient)
        case .customLoss(let o): return o.lossAndGradient(at: theta, rows: rows, gradient: gradient)
        case .zeroDiagonal(let o): return o.lossAndGradient(at: theta, rows: rows, gradient: gradient)
        }
    }

    /// Returns f(θ); `rows` is ignored.
    public func loss(at theta: UnsafeBufferPointer<Double>, rows: UnsafeBufferPointer<Int>) -> Double {
        switch self {
        case .quadratic(let o): return o.loss(at: theta, rows: rows)
        case .rosenbrock(let o): return o.loss(at: theta, rows: rows)
        case .beale(let o): return o.loss(at: theta, rows: rows)
        case .himmelblau(let o): return o.loss(at: theta, rows: rows)
        case .rastrigin(let o): return o.loss(at: theta, rows: rows)
        case .constrainedFit(let o): return o.loss(at: theta, rows: rows)
        case .customLoss(let o): return o.loss(at: theta, rows: rows)
        case .zeroDiagonal(let o): return o.loss(at: theta, rows: rows)
        }
    }
}
