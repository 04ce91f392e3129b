/// Text as Pango markup plus how to set it.
///
/// `markup` uses Pango's markup subset: `<b>`, `<i>`, `<tt>`, `<sub>`, `<sup>`,
/// `<span ...>`; literal `&`, `<`, `>` must be escaped (see `TextStyle.escape`).
public struct TextStyle: Equatable, Sendable {
    /// Horizontal alignment of lines within the layout width.
    public enum Alignment: Sendable { case left, center, right }
    /// Font family; DejaVu is installed everywhere steptrace runs.
    public var family: String
    /// Size in points.
    public var size: Double
    public var color: Color
    public var bold: Bool
    public var italic: Bool
    public var alignment: Alignment
    /// Wrap lines at this width in points; nil for one unwrapped line per paragraph.
    public var wrapWidth: Double?
    public init(family: String = "DejaVu Sans", size: Double = 10, color: Color = .black, bold: Bool = false,
                italic: Bool = false, alignment: Alignment = .left, wrapWidth: Double? = nil) {
        self.family = family; self.size = size; self.color = color; self.bold = bold
        self.italic = italic; self.alignment = alignment; self.wrapWidth = wrapWidth
    }

    /// Escapes `&`, `<` and `>` so plain text can be used as markup.
    public static func escape(_ plain: String) -> String {
        var out = ""
        out.reserveCapacity(plain.count)
        for c in plain {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            default: out.append(c)
            }
        }
        return out
    }
}

/// Pixels for an image mark: `width × height` RGBA, 8 bits per channel, straight alpha, rows top to bottom.
public struct RasterImage: Equatable, Sendable {
    public var width: Int
    public var height: Int
    public var rgba: [UInt8]
    public init(width: Int, height: Int, rgba: [UInt8]) {
        precondition(rgba.count == width * height * 4, "RasterImage needs width*height*4 bytes")
        self.width = width; self.height = height; self.rgba = rgba
    }
}

/// The whole contract between the figure model and a backend: paths, images and text.
///
/// Coordinates are device points (origin top left, y down). Marks convert data
/// to device space themselves through their axes' transform, so no backend ever
/// sees data coordinates.
public protocol Canvas: AnyObject {
    /// Pushes the graphics state (clip).
    func save()
    /// Pops the graphics state.
    func restore()
    /// Intersects the clip with `rect` until the matching `restore()`.
    func clip(to rect: Rect)
    /// Fills `path` (non-zero winding).
    func fill(_ path: Path, color: Color)
    /// Strokes `path`.
    func stroke(_ path: Path, style: StrokeStyle)
    /// Draws `image` scaled into `rect`; `smooth: false` keeps pixels sharp (nearest neighbour).
    func draw(_ image: RasterImage, in rect: Rect, smooth: Bool)
    /// Draws markup with its layout's top-left corner at `origin`, rotated by `angle` radians about it.
    func drawText(_ markup: String, style: TextStyle, at origin: Point, angle: Double)
    /// The size the markup takes when laid out with `style` (wrapped at `style.wrapWidth` if set).
    func measureText(_ markup: String, style: TextStyle) -> Size
}

/// Something that draws itself into a frame on a canvas: a figure, a table, a paragraph.
///
/// `Sendable` because one page is drawn on two threads at once (its PNG and its PDF).
public protocol Drawable: Sendable {
    /// Draws into `frame` (device points).
    func draw(in canvas: Canvas, frame: Rect)
}
