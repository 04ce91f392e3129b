import CCairo
import Foundation
import Plot

/// A `Canvas` drawing with Cairo (paths, images) and Pango (text with markup, wrapping, alignment).
///
/// Coordinates are points; the PNG writer scales the context so one point is `pixelWidth / page width`
/// pixels. Text metrics are unhinted, so layout is the same in PNG, PDF and SVG.
public final class CairoCanvas: Canvas {
    let context: CairoContext
    let text: PangoTextContext
    /// Vector surfaces keep images un-padded (PAD extend would force a raster fallback in PDF).
    let isVector: Bool
    /// Sizes already measured on this canvas.
    private var measured: [MeasureKey: Size] = [:]
    /// Image surfaces already made from images drawn on this canvas.
    private var images: [(image: RasterImage, surface: CairoSurface)] = []

    init(context: CairoContext, isVector: Bool) {
        self.context = context; self.isVector = isVector
        text = PangoTextContext(cairo: context.pointer)
    }

    /// A canvas on a 1×1 image surface, for measuring text outside a render (e.g. planning a page).
    public static func measuring() throws -> CairoCanvas {
        let surface = try CairoSurface.image(width: 1, height: 1, path: "(measuring canvas)")
        return CairoCanvas(context: try CairoContext(surface: surface), isVector: false)
    }

    private var cr: OpaquePointer { context.pointer }

    /// `cairo_save`.
    public func save() { cairo_save(cr) }
    /// `cairo_restore`.
    public func restore() { cairo_restore(cr) }

    /// `cairo_rectangle` + `cairo_clip`.
    public func clip(to rect: Rect) {
        cairo_new_path(cr)
        cairo_rectangle(cr, rect.x, rect.y, rect.width, rect.height)
        cairo_clip(cr)
    }

    /// Fills with `cairo_fill` (non-zero winding).
    public func fill(_ path: Path, color: Color) {
        guard trace(path) else { return }
        setColor(color)
        cairo_set_fill_rule(cr, CAIRO_FILL_RULE_WINDING)
        cairo_fill(cr)
    }

