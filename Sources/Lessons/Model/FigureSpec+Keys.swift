extension FigureSpec.Kind.Name {
    /// The keys a figure of this kind takes besides `id`, `kind`, `title`, `caption`, `runs` and
    /// `aspect`. A key another kind takes is refused with a sentence naming the kinds that take it.
    var keys: [String] {
        let view = ["x_range", "y_range", "log_color", "step_window"]
        let series = ["log_y", "step_window"]
        switch self {
        case .surface: return view + ["steps", "arrows"]
        case .surface3d: return view + ["azimuth", "elevation"]
        case .grid: return view
        case .curve: return ["x_range", "y_range", "step_window"]
        case .loss, .gradientNorm, .learningRate: return series
        case .parameter: return ["parameter"] + series
        case .state: return ["state", "parameter"] + series
        case .fit: return ["x", "y", "steps"]
        case .boundary, .regions: return ["x", "y", "class", "steps"]
        case .field: return ["x", "y", "class", "fields", "steps"]
        case .finalLoss: return ["log_x", "log_y"]
        case .matrix: return ["block", "rows", "columns", "steps", "expected", "colormap"]
        case .blockSize: return ["block", "rows", "columns", "part", "log_y"]
        case .terms: return ["log_y"]
        case .images: return ["images", "steps"]
        case .simplexSlice: return ["x", "y", "fill", "solve"]
        case .along: return ["parameter", "range", "log_y"]
        case .starts: return ["parameter", "log_y"]
        case .map: return ["show", "color_floor"]
        case .lrRange: return ["range"]
        case .filmstrip: return ["steps"]
        }
    }

    /// What `steps = [...]` does on a figure of this kind; nil when the kind takes no `steps`.
    var stepsUse: String? {
        switch self {
        case .surface: return "places arrows"
        case .fit: return "draws the model"
        case .boundary: return "draws the boundary"
        case .regions: return "draws the classes"
        case .field: return "draws the expressions"
        case .matrix: return "shows the block"
        case .images: return "draws the images"
        case .filmstrip: return "draws a frame"
        case .surface3d, .grid, .curve, .loss, .gradientNorm, .parameter, .state, .learningRate, .finalLoss, .blockSize,
             .terms, .simplexSlice, .along, .starts, .map, .lrRange:
            return nil
        }
    }

    /// The height over the width a figure of this kind gets without `aspect`.
    var defaultAspect: Double {
        switch self {
        case .map: return 0.8
        case .lrRange: return 0.6
        case .surface, .surface3d, .grid, .curve, .loss, .gradientNorm, .parameter, .state, .learningRate, .fit,
             .boundary, .regions, .field, .finalLoss, .matrix, .blockSize, .terms, .images, .simplexSlice, .along,
             .starts, .filmstrip:
            return 0.62
        }
    }

    /// Whether a worksheet can draw the figure as empty axes for a prediction: the view, the surface
    /// and the data stay, what the runs did goes.
    public var hasEmptyAxes: Bool {
        switch self {
        case .surface, .grid, .curve, .filmstrip, .loss, .gradientNorm, .learningRate, .parameter, .state, .fit,
             .boundary, .finalLoss:
            return true
        case .regions, .field, .matrix, .blockSize, .terms, .images, .simplexSlice, .along, .starts, .surface3d, .map, .lrRange:
            return false
        }
    }

    /// Every kind-specific key, each once, in the order a figure's keys are checked: first those that
    /// say most about the kind the figure was meant to be (`images`, `block`), so a figure written
    /// for one kind under another's name is told about the key that matters; then the view, `steps`
    /// and `arrows`; then keys many kinds share. Keys of the table missing here come last.
    static let allKeys: [String] = {
        let first = ["log_x", "block", "rows", "columns", "part", "colormap", "expected", "fill", "solve", "images", "fields",
                     "range", "x_range", "y_range", "log_color", "step_window", "azimuth", "elevation", "steps", "arrows",
                     "parameter", "state", "log_y", "x", "y", "class", "show", "color_floor"]
        return allCases.flatMap(\.keys).reduce(into: first) { keys, key in
            if !keys.contains(key) { keys.append(key) }
        }
    }()

    /// The sentence refusing `key` on a figure of this kind, when another kind takes it; nil when
    /// this kind takes it or no kind does.
    func refusal(of key: String) -> String? {
        guard !keys.contains(key) else { return nil }
        let takers = Self.allCases.filter { $0.keys.contains(key) }
        guard !takers.isEmpty else { return nil }
        switch key {
        case "log_x":
            return "only a 'final-loss' figure has swept values on its x axis; use log_y for the loss"
        case "steps":
            let uses = takers.map { "'\($0.rawValue)' (\($0.stepsUse ?? "draws it"))" }.joined(separator: ", ")
            return "only these figures take 'steps': \(uses); to show a stretch of steps use step_window"
        default:
            return "only \(Self.phrase(takers)) figures take '\(key)'"
        }
    }

    /// "'surface', 'grid' and 'curve'".
    static func phrase(_ kinds: [Self]) -> String {
        let names = kinds.map { "'\($0.rawValue)'" }
        return names.count == 1 ? names[0] : names.dropLast().joined(separator: ", ") + " and " + names.last!
    }
}

extension FigureSpec {
    /// The steps a filmstrip shows when it names none (those the runs reach, and the last).
    public static let filmstripSteps = [0, 1, 2, 3, 5, 10, 30]
}
