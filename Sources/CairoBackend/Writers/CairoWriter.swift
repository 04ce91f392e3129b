import CCairo
import Dispatch
import Foundation
import Landing
import Parallelism
import Plot

/// Renders pages and documents with Cairo into PNG, PDF and SVG files, all from the same scene.
///
/// Every file is written under a temporary name in its folder and renamed when complete. Failures throw
/// `RenderError` naming the path.
public enum CairoWriter {
    /// Writes `page` as a PNG `pixelWidth` pixels wide (height in proportion) on a white background,
    /// encoded by the fast writer (Sub filter, zlib level 1).
    public static func png(_ page: Page, to path: String, pixelWidth: Int) throws {
        let bytes = try pngBytes(page, pixelWidth: pixelWidth, path: path)
        try write(bytes, to: path)
    }

    /// The PNG file bytes of `page` at `pixelWidth` pixels wide.
    ///
    /// The page is drawn in horizontal bands of at most `bandRows` rows into one band-sized surface
    /// (the page shifted up by whole pixels each time, so every band rasterizes exactly as the full
    /// page would), and each band is filtered and handed to the encoder's workers before the next is
    /// drawn: a 1600 × 2193 page needs a 4.6 MB surface instead of 14 MB. Every band is painted white
    /// first, so every pixel is opaque and the PNG is RGB.
    public static func pngBytes(_ page: Page, pixelWidth: Int, path: String = "(memory)") throws -> [UInt8] {
        let (scale, pixelHeight) = try rasterSize(page, pixelWidth: pixelWidth, path: path)
        let bands = (pixelHeight + bandRows - 1) / bandRows
        // Equal bands, each a whole number of encoder stripes.
        let stripe = PNGEncoder.stripeRows
        let rows = ((pixelHeight + bands - 1) / bands + stripe - 1) / stripe * stripe
        let surface = try CairoSurface.image(width: pixelWidth, height: min(rows, pixelHeight), path: path)
        let context = try CairoContext(surface: surface)
        // The text context takes the device scale when it is made, as in a full-page render.
        cairo_scale(context.pointer, scale, scale)
        let canvas = CairoCanvas(context: context, isVector: false)
        cairo_identity_matrix(context.pointer)
        let stream = PNGEncoder.Stream(width: pixelWidth, height: pixelHeight, opaque: true, path: path)
        var top = 0
        while top < pixelHeight {
            let cr = context.pointer
            cairo_save(cr)
            cairo_identity_matrix(cr)
            cairo_set_source_rgb(cr, 1, 1, 1)
            cairo_paint(cr)
            cairo_translate(cr, 0, -Double(top))
            cairo_scale(cr, scale, scale)
            page.draw(in: canvas)
            cairo_restore(cr)
            try context.checkStatus()
            cairo_surface_flush(surface.pointer)
            guard let data = cairo_image_surface_get_data(surface.pointer) else {
                throw RenderError(path: path, reason: "cairo: no image data")
            }
            let count = min(rows, pixelHeight - top)
            stream.add(data: UnsafePointer(data), rows: count, stride: Int(cairo_image_surface_get_stride(surface.pointer)))
            top += count
        }
        return try stream.finish()
    }

    /// Rows per band when drawing a PNG (about 4.6 MB of surface at 1600 px).
    static let bandRows = 768

    /// The rendered pixels of `page` at `pixelWidth` pixels wide, straight RGBA (a read-back for tests
    /// and previews).
    public static func rasterize(_ page: Page, pixelWidth: Int) throws -> RasterImage {
        let surface = try rasterSurface(page, pixelWidth: pixelWidth, path: "(raster)")
        cairo_surface_flush(surface.pointer)
        let width = Int(cairo_image_surface_get_width(surface.pointer)), height = Int(cairo_image_surface_get_height(surface.pointer))
        let stride = Int(cairo_image_surface_get_stride(surface.pointer))
        guard let data = cairo_image_surface_get_data(surface.pointer) else {
            throw RenderError(path: "(raster)", reason: "cairo: no image data")
        }
        return RasterImage(width: width, height: height, rgba: straightRGBA(data, width: width, height: height, stride: stride))
    }

    /// Reads a PNG file into straight RGBA pixels with Cairo's own PNG reader
    /// (`cairo_image_surface_create_from_png`), independent of the fast writer.
    public static func readPNG(_ path: String) throws -> RasterImage {
        let pointer = cairo_image_surface_create_from_png(path)!
        let surface: CairoSurface
        do { surface = try CairoSurface(pointer, path: path) } catch let e as RenderError {
            throw RenderError(path: path, reason: e.reason, reading: true)
        }
        let width = Int(cairo_image_surface_get_width(surface.pointer)), height = Int(cairo_image_surface_get_height(surface.pointer))
        let stride = Int(cairo_image_surface_get_stride(surface.pointer))
        guard cairo_image_surface_get_format(surface.pointer) == CAIRO_FORMAT_ARGB32 || cairo_image_surface_get_format(surface.pointer) == CAIRO_FORMAT_RGB24,
              let data = cairo_image_surface_get_data(surface.pointer) else {
            throw RenderError(path: path, reason: "unsupported PNG pixel format", reading: true)
        }
        let opaque = cairo_image_surface_get_format(surface.pointer) == CAIRO_FORMAT_RGB24
        var rgba = straightRGBA(data, width: width, height: height, stride: stride)
        if opaque { for i in Swift.stride(from: 3, to: rgba.count, by: 4) { rgba[i] = 255 } }
        return RasterImage(width: width, height: height, rgba: rgba)
    }

