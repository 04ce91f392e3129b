import Engine
import Lessons
import Trace

/// A lesson problem's objective as one concrete type, so runs specialise on it.
public enum ProblemObjective {
    case expression(ExpressionObjective)
    case builtin(BuiltinObjective)

    /// Builds the objective a problem declares (already validated by the lesson loader).
    public init(_ problem: Problem) throws {
        switch problem.source {
        case .expression(let text):
            self = .expression(try problem.objective(text))
        case .builtin(let name, let curvatures):
            self = .builtin(try BuiltinObjective(named: name, parameterNames: problem.parameters,
                                                 curvatures: curvatures.isEmpty ? nil : curvatures))
        }
    }

    /// Runs `spec` on this objective.
    public func run(_ spec: RunSpec, progress: ((RunProgress) -> Void)? = nil) throws -> Trace {
        switch self {
        case .expression(let o): return try Engine.run(o, spec: spec, progress: progress)
        case .builtin(let o): return try Engine.run(o, spec: spec, progress: progress)
        }
    }

    /// The loss over all data rows (or the objective without data) at θ.
    public func loss(at theta: [Double]) -> Double {
        switch self {
        case .expression(let o): return o.lossValue(at: theta, rows: o.allRows)
        case .builtin(let o): return o.lossValue(at: theta)
        }
    }

    /// The loss and gradient over all data rows at θ.
    public func evaluate(at theta: [Double]) -> (loss: Double, gradient: [Double]) {
        switch self {
        case .expression(let o): return o.evaluate(at: theta, rows: o.allRows)
        case .builtin(let o): return o.evaluate(at: theta)
        }
    }

    /// The names of the parameters, in order.
    public var parameterNames: [String] {
        switch self {
        case .expression(let o): return o.parameterNames
        case .builtin(let o): return o.parameterNames
        }
    }

    /// Throws a `StartError` when the loss or its gradient is not finite at `start`.
    public func checkStart(_ start: [Double]) throws {
        switch self {
        case .expression(let o): try Engine.checkStart(o, start: start)
        case .builtin(let o): try Engine.checkStart(o, start: start)
        }
    }

    /// The number of data rows (0 without data).
    public var rowCount: Int {
        switch self {
        case .expression(let o): return o.rowCount
        case .builtin(let o): return o.rowCount
        }
    }
}
