/// A figure a lesson asks for.
public struct FigureSpec {
    /// What the figure shows.
    public enum Kind: String, CaseIterable, Sendable {
        /// The loss surface over the view with the runs' trajectories in one panel.
        case surface
        /// The loss surface as a shaded perspective mesh with the runs' paths lifted onto it.
        case surface3d
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
        /// The class a model predicts over the plane of two data columns (argmax of its probabilities),
        /// with the data, a panel per step.
        case regions
        /// Expressions of the parameters and two data columns drawn over their plane (a hidden unit's
        /// activation), with the data, a row of panels per step.
        case field
        /// Final loss against a sweep's value, with the stability limit 2/λmax for `lr` sweeps.
        case finalLoss = "final-loss"
        /// A block of parameters (`block`, e.g. `C` for `C_r_c`) as a matrix or image at `steps`,
        /// one panel per step on one color scale, optionally beside the problem's expected block.
        case matrix
        /// Σθᵢ² over a block's `part` (all, diagonal, off-diagonal) against step, one series per run.
        case blockSize = "block-size"
        /// The problem's named loss terms (`[problem.terms]`) against step, a panel per run.
        case terms
        /// Array expressions (`images`) drawn as images at `steps`: a row of panels per step.
        case images
        /// The objective over a 2-D face of a simplex (`x`, `y`, `fill`), where each run ended.
        case simplexSlice = "simplex-slice"
        /// f along one `parameter` through each run's final point (or the best run's).
        case along
        /// Loss against step for many runs of a start sweep at once (no legend per run), best run highlighted.
        case starts
        /// A grid's cells as a heatmap of their final loss or steps to converge, diverged cells hatched,
        /// the theory's stability limit drawn over quadratics.
        case map
        /// The learning-rate range test: one run whose rate grows exponentially, loss against rate.
        case lrRange = "lr-range"
        /// Small multiples of the runs' paths over the loss surface, one frame per chosen step, on one view.
        case filmstrip
    }

    /// What a `map` figure's colors show.
    public enum MapQuantity: String, CaseIterable, Sendable {
        /// The loss on each cell's last row.
        case finalLoss = "final-loss"
        /// The steps each cell's stop rule needed.
        case steps
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
    /// `final-loss`: force (true) or refuse (false) a logarithmic axis for the swept values; nil chooses
    /// from the values (log only when all are positive and span more than a decade).
    public var logX: Bool?
    /// Arrows at `steps` on a surface: `gradient`, `velocity`/`buffer`, or none.
    public var arrows: String?
    /// Height on the handout page as a fraction of the text width (default 0.62).
    public var aspect: Double
    /// Data columns on the horizontal and vertical axes (fit, boundary) and the class column (boundary).
    public var xColumn: String?
    public var yColumn: String?
    public var classColumn: String?
    /// The parameter block of `matrix` and `block-size` figures: a prefix `P` naming parameters `P_r_c`.
    public var block: String?
    /// Explicit matrix shape for blocks not named `P_r_c` (flat, row-major).
    public var rows: Int?
    public var columns: Int?
    /// `block-size`: which entries count (`all`, `diagonal`, `off-diagonal`).
    public var part: String?
    /// `matrix`: also show the problem's expected block (a target image), as the last panel.
    public var showsExpected: Bool
    /// `matrix`: `diverging` (signed, white at 0), `sequential`, or nil to choose from the values' signs.
    public var colormap: String?
    /// `simplex-slice`: the simplex parameter that takes 1 − x − y (the others in the group are 0).
    public var fill: String?
    /// `along`, `simplex-slice`: the window along the parameter (default: its box, else around the points);
    /// `lr-range`: the rates the test grows through.
    public var range: ClosedRange<Double>?
    /// This figure's own window on the view's x parameter (`x_range`), overriding `[problem.view]`.
    public var xRange: ClosedRange<Double>?
    /// This figure's own window on the view's y parameter (`y_range`; a `curve`'s loss axis).
    public var yRange: ClosedRange<Double>?
    /// This figure's own choice of a logarithmic color scale (`log_color`), overriding `[problem.view]`.
    public var logColor: Bool?
    /// The steps drawn (`step_window`): `0...N` for the first N steps, or `a...b`; nil for every step.
    public var stepWindow: ClosedRange<Int>?
    /// `surface3d`: the camera's direction around the vertical axis, in degrees (matplotlib's azim).
    public var azimuth: Double = -60
    /// `surface3d`: the camera's height above the floor, in degrees (matplotlib's elev).
    public var elevation: Double = 30
    /// `map`: what the colors show.
    public var shows: MapQuantity = .finalLoss
    /// `map`: values below this take the darkest color (nil: the colors span every value).
    public var colorFloor: Double?
    /// `simplex-slice`: a parameter minimised exactly over its box at every point of the face.
    public var solve: String?
    /// `images`: the array expressions drawn, left to right; `field`: the expressions over the data plane.
    public var images: [ImageSpec] = []