    /// Strokes with `cairo_stroke` after setting width, dashes, caps and joins.
    public func stroke(_ path: Path, style: StrokeStyle) {
        guard style.width > 0, trace(path) else { return }
        setColor(style.color)
        cairo_set_line_width(cr, style.width)
        if style.dash.isEmpty {
            cairo_set_dash(cr, nil, 0, 0)
        } else {
            style.dash.withUnsafeBufferPointer { cairo_set_dash(cr, $0.baseAddress, Int32($0.count), 0) }
        }
        switch style.cap {
        case .butt: cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT)
        case .round: cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND)
        case .square: cairo_set_line_cap(cr, CAIRO_LINE_CAP_SQUARE)
        }
        switch style.join {
        case .miter: cairo_set_line_join(cr, CAIRO_LINE_JOIN_MITER)
        case .round: cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND)
        case .bevel: cairo_set_line_join(cr, CAIRO_LINE_JOIN_BEVEL)
        }
        cairo_stroke(cr)
    }

    /// Paints `image` from an ARGB32 image surface scaled into `rect`, with `CAIRO_FILTER_NEAREST` or
    /// `CAIRO_FILTER_BILINEAR`.
    public func draw(_ image: RasterImage, in rect: Rect, smooth: Bool) {
        guard image.width > 0, image.height > 0, rect.width > 0, rect.height > 0,
              let surface = imageSurface(image) else { return }
        cairo_save(cr)
        cairo_new_path(cr)
        cairo_rectangle(cr, rect.x, rect.y, rect.width, rect.height)
        cairo_clip(cr)
        cairo_translate(cr, rect.x, rect.y)
        cairo_scale(cr, rect.width / Double(image.width), rect.height / Double(image.height))
        cairo_set_source_surface(cr, surface.pointer, 0, 0)
        let pattern = cairo_get_source(cr)
        cairo_pattern_set_filter(pattern, smooth ? CAIRO_FILTER_BILINEAR : CAIRO_FILTER_NEAREST)
        cairo_pattern_set_extend(pattern, isVector ? CAIRO_EXTEND_NONE : CAIRO_EXTEND_PAD)
        cairo_paint(cr)
        cairo_restore(cr)
    }

    /// The ARGB32 image surface holding `image`, made once per image and canvas: a heatmap shown in
    /// several panels is converted (and, in a PDF, hashed and embedded) once.
    private func imageSurface(_ image: RasterImage) -> CairoSurface? {
        // Equal images usually share one pixel buffer, which makes this comparison immediate.
        if let hit = images.first(where: { $0.image == image }) { return hit.surface }
        guard let surface = try? CairoSurface.image(width: image.width, height: image.height, path: "(image)") else { return nil }
        let stride = Int(cairo_image_surface_get_stride(surface.pointer))
        cairo_surface_flush(surface.pointer)
        guard let data = cairo_image_surface_get_data(surface.pointer) else { return nil }
        image.rgba.withUnsafeBufferPointer { src in
            for y in 0..<image.height {
                let row = UnsafeMutableRawPointer(data + y * stride).assumingMemoryBound(to: UInt32.self)
                for x in 0..<image.width {
                    let s = 4 * (y * image.width + x)
                    let a = UInt32(src[s + 3])
                    let r = UInt32(src[s]), g = UInt32(src[s + 1]), b = UInt32(src[s + 2])
                    // Cairo wants premultiplied alpha in a native-endian 32-bit word.
                    row[x] = a == 255 ? 0xFF00_0000 | (r << 16) | (g << 8) | b
                        : (a << 24) | ((r * a + 127) / 255) << 16 | ((g * a + 127) / 255) << 8 | (b * a + 127) / 255
                }
            }
        }
        cairo_surface_mark_dirty(surface.pointer)
        if isVector { tagContent(surface, image) }
        if images.count >= 8 { images.removeFirst() }
        images.append((image, surface))
        return surface
    }

    /// Gives the image surface an id made from its pixels (`cairo_surface_set_mime_data` with
    /// `CAIRO_MIME_TYPE_UNIQUE_ID`), so a PDF embeds one copy of an image drawn in several panels.
    private func tagContent(_ surface: CairoSurface, _ image: RasterImage) {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in image.rgba { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        let id = "steptrace-\(image.width)x\(image.height)-\(String(hash, radix: 16))"
        let bytes = Array(id.utf8)
        guard let copy = malloc(bytes.count) else { return }
        bytes.withUnsafeBytes { copy.copyMemory(from: $0.baseAddress!, byteCount: bytes.count) }
        let status = cairo_surface_set_mime_data(surface.pointer, CAIRO_MIME_TYPE_UNIQUE_ID, copy.assumingMemoryBound(to: UInt8.self),
                                                 UInt(bytes.count), { free($0) }, copy)
        if status != CAIRO_STATUS_SUCCESS { free(copy) }
    }

    /// Lays out `markup` with Pango and shows it (`pango_cairo_show_layout`) with its top-left corner at
    /// `origin`, rotated by `angle` radians about that corner.
    public func drawText(_ markup: String, style: TextStyle, at origin: Point, angle: Double) {
        cairo_save(cr)
        cairo_translate(cr, origin.x, origin.y)
        if angle != 0 { cairo_rotate(cr, angle) }
        pango_cairo_update_context(cr, text.pointer)
        let layout = self.layout(markup, style: style)
        setColor(style.color)
        cairo_move_to(cr, 0, 0)
        pango_cairo_show_layout(cr, layout.pointer)
        cairo_restore(cr)
    }

    /// The logical size of the Pango layout of `markup` in points; each text and style is laid out for
    /// measuring once per canvas (a figure measures its tick labels while laying out and again while
    /// drawing).
    public func measureText(_ markup: String, style: TextStyle) -> Size {
        var plain = style
        plain.color = .black
        let key = MeasureKey(markup: markup, style: plain)
        if let size = measured[key] { return size }
        let s = layout(markup, style: style).size
        let size = Size(s.width, s.height)
        measured[key] = size
        return size
    }

    private func layout(_ markup: String, style: TextStyle) -> PangoTextLayout {
        let alignment: PangoAlignment
        switch style.alignment {
        case .left: alignment = PANGO_ALIGN_LEFT
        case .center: alignment = PANGO_ALIGN_CENTER
        case .right: alignment = PANGO_ALIGN_RIGHT
        }
        return PangoTextLayout(context: text, markup: CairoCanvas.explicitScripts(markup, size: style.size), family: style.family, size: style.size, bold: style.bold,
                               italic: style.italic, alignment: alignment, wrapWidth: style.wrapWidth)
    }

    /// `<sub>`/`<sup>` rewritten as spans with an explicit size and rise: Pango 1.50's own superscript
    /// scaling (from font metrics) comes out larger than the base text with DejaVu Sans.
    static func explicitScripts(_ markup: String, size: Double) -> String {
        guard markup.contains("<su") else { return markup }
        let small = Int((size * 0.72 * 1024).rounded()), up = Int((size * 0.38 * 1024).rounded())
        let down = Int((size * 0.16 * 1024).rounded())
        return markup
            .replacingOccurrences(of: "<sup>", with: "<span size=\"\(small)\" rise=\"\(up)\">")
            .replacingOccurrences(of: "<sub>", with: "<span size=\"\(small)\" rise=\"-\(down)\">")
            .replacingOccurrences(of: "</sup>", with: "</span>")
            .replacingOccurrences(of: "</sub>", with: "</span>")
    }

    private func setColor(_ c: Color) { cairo_set_source_rgba(cr, c.red, c.green, c.blue, c.alpha) }

    /// Replaces the current path with `path`; false when it is empty.
    private func trace(_ path: Path) -> Bool {
        cairo_new_path(cr)
        guard !path.elements.isEmpty else { return false }
        // A non-finite coordinate would put the context into an error state; such a path is not drawn.
        for element in path.elements {
            switch element {
            case .move(let p), .line(let p): if !p.x.isFinite || !p.y.isFinite { return false }
            case .curve(let a, let b, let p):
                if ![a.x, a.y, b.x, b.y, p.x, p.y].allSatisfy(\.isFinite) { return false }
            case .close: break
            }
        }
        for element in path.elements {
            switch element {
            case .move(let p): cairo_move_to(cr, p.x, p.y)
            case .line(let p): cairo_line_to(cr, p.x, p.y)
            case .curve(let a, let b, let p): cairo_curve_to(cr, a.x, a.y, b.x, b.y, p.x, p.y)
            case .close: cairo_close_path(cr)
            }
        }
        return true
    }
}

/// A measured text: markup and style, with the color left out (it does not change the size).
private struct MeasureKey: Hashable {
    let markup: String
    let style: TextStyle

    static func == (a: MeasureKey, b: MeasureKey) -> Bool { a.markup == b.markup && a.style == b.style }

    func hash(into hasher: inout Hasher) {
        hasher.combine(markup)
        hasher.combine(style.family)
        hasher.combine(style.size)
        hasher.combine(style.bold)
        hasher.combine(style.italic)
        hasher.combine(style.wrapWidth)
    }
}
