/// A figure a lesson asks for.
public struct FigureSpec {
    /// What the figure shows.
    public enum Kind: String, CaseIterable {
        /// The loss surface over the view with the runs' trajectories in one panel.
        case surface
        /// One panel per run on shared axes and one color scale (a comparison grid).
        case grid
        /// f(θ) over a one-parameter view with the iterates and their jumps.
        case curve
        /// Loss against step, one series per run.
        case loss
        /// Gradient norm against step.
        case gradientNorm = "gradient-norm"
        /// A parameter against step (`parameter`), one series per run.
        case parameter
        /// An optimizer state buffer (`state`, for `parameter`) against step.
        case state
        /// The learning rate against step.
        case learningRate = "learning-rate"
        /// The model's curve over the data at chosen steps (`steps`).
        case fit
        /// Two classes and the decision boundary at chosen steps.
        case boundary
        /// Final loss against a sweep's value, with the stability limit 2/λmax for `lr` sweeps.
        case finalLoss = "final-loss"
    }
    public var id: String
    public var kind: Kind
    public var title: String?
    public var caption: String
    /// Run ids or sweep ids.
    public var runs: [String]
    /// Steps to draw (fit, boundary, arrows on a surface).
    public var steps: [Int]
    /// Parameter name for `parameter` and `state` figures.
    public var parameter: String?
    /// State buffer name for `state` figures (`velocity`, `buffer`, `m`, …).
    public var state: String?
    /// Force a logarithmic y axis (default: chosen from the data's range).
    public var logY: Bool?
    /// Arrows at `steps` on a surface: `gradient`, `velocity`/`buffer`, or none.
    public var arrows: String?
    /// Height on the handout page as a fraction of the text width (default 0.62).
    public var aspect: Double
    /// Data columns on the horizontal and vertical axes (fit, boundary) and the class column (boundary).
    public var xColumn: String?
    public var yColumn: String?
    public var classColumn: String?

    public init(id: String, kind: Kind, title: String? = nil, caption: String, runs: [String], steps: [Int] = [],
                parameter: String? = nil, state: String? = nil, logY: Bool? = nil, arrows: String? = nil,
                aspect: Double = 0.62, xColumn: String? = nil, yColumn: String? = nil, classColumn: String? = nil) {
        self.id = id; self.kind = kind; self.title = title; self.caption = caption; self.runs = runs
        self.steps = steps; self.parameter = parameter; self.state = state; self.logY = logY; self.arrows = arrows
        self.aspect = aspect; self.xColumn = xColumn; self.yColumn = yColumn; self.classColumn = classColumn
    }
}

/// A step table a lesson asks for.
public struct TableSpec {
    public var id: String
    public var run: String
    /// Trace columns: `step`, `epoch`, `lr`, `loss`, a parameter name, `grad.<p>`, `update.<p>`, `<state>.<p>`.
    public var columns: [String]
    /// Rows kept from the start and from the end; an ellipsis row between.
    public var head: Int
    public var tail: Int
    public var caption: String
    public var digits: Int
}
