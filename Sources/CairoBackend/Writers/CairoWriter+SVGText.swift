import CCairo
import Plot

extension CairoWriter {
    /// The SVG of `page` as text, in points, the bytes `svg(_:to:)` writes; for web pages that
    /// inline their figures.
    public static func svgText(_ page: Page) throws -> String {
        String(decoding: try svgBytes(page, path: "(inline SVG)"), as: UTF8.self)
    }

    /// The SVG of `page` in points (`cairo_svg_surface_create_for_stream`), its ids renumbered per
    /// file (`SVGIds`) so the same page always gives the same bytes; `path` names it in errors.
    static func svgBytes(_ page: Page, path: String) throws -> [UInt8] {
        let sink = ByteSink()
        let closure = Unmanaged.passUnretained(sink).toOpaque()
        try withExtendedLifetime(sink) {
            let surface = try CairoSurface(cairo_svg_surface_create_for_stream({ closure, data, length in
                guard let closure, let data else { return CAIRO_STATUS_WRITE_ERROR }
                let sink = Unmanaged<ByteSink>.fromOpaque(closure).takeUnretainedValue()
                sink.bytes.append(contentsOf: UnsafeBufferPointer(start: data, count: Int(length)))
                return CAIRO_STATUS_SUCCESS
            }, closure, page.size.width, page.size.height), path: path)
            cairo_svg_surface_set_document_unit(surface.pointer, CAIRO_SVG_UNIT_PT)
            let context = try CairoContext(surface: surface)
            fillWhite(context.pointer, page.size)
            page.draw(in: CairoCanvas(context: context, isVector: false))
            try context.checkStatus()
            try surface.finish()
        }
        return SVGIds.renumbered(sink.bytes)
    }
}

/// The bytes a Cairo stream surface hands over, collected in order (used on one thread only).
private final class ByteSink {
    var bytes: [UInt8] = []
}
