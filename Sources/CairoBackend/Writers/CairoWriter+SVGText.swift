import CCairo
import Plot

extension CairoWriter {
    /// The SVG of `page` as text, in points, drawn as `svg(_:to:)` draws it into a file
    /// (`cairo_svg_surface_create_for_stream`); for web pages that inline their figures.
    public static func svgText(_ page: Page) throws -> String {
        let sink = ByteSink()
        let closure = Unmanaged.passUnretained(sink).toOpaque()
        let path = "(inline SVG)"
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
        return String(decoding: sink.bytes, as: UTF8.self)
    }
}

/// The bytes a Cairo stream surface hands over, collected in order (used on one thread only).
private final class ByteSink {
    var bytes: [UInt8] = []
}
