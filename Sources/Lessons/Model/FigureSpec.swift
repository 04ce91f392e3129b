/// A figure a lesson asks for: what every figure has, and its kind with exactly that kind's settings.
public struct FigureSpec: Equatable {
    /// The id `{{figure ID}}` names, and the figure's file name.
    public var id: String
    /// What the figure shows, with the settings of that kind.
    public var kind: Kind
    /// A title set in bold before the caption.
    public var title: String?
    /// The lesson's words under the figure (notes markup).
    public var caption: String
    /// Run ids or sweep ids (a `map`'s grid id).
    public var runs: [String]
    /// Height on the handout page as a fraction of the text width (default 0.62).
    public var aspect: Double

    /// A figure of `kind` over `runs`.
    public init(id: String, kind: Kind, title: String? = nil, caption: String, runs: [String], aspect: Double = 0.62) {
        self.id = id; self.kind = kind; self.title = title; self.caption = caption; self.runs = runs; self.aspect = aspect
    }
}
