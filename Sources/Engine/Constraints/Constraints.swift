/// Constraints applied after every update.
public struct Constraints: Sendable, Equatable {
    /// Clip parameter `index` into [lower, upper].
    public struct Box: Sendable, Equatable {
        /// The parameter's index in the flat vector.
        public var index: Int
        /// The lowest allowed value.
        public var lower: Double
        /// The highest allowed value (≥ `lower`).
        public var upper: Double
        /// Creates a box for one parameter.
        public init(index: Int, lower: Double, upper: Double) { self.index = index; self.lower = lower; self.upper = upper }
    }
    /// Per-parameter intervals each step is clipped into.
    public var boxes: [Box]
    /// Groups of parameter indices, each projected onto the probability simplex (x ≥ 0, Σx = 1).
    public var simplexGroups: [[Int]]
    /// Parameter indices held at their starting values.
    public var fixed: [Int]

    /// Creates constraints (none by default).
    public init(boxes: [Box] = [], simplexGroups: [[Int]] = [], fixed: [Int] = []) {
        self.boxes = boxes
        self.simplexGroups = simplexGroups
        self.fixed = fixed
    }
}
