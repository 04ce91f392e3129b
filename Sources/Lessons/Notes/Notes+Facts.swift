extension Notes {
    /// A computed fact `{{fact NAME}}` places in a handout (Reports computes it).
    public struct Fact: Sendable {
        public var name: String
        /// The builtin objectives a lesson must use (one of them) for this fact; empty for any lesson.
        public var builtins: [String]
        /// What it shows, for messages and the lesson reference.
        public var meaning: String
    }

    /// The facts `{{fact NAME}}` knows.
    public static let facts: [Fact] = [
        Fact(name: "witness", builtins: ["constrained-fit"],
             meaning: "two feasible points whose chord lies below f (f is not convex)"),
        Fact(name: "grid-search", builtins: ["constrained-fit"],
             meaning: "a dense grid over the simplex with b solved exactly, beside descent's best run"),
        Fact(name: "starts", builtins: [],
             meaning: "a table of a start sweep: where each run started and ended"),
        Fact(name: "mean-sum", builtins: ["custom-loss", "custom-loss-sum"],
             meaning: "the gradients of the mean and the sum at the start, their ratio n and the stability limits 2/λmax"),
        Fact(name: "subgradient", builtins: ["zero-diagonal", "zero-diagonal-penalty"],
             meaning: "how ‖cᵢ‖ is differentiated at a zero column, and the zero columns of each run"),
    ]
}