    /// Writes `document` as a multi-page vector PDF (`cairo_pdf_surface_create`), one PDF page per page
    /// at its own size, with the document's title and a fixed creation date
    /// (`cairo_pdf_surface_set_metadata`), so the same document gives the same bytes.
    public static func pdf(_ document: Document, to path: String) throws {
        try RenderError.landing(path) { temporary in
            let first = document.pages.first?.size ?? Size.a4
            let surface = try CairoSurface(cairo_pdf_surface_create(temporary, first.width, first.height), path: temporary)
            let date = pdfDate(document.creationDate)
            cairo_pdf_surface_set_metadata(surface.pointer, CAIRO_PDF_METADATA_TITLE, document.title)
            cairo_pdf_surface_set_metadata(surface.pointer, CAIRO_PDF_METADATA_CREATOR, "steptrace")
            cairo_pdf_surface_set_metadata(surface.pointer, CAIRO_PDF_METADATA_CREATE_DATE, date)
            cairo_pdf_surface_set_metadata(surface.pointer, CAIRO_PDF_METADATA_MOD_DATE, date)
            let context = try CairoContext(surface: surface)
            let canvas = CairoCanvas(context: context, isVector: true)
            for page in document.pages {
                cairo_pdf_surface_set_size(surface.pointer, page.size.width, page.size.height)
                fillWhite(context.pointer, page.size)
                page.draw(in: canvas)
                cairo_show_page(context.pointer)
                try context.checkStatus()
            }
            try surface.finish()
        }
    }

    /// Lands finished file bytes at `path` (`FileLanding`), failures as `RenderError`.
    static func write(_ bytes: [UInt8], to path: String) throws {
        do { try FileLanding.write(bytes, to: path) } catch let failure as FileLanding.Failure {
            throw RenderError(path: path, reason: failure.reason)
        }
    }

    /// Writes `page` as an SVG in points (`svgBytes`: the same bytes every time for the same page).
    public static func svg(_ page: Page, to path: String) throws {
        let bytes = try svgBytes(page, path: path)
        try write(bytes, to: path)
    }

    /// Writes a PNG and a one-page PDF of the same `page` concurrently on two threads.
    ///
    /// The PDF is written on a worker thread and the PNG on the calling thread; the PNG encoder's stripes
    /// are deflated on further workers, so both cores stay busy (the earlier `concurrentPerform` pair made
    /// any parallel work inside it run serially). Both files land whole; if either fails, the first
    /// error (PNG first) is thrown after both finish.
    public static func pngAndPDF(_ page: Page, png pngPath: String, pixelWidth: Int, pdf pdfPath: String, title: String,
                                 creationDate: Int = 0) throws {
        let pdfError = Locked<Error?>(nil)
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group) {
            do {
                try pdf(Document(pages: [page], title: title, creationDate: creationDate), to: pdfPath)
            } catch { pdfError.withLock { $0 = error } }
        }
        var pngError: Error?
        do { try png(page, to: pngPath, pixelWidth: pixelWidth) } catch { pngError = error }
        group.wait()
        if let e = pngError ?? pdfError.withLock({ $0 }) { throw e }
    }

    /// A PDF date string `YYYY-MM-DDThh:mm:ssZ` (UTC) for `seconds` since 1970. The caller chooses the
    /// date (the command line honours `SOURCE_DATE_EPOCH`), so the same document gives the same bytes.
    static func pdfDate(_ seconds: Int) -> String {
        var t = time_t(seconds)
        var parts = tm()
        gmtime_r(&t, &parts)
        func two(_ v: Int32) -> String { v < 10 ? "0\(v)" : "\(v)" }
        return "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday))T\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec))Z"
    }

    /// The device scale and pixel height of `page` drawn `pixelWidth` pixels wide.
    static func rasterSize(_ page: Page, pixelWidth: Int, path: String) throws -> (scale: Double, height: Int) {
        guard pixelWidth > 0, page.size.width > 0, page.size.height > 0 else {
            throw RenderError(path: path, reason: "needs a positive pixel width and page size")
        }
        let scale = Double(pixelWidth) / page.size.width
        return (scale, max(1, Int((page.size.height * scale).rounded())))
    }

    static func rasterSurface(_ page: Page, pixelWidth: Int, path: String) throws -> CairoSurface {
        let (scale, pixelHeight) = try rasterSize(page, pixelWidth: pixelWidth, path: path)
        let surface = try CairoSurface.image(width: pixelWidth, height: pixelHeight, path: path)
        let context = try CairoContext(surface: surface)
        // White over every pixel, the partly covered last row included, so the PNG can be opaque RGB.
        cairo_set_source_rgb(context.pointer, 1, 1, 1)
        cairo_paint(context.pointer)
        cairo_scale(context.pointer, scale, scale)
        page.draw(in: CairoCanvas(context: context, isVector: false))
        try context.checkStatus()
        return surface
    }

    static func fillWhite(_ cr: OpaquePointer, _ size: Size) {
        cairo_save(cr)
        cairo_set_source_rgb(cr, 1, 1, 1)
        cairo_rectangle(cr, 0, 0, size.width, size.height)
        cairo_fill(cr)
        cairo_restore(cr)
    }

    /// Unpremultiplied RGBA bytes of an ARGB32 buffer.
    static func straightRGBA(_ data: UnsafeMutablePointer<UInt8>, width: Int, height: Int, stride: Int) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: width * height * 4)
        for y in 0..<height {
            let row = UnsafeRawPointer(data + y * stride).assumingMemoryBound(to: UInt32.self)
            for x in 0..<width {
                let (r, g, b, a) = ARGB32.straight(row[x])
                let o = 4 * (y * width + x)
                out[o] = r; out[o + 1] = g; out[o + 2] = b; out[o + 3] = a
            }
        }
        return out
    }
}
