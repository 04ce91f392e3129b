import Engine

/// What a lesson minimises, where it starts and how it is viewed.
public struct Problem {
    /// `main` for a lesson's single `[problem]`, or the id given in `[[problems]]`.
    public var id: String
    /// A short name for headings and captions (`the linear model`); defaults to the id.
    public var label: String
    /// The loss: an expression in the parameters (and data columns), or a built-in objective.
    public enum Source: Equatable {
        case expression(String)
        case builtin(name: String, curvatures: [Double])
    }
    public var source: Source
    /// The parameters as declared: `b`, `a[4]`, `C[20,20]` (builtins: one scalar each).
    public var declarations: [ParameterDeclaration]
    /// Every parameter element's name, in the order of θ: `b`, `a[0]` … `a[3]`, `C[0,0]`, …
    public var parameters: [String]
    /// Named arrays and numbers the objective and model may use (`C`, `y`, `lambda`).
    public var constants: [String: ArrayValue]
    /// Named parts of the loss, in order, each an expression (`terms` figures draw them against step).
    public var terms: [(name: String, expression: String)]
    public var start: [Double]
    /// The data file as written in the lesson (relative to its folder), and its contents.
    public var dataFile: String?
    public var data: DataTable?
    /// The model's prediction for one row (data columns and parameters), for fit and boundary figures.
    public var model: String?
    /// The answer the runs are checked against, e.g. the least-squares solution.
    public var expected: [Double]?
    public var expectedLoss: Double?
    /// What the expected answer is (`least squares`, `the minimum`).
    public var expectedLabel: String
    public var view: View?

    /// Which parameters span the figures, over what window, and where the others are held.
    public struct View: Equatable {
        public var x: String
        public var y: String?
        public var xRange: ClosedRange<Double>
        public var yRange: ClosedRange<Double>?
        /// Values for the parameters not on an axis.
        public var hold: [String: Double]
        /// Whether the surface's color scale is logarithmic (default: chosen from the range).
        public var logColor: Bool?
    }
}
