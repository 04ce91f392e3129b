extension FigureSpec {
    /// What a figure shows. Each case carries exactly the settings its kind takes, so a figure
    /// function reads them without unwrapping; a new kind is one case here, one decoder and one
    /// figure function, and every `switch` without `default:` names the places that must handle it.
    public enum Kind: Equatable {
        /// The loss surface over the view with the runs' trajectories in one panel, and optionally
        /// arrows at chosen steps.
        case surface(ViewSettings, arrows: StepArrows?)
        /// The loss surface as a shaded perspective mesh with the runs' paths lifted onto it, seen from
        /// `azimuth` degrees around the vertical axis and `elevation` degrees above the floor
        /// (matplotlib's azim and elev).
        case surface3d(ViewSettings, azimuth: Double, elevation: Double)
        /// One panel per run on shared axes and one color scale (a comparison grid).
        case grid(ViewSettings)
        /// f(θ) over a one-parameter view with the iterates and their jumps (`yRange` is the loss axis).
        case curve(ViewSettings)
        /// Loss against step, one series per run.
        case loss(SeriesSettings)
        /// Gradient norm against step.
        case gradientNorm(SeriesSettings)
        /// The learning rate against step.
        case learningRate(SeriesSettings)
        /// A parameter against step, one series per run.
        case parameter(String, SeriesSettings)
        /// An optimizer state buffer (`velocity`, `buffer`, `m`, …) of a parameter against step.
        case state(String, parameter: String, SeriesSettings)
        /// The model's curve over the data at chosen steps.
        case fit(DataColumns, steps: [Int])
        /// Two classes (`classColumn`) and the decision boundary at chosen steps.
        case boundary(DataColumns, classColumn: String, steps: [Int])
        /// The class a model predicts over the plane of two data columns (argmax of its probabilities),
        /// with the data by `classColumn`, a panel per step.
        case regions(DataColumns, classColumn: String, steps: [Int])
        /// Expressions of the parameters and two data columns drawn over their plane (a hidden unit's
        /// activation), with the data (by `classColumn` when given), a row of panels per step.
        case field(DataColumns, classColumn: String?, fields: [ImageSpec], steps: [Int])
        /// Final loss against a sweep's value, with the stability limit 2/λmax for `lr` sweeps. `logX`
        /// forces (true) or refuses (false) a log axis for the swept values; nil chooses from them.
        case finalLoss(logX: Bool?, logY: Bool?)
        /// A block of parameters as a matrix or image at chosen steps, one panel per step on one color scale.
        case matrix(MatrixSettings)
        /// Σθᵢ² over a block's `part` against step, one series per run.
        case blockSize(NamedBlock, part: BlockPart, logY: Bool?)
        /// The problem's named loss terms (`[problem.terms]`) against step, a panel per run.
        case terms(logY: Bool?)
        /// Array expressions drawn as images at `steps` (the last step when empty): a row of panels per step.
        case images([ImageSpec], steps: [Int])
        /// The objective over a 2-D face of a simplex, where each run ended.
        case simplexSlice(SimplexSlice)
        /// f along one parameter through each run's final point (or the best run's), over `range`
        /// (nil: the parameter's box, else around the points).
        case along(parameter: String, range: ClosedRange<Double>?, logY: Bool?)
        /// Loss against step for many runs of a start sweep at once (no legend per run), best run
        /// highlighted; with `parameter`, that parameter against step too.
        case starts(parameter: String?, logY: Bool?)
        /// A grid's cells as a heatmap of `shows`, diverged cells hatched, the theory's stability limit
        /// drawn over quadratics; values below `colorFloor` take the darkest color.
        case map(shows: MapQuantity, colorFloor: Double?)
        /// The learning-rate range test: one run whose rate grows exponentially through `rates`, loss
        /// against rate.
        case lrRange(rates: ClosedRange<Double>)
        /// Small multiples of the runs' paths over the loss surface, one frame per chosen step (empty:
        /// `FigureSpec.filmstripSteps`), on one view.
        case filmstrip(steps: [Int])

        /// The kind's name, as a lesson file writes it.
        public var name: Name {
            switch self {
            case .surface: .surface
            case .surface3d: .surface3d
            case .grid: .grid
            case .curve: .curve
            case .loss: .loss
            case .gradientNorm: .gradientNorm
            case .learningRate: .learningRate
            case .parameter: .parameter
            case .state: .state
            case .fit: .fit
            case .boundary: .boundary
            case .regions: .regions
            case .field: .field
            case .finalLoss: .finalLoss
            case .matrix: .matrix
            case .blockSize: .blockSize
            case .terms: .terms
            case .images: .images
            case .simplexSlice: .simplexSlice
            case .along: .along
            case .starts: .starts
            case .map: .map
            case .lrRange: .lrRange
            case .filmstrip: .filmstrip
            }
        }

        /// The names of the figure kinds, as a lesson file's `kind` writes them.
        public enum Name: String, CaseIterable, Sendable {
            /// `surface`: the loss surface with the runs' paths.
            case surface
            /// `surface3d`: the loss surface as a 3-D mesh.
            case surface3d
            /// `grid`: one panel per run over the loss surface.
            case grid
            /// `curve`: f over a one-parameter view.
            case curve
            /// `loss`: loss against step.
            case loss
            /// `gradient-norm`: gradient norm against step.
            case gradientNorm = "gradient-norm"
            /// `parameter`: a parameter against step.
            case parameter
            /// `state`: an optimizer buffer against step.
            case state
            /// `learning-rate`: the learning rate against step.
            case learningRate = "learning-rate"
            /// `fit`: the model over the data.
            case fit
            /// `boundary`: two classes and the p = 0.5 boundary.
            case boundary
            /// `regions`: the predicted class over a data plane.
            case regions
            /// `field`: expressions over a data plane.
            case field
            /// `final-loss`: final loss against a sweep's value.
            case finalLoss = "final-loss"
            /// `matrix`: a parameter block as a matrix.
            case matrix
            /// `block-size`: Σθ² over a block against step.
            case blockSize = "block-size"
            /// `terms`: the problem's loss terms against step.
            case terms
            /// `images`: array expressions as images.
            case images
            /// `simplex-slice`: the objective over a face of a simplex.
            case simplexSlice = "simplex-slice"
            /// `along`: f along one parameter.
            case along
            /// `starts`: loss against step for many starts.
            case starts
            /// `map`: a grid of runs as a heatmap.
            case map
            /// `lr-range`: the learning-rate range test.
            case lrRange = "lr-range"
            /// `filmstrip`: small multiples of the paths over the surface.
            case filmstrip
        }
    }

    /// A figure's own view of the problem (each nil: `[problem.view]`'s) and the steps it draws.
    public struct ViewSettings: Equatable, Sendable {
        /// The window on the view's x parameter (`x_range`).
        public var xRange: ClosedRange<Double>?
        /// The window on the view's y parameter (`y_range`; a `curve`'s loss axis).
        public var yRange: ClosedRange<Double>?
        /// A logarithmic (true) or linear (false) color scale (`log_color`).
        public var logColor: Bool?
        /// The steps drawn (`step_window`): `0...N` for the first N steps, or `a...b`; nil for every step.
        public var stepWindow: ClosedRange<Int>?

        /// A view; every setting defaults to the problem's (and every step).
        public init(xRange: ClosedRange<Double>? = nil, yRange: ClosedRange<Double>? = nil, logColor: Bool? = nil,
                    stepWindow: ClosedRange<Int>? = nil) {
            self.xRange = xRange; self.yRange = yRange; self.logColor = logColor; self.stepWindow = stepWindow
        }
    }

    /// The settings of a chart against step.
    public struct SeriesSettings: Equatable, Sendable {
        /// Force a logarithmic (true) or linear (false) y axis (`log_y`; nil: chosen from the data's range).
        public var logY: Bool?
        /// The steps drawn (`step_window`); nil for every step.
        public var stepWindow: ClosedRange<Int>?

        /// A chart's settings.
        public init(logY: Bool? = nil, stepWindow: ClosedRange<Int>? = nil) { self.logY = logY; self.stepWindow = stepWindow }
    }

    /// Arrows a `surface` figure draws at chosen steps of every run (`arrows`, `steps`).
    public struct StepArrows: Equatable, Sendable {
        /// What an arrow shows.
        public enum Vector: String, Sendable {
            /// −∇f at the step.
            case gradient
            /// The optimizer's first state buffer (the velocity, …) at the step.
            case state
        }
        /// What the arrows show.
        public var vector: Vector
        /// The steps they are drawn at (at least one).
        public var steps: [Int]

        /// Arrows of `vector` at `steps`.
        public init(vector: Vector, steps: [Int]) { self.vector = vector; self.steps = steps }
    }

    /// The data columns on a figure's horizontal and vertical axes (`x`, `y`).
    public struct DataColumns: Equatable, Sendable {
        /// The column on the horizontal axis.
        public var x: String
        /// The column on the vertical axis.
        public var y: String

        /// Two columns.
        public init(x: String, y: String) { self.x = x; self.y = y }
    }

    /// A block of parameters as the lesson names it (`block`), and the parameters it resolved to.
    public struct NamedBlock: Equatable {
        /// The name written: a matrix parameter's name or a prefix `P` of parameters `P_r_c`.
        public var name: String
        /// Its parameters, row-major, and its shape.
        public var block: ParameterBlock

        /// A resolved block.
        public init(name: String, block: ParameterBlock) { self.name = name; self.block = block }
    }

    /// Which entries of a block a `block-size` figure sums (`part`).
    public enum BlockPart: String, CaseIterable, Sendable {
        /// Every entry.
        case all
        /// The diagonal.
        case diagonal
        /// Everything off the diagonal.
        case offDiagonal = "off-diagonal"
    }

    /// The colors of a `matrix` figure (`colormap`).
    public enum MatrixColors: String, CaseIterable, Sendable {
        /// Signed values, white at 0.
        case diverging
        /// One hue from dark to light (viridis).
        case sequential
    }

    /// The settings of a `matrix` figure.
    public struct MatrixSettings: Equatable {
        /// The block shown.
        public var block: NamedBlock
        /// The steps shown, a panel each (empty: the last).
        public var steps: [Int]
        /// Also show the problem's expected block (a target image) as the last panel (`expected`).
        public var showsExpected: Bool
        /// The colors; nil chooses from the values' signs.
        public var colormap: MatrixColors?

        /// A matrix figure's settings.
        public init(block: NamedBlock, steps: [Int], showsExpected: Bool, colormap: MatrixColors?) {
            self.block = block; self.steps = steps; self.showsExpected = showsExpected; self.colormap = colormap
        }
    }

    /// The settings of a `simplex-slice` figure: the parameters on the axes and the one that takes the rest.
    public struct SimplexSlice: Equatable, Sendable {
        /// The parameter on the horizontal axis.
        public var x: String
        /// The parameter on the vertical axis.
        public var y: String
        /// The simplex parameter that takes 1 − x − y (the others in the group are 0).
        public var fill: String
        /// A parameter minimised exactly over its box at every point of the face.
        public var solve: String?

        /// A slice's settings.
        public init(x: String, y: String, fill: String, solve: String?) {
            self.x = x; self.y = y; self.fill = fill; self.solve = solve
        }
    }

    /// What a `map` figure's colors show.
    public enum MapQuantity: String, CaseIterable, Sendable {
        /// The loss on each cell's last row.
        case finalLoss = "final-loss"
        /// The steps each cell's stop rule needed.
        case steps
    }

    /// One column of an `images` figure, or one expression of a `field` figure.
    public struct ImageSpec: Equatable, Sendable {
        /// A vector or matrix expression over the problem's parameters and constants (`T - Y`).
        public var expression: String
        /// The panel title (the step is added below it).
        public var title: String
        /// Images with the same `scale` text share one color scale, whose colorbar it labels;
        /// nil: the image has its own scale, labelled with its title.
        public var scale: String?

        /// An image column.
        public init(expression: String, title: String, scale: String? = nil) {
            self.expression = expression; self.title = title; self.scale = scale
        }
    }
}
