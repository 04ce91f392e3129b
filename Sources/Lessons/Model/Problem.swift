import Engine

/// What a lesson minimises, where it starts and how it is viewed.
public struct Problem {
    /// `main` for a lesson's single `[problem]`, or the id given in `[[problems]]`.
    public var id: String
    /// A short name for headings and captions (`the linear model`); defaults to the id.
    public var label: String
    /// The loss: an expression in the parameters (and data columns), or a built-in objective.
    public enum Source: Equatable {
        /// An expression of the parameters (and data columns, constants).
        case expression(String)
        /// A built-in test function by name; `curvatures` for `quadratic`.
        case builtin(name: String, curvatures: [Double])
    }
    /// The expression or built-in the problem minimises.
    public var source: Source
    /// The parameters as declared: `b`, `a[4]`, `C[20,20]` (builtins: one scalar each).
    public var declarations: [ParameterDeclaration]
    /// Every parameter element's name, in the order of θ: `b`, `a[0]` … `a[3]`, `C[0,0]`, …
    public var parameters: [String]
    /// Named arrays and numbers the objective and model may use (`C`, `y`, `lambda`).
    public var constants: [String: ArrayValue]
    /// Named parts of the loss, in order, each an expression (`terms` figures draw them against step).
    public var terms: [(name: String, expression: String)]
    /// Where runs start unless they say otherwise, in the order of `parameters`.
    public var start: [Double]
    /// The data file as written in the lesson (relative to its folder), and its contents.
    public var dataFile: String?
    /// The data rows the loss averages over; nil without a data file.
    public var data: DataTable?
    /// The model's prediction for one row (data columns and parameters), for fit and boundary figures.
    public var model: String?
    /// The answer the runs are checked against, e.g. the least-squares solution.
    public var expected: [Double]?
    /// The loss at `expected`.
    public var expectedLoss: Double?
    /// What the expected answer is (`least squares`, `the minimum`).
    public var expectedLabel: String
    /// The window figures draw; nil when no figure needs one.
    public var view: View?

    /// Which parameters span the figures, over what window, and where the others are held.
    public struct View: Equatable {
        /// The parameter across.
        public var x: String
        /// The parameter up; nil for a one-parameter (curve) view.
        public var y: String?
        /// The window across.
        public var xRange: ClosedRange<Double>
        /// The window up.
        public var yRange: ClosedRange<Double>?
        /// Values for the parameters not on an axis.
        public var hold: [String: Double]
        /// Whether the surface's color scale is logarithmic (default: chosen from the range).
        public var logColor: Bool?
    }
}
