/// Fonts, sizes and colors shared by every part of a figure.
///
/// Sizes are in points at print size; the defaults keep every label at 8 pt or more.
public struct Theme: Equatable, Sendable {
    /// Font family for all text.
    public var fontFamily: String
    /// Tick labels and legend entries.
    public var tickFontSize: Double
    /// Axis and colorbar labels.
    public var labelFontSize: Double
    /// Panel titles.
    public var titleFontSize: Double
    /// The figure title.
    public var figureTitleFontSize: Double
    /// Annotations on the data (contour labels, "left the view" notes).
    public var annotationFontSize: Double
    /// Text color.
    public var textColor: Color
    /// Axis frame and tick color.
    public var axisColor: Color
    /// Axis frame and tick width in points.
    public var axisWidth: Double
    /// Grid line color.
    public var gridColor: Color
    /// Length of major ticks in points (minor ticks are 60 % of it).
    public var tickLength: Double

    /// Creates a theme; every argument has the textbook default.
    public init(fontFamily: String = "DejaVu Sans", tickFontSize: Double = 8, labelFontSize: Double = 9,
                titleFontSize: Double = 10, figureTitleFontSize: Double = 12, annotationFontSize: Double = 8,
                textColor: Color = Color(hex: 0x1A1A1A), axisColor: Color = Color(hex: 0x262626), axisWidth: Double = 0.6,
                gridColor: Color = Color(hex: 0xE3E3E3), tickLength: Double = 3.5) {
        self.fontFamily = fontFamily; self.tickFontSize = tickFontSize; self.labelFontSize = labelFontSize
        self.titleFontSize = titleFontSize; self.figureTitleFontSize = figureTitleFontSize
        self.annotationFontSize = annotationFontSize; self.textColor = textColor; self.axisColor = axisColor
        self.axisWidth = axisWidth; self.gridColor = gridColor; self.tickLength = tickLength
    }

    /// White background, thin dark axes, DejaVu Sans, 8–12 pt.
    public static let textbook = Theme()

    /// A text style in this theme's font.
    public func text(_ size: Double, bold: Bool = false, color: Color? = nil, alignment: TextStyle.Alignment = .left,
                     wrapWidth: Double? = nil) -> TextStyle {
        TextStyle(family: fontFamily, size: size, color: color ?? textColor, bold: bold, alignment: alignment, wrapWidth: wrapWidth)
    }
}
