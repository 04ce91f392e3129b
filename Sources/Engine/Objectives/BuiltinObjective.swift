import Trace

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

    /// The names `init(named:)` accepts, sorted.
    public static let names = [
        "beale", "himmelblau", "quadratic", "rastrigin", "rosenbrock",
    ]

    /// Looks a built-in objective up by name.
    ///
    /// - `quadratic`: `curvatures` (default (1, 10)) set the dimension; all positive.
    /// - `rastrigin`: `dimension` (default 2, or the number of names) parameters.
    /// - `rosenbrock`, `beale`, `himmelblau`: 2 parameters.
    ///
    /// `parameterNames` default to `x, y, …` . Throws an `ObjectiveLookupError`
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
            throw ObjectiveLookupError(message: "objective '\(name)' has a fixed dimension of 2")
        }
        if let names = parameterNames {
            var seen = Set<String>()
            for parameter in names where !seen.insert(parameter).inserted {
                throw ObjectiveLookupError(message: "objective '\(name)': parameter '\(parameter)' is listed twice")
            }
        }
        func names(_ count: Int) throws(ObjectiveLookupError) -> [String] {
            let names = parameterNames ?? defaultParameterNames(count: count)
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
        }
    }

    /// The objective's formula in the expression language (it parses, over
    /// `parameterNames`, to the same function), for handouts.
    public var formula: String {
        switch self {
        case .quadratic(let q):
            let terms = zip(q.curvatures, q.parameterNames).map { "\(NumberText.plain($0))*\($1)^2" }
            return "0.5*(" + terms.joined(separator: " + ") + ")"
        case .rosenbrock(let r):
            let (x, y) = (r.parameterNames[0], r.parameterNames[1])
            return "(\(NumberText.plain(r.a)) - \(x))^2 + \(NumberText.plain(r.b))*(\(y) - \(x)^2)^2"
        case .beale(let b):
            let (x, y) = (b.parameterNames[0], b.parameterNames[1])
            return "(1.5 - \(x) + \(x)*\(y))^2 + (2.25 - \(x) + \(x)*\(y)^2)^2 + (2.625 - \(x) + \(x)*\(y)^3)^2"
        case .himmelblau(let h):
            let (x, y) = (h.parameterNames[0], h.parameterNames[1])
            return "(\(x)^2 + \(y) - 11)^2 + (\(x) + \(y)^2 - 7)^2"
        case .rastrigin(let r):
            let a = NumberText.plain(r.amplitude)
            let terms = r.parameterNames.map { "\($0)^2 - \(a)*cos(\(2 * Double.pi)*\($0))" }
            return "\(a)*\(r.parameterNames.count) + " + terms.joined(separator: " + ")
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
        }
    }

    /// Always 0: the built-ins have no data.
    public var rowCount: Int { 0 }

    /// Points where the global minimum is attained.
    public var knownMinima: [[Double]] {
        switch self {
        case .quadratic(let o): return o.knownMinima
        case .rosenbrock(let o): return o.knownMinima
        case .beale(let o): return o.knownMinima
        case .himmelblau(let o): return o.knownMinima
        case .rastrigin(let o): return o.knownMinima
        }
    }

    /// The value at the known minima.
    public var minimumValue: Double {
        switch self {
        case .quadratic(let o): return o.minimumValue
        case .rosenbrock(let o): return o.minimumValue
        case .beale(let o): return o.minimumValue
        case .himmelblau(let o): return o.minimumValue
        case .rastrigin(let o): return o.minimumValue
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
        }
    }
}