    /// One column of an `images` figure.
    public struct ImageSpec: Equatable {
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

    public init(id: String, kind: Kind, title: String? = nil, caption: String, runs: [String], steps: [Int] = [],
                parameter: String? = nil, state: String? = nil, logY: Bool? = nil, logX: Bool? = nil, arrows: String? = nil,
                aspect: Double = 0.62, xColumn: String? = nil, yColumn: String? = nil, classColumn: String? = nil) {
        self.id = id; self.kind = kind; self.title = title; self.caption = caption; self.runs = runs
        self.steps = steps; self.parameter = parameter; self.state = state; self.logY = logY; self.logX = logX; self.arrows = arrows
        self.aspect = aspect; self.xColumn = xColumn; self.yColumn = yColumn; self.classColumn = classColumn
        self.showsExpected = false
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
    /// Cells a worksheet leaves blank for the student (filled in the answer key).
    public var blanks: [TableBlank] = []
}

/// Cells of one table column a worksheet leaves blank: `blank = { "velocity.x" = [1, 2] }`.
public struct TableBlank: Equatable, Sendable {
    /// The column, as the table names it.
    public var column: String
    /// The steps (rows) blanked.
    public var steps: [Int]

    /// A column's blanks.
    public init(column: String, steps: [Int]) { self.column = column; self.steps = steps }
}

/// A block of parameters seen as a matrix: which flat indices, in row-major order, and its shape.
public struct ParameterBlock: Equatable {
    /// Parameter indices, row-major (row 0 first).
    public var indices: [Int]
    public var rows: Int
    public var columns: Int

    /// The block named by `prefix` among `parameters`.
    ///
    /// The elements of a matrix parameter `prefix[rows,columns]` (`C[0,1]`), or parameters named
    /// `prefix_r_c` (0-based row and column, as the matrix builtins name them), give their shape themselves; otherwise every parameter whose name starts with `prefix`, in order, reshaped
    /// to `rows × columns` (both needed then). Nil when nothing matches or the shape does not fit.
    public static func resolve(_ prefix: String, in parameters: [String], rows: Int? = nil, columns: Int? = nil) -> ParameterBlock? {
        var cells: [(r: Int, c: Int, index: Int)] = []
        // A matrix parameter's elements, C[0,0] … (declared C[rows,columns]).
        for (i, name) in parameters.enumerated() where name.hasPrefix(prefix + "[") && name.hasSuffix("]") {
            let parts = name.dropFirst(prefix.count + 1).dropLast().split(separator: ",")
            guard parts.count == 2, let r = Int(parts[0]), let c = Int(parts[1]) else { cells = []; break }
            cells.append((r, c, i))
        }
        for (i, name) in parameters.enumerated() where cells.isEmpty && name.hasPrefix(prefix + "_") {
            let parts = name.dropFirst(prefix.count + 1).split(separator: "_")
            guard parts.count == 2, let r = Int(parts[0]), let c = Int(parts[1]), r >= 0, c >= 0 else { cells = []; break }
            cells.append((r, c, i))
        }
        if !cells.isEmpty {
            let h = (cells.map(\.r).max() ?? 0) + 1, w = (cells.map(\.c).max() ?? 0) + 1
            guard cells.count == h * w, rows == nil || rows == h, columns == nil || columns == w else { return nil }
            var indices = [Int](repeating: -1, count: h * w)
            for cell in cells { indices[cell.r * w + cell.c] = cell.index }
            guard !indices.contains(-1) else { return nil }
            return ParameterBlock(indices: indices, rows: h, columns: w)
        }
        let members = parameters.indices.filter { parameters[$0].hasPrefix(prefix) }
        guard let rows, let columns, rows >= 1, columns >= 1, members.count == rows * columns else { return nil }
        return ParameterBlock(indices: members, rows: rows, columns: columns)
    }

    /// Positions within the block (row-major) that `part` selects: `all`, `diagonal` or `off-diagonal`.
    public func positions(_ part: String) -> [Int] {
        let all = Array(0..<(rows * columns))
        switch part {
        case "diagonal": return all.filter { $0 / columns == $0 % columns }
        case "off-diagonal": return all.filter { $0 / columns != $0 % columns }
        default: return all
        }
    }
}
