import Foundation

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
    /// Text color.
    public var color: Color
    /// Bold weight for the whole layout (markup may still bolden parts).
    public var bold: Bool
    /// Italic style for the whole layout.
    public var italic: Bool
    /// Alignment of wrapped or multi-line text.
    public var alignment: Alignment
    /// Wrap lines at this width in points; nil for one unwrapped line per paragraph.
    public var wrapWidth: Double?
    /// A style; 10 pt black DejaVu Sans, left-aligned and unwrapped unless told.
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
    /// Width in pixels.
    public var width: Int
    /// Height in pixels.
    public var height: Int
    /// `width × height × 4` bytes: R, G, B, A per pixel, rows top to bottom.
    public var rgba: [UInt8]
    /// An image from its pixels; `rgba` must hold exactly `width × height × 4` bytes.
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

extension TextStyle {
    /// How much smaller Pango sets `<sub>`, `<sup>` and `<small>` than the text around them.
    public static let smallerStep = 1 / 1.2

    /// The smallest size any character of `markup` is set at in this style: `size`, one
    /// `smallerStep` smaller for each level of `<sub>`, `<sup>` and `<small>` it is nested in.
    public func smallestSize(of markup: String) -> Double {
        var depth = 0, deepest = 0
        var rest = markup[...]
        while let open = rest.firstIndex(of: "<") {
            guard let close = rest[open...].firstIndex(of: ">") else { break }
            let tag = rest[rest.index(after: open)..<close]
            let closing = tag.hasPrefix("/")
            let name = (closing ? tag.dropFirst() : tag).prefix { $0.isLetter }
            if name == "sub" || name == "sup" || name == "small" {
                depth += closing ? -1 : 1
                deepest = max(deepest, depth)
            }
            rest = rest[rest.index(after: close)...]
        }
        return deepest == 0 ? size : size * pow(Self.smallerStep, Double(deepest))
    }
}
