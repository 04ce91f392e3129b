import Plot

/// A lesson figure ready for the page and for its PNG.
struct BuiltFigure {
    var id: String
    var drawable: any Drawable
    /// Width ÷ height.
    var aspectRatio: Double
    /// The caption as markup.
    var caption: String
}
