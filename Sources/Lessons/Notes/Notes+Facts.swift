extension Notes {
    /// A computed fact `{{fact NAME}}` places in a handout (Reports computes it).
    public struct Fact: Sendable {
        /// The name `{{fact NAME}}` uses.
        public var name: String
        /// What it shows, for messages and the lesson reference.
        public var meaning: String
    }

    /// The facts `{{fact NAME}}` knows.
    public static let facts: [Fact] = [
        Fact(name: "starts",
             meaning: "a table of a start sweep: where each run started and ended"),
    ]
}
