import CCairo

/// Turns a cairo status into `RenderError` (the only place a `cairo_status_t` is interpreted).
func check(_ status: cairo_status_t, path: String) throws {
    guard status != CAIRO_STATUS_SUCCESS else { return }
    throw RenderError(path: path, reason: "cairo: " + String(cString: cairo_status_to_string(status)))
}

/// Owns a `cairo_surface_t`; destroys it (`cairo_surface_destroy`) in deinit.
final class CairoSurface {
    /// The C surface.
    let pointer: OpaquePointer
    /// The file the surface writes, or a description, for error messages.
    let path: String

    /// Adopts `pointer` (from a `cairo_*_surface_create` call) and checks its status.
    init(_ pointer: OpaquePointer, path: String) throws {
        self.pointer = pointer; self.path = path
        try check(cairo_surface_status(pointer), path: path)
    }

    /// An ARGB32 image surface (`cairo_image_surface_create`).
    static func image(width: Int, height: Int, path: String) throws -> CairoSurface {
        guard width > 0, height > 0, width < 32768, height < 32768 else {
            throw RenderError(path: path, reason: "image size \(width)×\(height) is outside 1…32767 pixels")
        }
        return try CairoSurface(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, Int32(width), Int32(height)), path: path)
    }

    /// Finishes the surface (`cairo_surface_finish`, flushing a PDF or SVG to disk) and checks the status.
    func finish() throws {
        cairo_surface_finish(pointer)
        try check(cairo_surface_status(pointer), path: path)
    }

    deinit { cairo_surface_destroy(pointer) }
}

/// Owns a `cairo_t` drawing on a surface; destroys it (`cairo_destroy`) in deinit.
final class CairoContext {
    /// The C context.
    let pointer: OpaquePointer
    /// Keeps the surface alive as long as the context.
    let surface: CairoSurface

    /// A context on `surface` (`cairo_create`), status checked.
    init(surface: CairoSurface) throws {
        self.surface = surface
        pointer = cairo_create(surface.pointer)
        try check(cairo_status(pointer), path: surface.path)
    }

    /// Throws if the context has gone into an error state while drawing (`cairo_status`).
    func checkStatus() throws {
        try check(cairo_status(pointer), path: surface.path)
        try check(cairo_surface_status(surface.pointer), path: surface.path)
    }

    deinit { cairo_destroy(pointer) }
}

/// Owns a `PangoContext` set up for scale-independent layout; releases it (`g_object_unref`) in deinit.
final class PangoTextContext {
    /// The C context.
    let pointer: OpaquePointer

    /// A Pango context for `cairo` with unhinted metrics and unrounded glyph positions, so text measures
    /// the same in a PNG at any pixel density and in a PDF.
    init(cairo: OpaquePointer) {
        pointer = pango_cairo_create_context(cairo)
        let options = cairo_font_options_create()
        cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)
        cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE)
        cairo_font_options_set_antialias(options, CAIRO_ANTIALIAS_GRAY)
        pango_cairo_context_set_font_options(pointer, options)
        cairo_font_options_destroy(options)
        pango_context_set_round_glyph_positions(pointer, 0)
        // 72 dpi makes a point size equal user-space units, so relative sizes (<sub>, <sup>, smaller) work.
        pango_cairo_context_set_resolution(pointer, 72)
    }

    deinit { g_object_unref(UnsafeMutableRawPointer(pointer)) }
}

/// Owns a `PangoLayout`; releases it (`g_object_unref`) in deinit.
final class PangoTextLayout {
    /// The C layout.
    let pointer: OpaquePointer

    /// A layout of `markup` in `context` (`pango_layout_new`, `pango_layout_set_markup`). Markup that does
    /// not parse (`pango_parse_markup`) is shown as plain text instead of failing.
    init(context: PangoTextContext, markup: String, family: String, size: Double, bold: Bool, italic: Bool,
         alignment: PangoAlignment, wrapWidth: Double?) {
        pointer = pango_layout_new(context.pointer)
        let font = pango_font_description_new()
        pango_font_description_set_family(font, family)
        pango_font_description_set_size(font, Int32((size * Double(PANGO_SCALE)).rounded()))
        pango_font_description_set_weight(font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL)
        pango_font_description_set_style(font, italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL)
        pango_layout_set_font_description(pointer, font)
        pango_font_description_free(font)
        if let wrap = wrapWidth, wrap > 0 {
            pango_layout_set_width(pointer, Int32(wrap * Double(PANGO_SCALE)))
            pango_layout_set_wrap(pointer, PANGO_WRAP_WORD_CHAR)
        }
        pango_layout_set_alignment(pointer, alignment)
        var error: UnsafeMutablePointer<GError>? = nil
        if pango_parse_markup(markup, -1, 0, nil, nil, nil, &error) != 0 {
            pango_layout_set_markup(pointer, markup, -1)
        } else {
            if let e = error { g_error_free(e) }
            pango_layout_set_text(pointer, markup, -1)
        }
    }

    /// The logical size in points (`pango_layout_get_extents`).
    var size: (width: Double, height: Double) {
        var logical = PangoRectangle()
        pango_layout_get_extents(pointer, nil, &logical)
        return (Double(logical.width) / Double(PANGO_SCALE), Double(logical.height) / Double(PANGO_SCALE))
    }

    deinit { g_object_unref(UnsafeMutableRawPointer(pointer)) }
}
