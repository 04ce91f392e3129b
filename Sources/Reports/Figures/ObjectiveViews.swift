import Engine
import Lessons

/// What the objective-specific figure kinds and facts know about a builtin objective, in one place.
///
/// Every view is one `switch` on the builtin: a new builtin that wants `terms`, an image target or a
/// profile over some parameters adds one case here (and its name to `FigureSpec.objectiveViews`).
enum ObjectiveViews {
    /// The builtin behind a problem, if it is one.
    static func builtin(_ problem: Problem) -> BuiltinObjective? {
        guard case .builtin(let name, let curvatures) = problem.source else { return nil }
        return try? BuiltinObjective(named: name, parameterNames: problem.parameters,
                                     curvatures: curvatures.isEmpty ? nil : curvatures)
    }

    /// The named terms whose sum is the loss at θ (`terms` figures), or nil when the objective exposes none.
    ///
    /// - `custom-loss`: the scale-invariant term S and the image-gradient term G;
    /// - `zero-diagonal`: the fit Σ‖xᵢ − X cᵢ‖², the group norm λ Σ‖cᵢ‖ and (with the penalty) κ Σ Cᵢᵢ².
    static func terms(_ objective: BuiltinObjective, at theta: [Double]) -> [(name: String, value: Double)]? {
        switch objective {
        case .customLoss(let o):
            let t = o.terms(at: theta)
            return [("scale-invariant term S", t.scaleInvariant), ("image-gradient term G", t.gradient)]
        case .zeroDiagonal(let o):
            let t = o.terms(at: theta)
            var out: [(name: String, value: Double)] = [("fit Σ‖x<sub>i</sub> − X c<sub>i</sub>‖²", t.fit),
                                                        ("λ Σ‖c<sub>i</sub>‖", t.norm)]
            if o.penalty != 0 { out.append(("penalty κ Σ C<sub>ii</sub>²", t.penalty)) }
            return out
        default: return nil
        }
    }

    /// The image an image objective fits (height, width, row-major pixels), for `expected` panels.
    static func targetImage(_ objective: BuiltinObjective) -> (rows: Int, columns: Int, values: [Double])? {
        if case .customLoss(let o) = objective { return (o.height, o.width, o.target) }
        return nil
    }

    /// Prewitt responses (x, y) of an image objective's target and of its residual Y* − Y at θ.
    static func prewitt(_ objective: BuiltinObjective, residualAt theta: [Double]?)
        -> (rows: Int, columns: Int, image: [Double], x: [Double], y: [Double])? {
        guard case .customLoss(let o) = objective else { return nil }
        let image = theta.map { zip(o.target, $0).map { $0 - $1 } } ?? o.target
        let r = CustomLoss.prewittResponses(of: image, height: o.height, width: o.width)
        return (o.height, o.width, image, r.x, r.y)
    }

    /// The loss minimised over the parameters a `simplex-slice` does not show, when the objective can do
    /// that exactly (`constrained-fit`: b solved by least squares for the weights a), with a label for it.
    static func profile(_ objective: BuiltinObjective) -> (label: String, f: ([Double]) -> Double)? {
        guard case .constrainedFit = objective else { return nil }
        return ("min over b of f(a, b)", { theta in ConstrainedFit.profileLoss(a: Array(theta[0..<4])) })
    }
}
