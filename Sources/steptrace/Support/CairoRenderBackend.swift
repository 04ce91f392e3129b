import CairoBackend
import Plot
import Reports

/// The Reports backend on Cairo: the only place the CLI picks a drawing library.
struct CairoRenderBackend: RenderBackend {
    let measuring: CairoCanvas

    init() throws {
        do { measuring = try CairoCanvas.measuring() } catch { throw Failure.cannotCreate("cannot start Cairo: \(error)") }
    }

    func measuringCanvas() -> Canvas { measuring }

    func writePNG(_ drawable: any Drawable, size: Size, scale: Double, to path: String) throws {
        try CairoWriter.png(Self.page(drawable, size), to: path, pixelWidth: Int((size.width * scale).rounded()))
    }

    func writeSVG(_ drawable: any Drawable, size: Size, to path: String) throws {
        try CairoWriter.svg(Self.page(drawable, size), to: path)
    }

    func svgText(_ drawable: any Drawable, size: Size) throws -> String {
        try CairoWriter.svgText(Self.page(drawable, size))
    }

    /// One page of `size` holding `drawable` edge to edge.
    private static func page(_ drawable: any Drawable, _ size: Size) -> Page {
        Page(size: size, items: [Page.Item(frame: Rect(x: 0, y: 0, width: size.width, height: size.height), content: drawable)])
    }

    func writePDF(_ document: Document, to path: String) throws {
        try CairoWriter.pdf(document, to: path)
    }

    /// The PNG and the PDF at once, on two threads (`CairoWriter.pngAndPDF`).
    func writePage(_ page: Page, png: String, pixelWidth: Int, pdf: String, title: String, creationDate: Int) throws {
        try CairoWriter.pngAndPDF(page, png: png, pixelWidth: pixelWidth, pdf: pdf, title: title, creationDate: creationDate)
    }
}

/// The Reports compression backend on libdeflate: the only place the CLI picks a compression library.
struct GzipCompression: CompressionBackend {
    /// libdeflate's level for traces: level 1 compresses the trace CSVs (9 significant digits) 5.3×
    /// at about 230 MB/s; level 6 reaches 5.6× at a quarter of the speed, and every second spent here
    /// shows in `all`'s wall time (BENCHMARKS.md, "Compact traces").
    static let traceLevel: Int32 = 1

    func writeGzip(to path: String, _ body: (_ write: (UnsafeRawBufferPointer) -> Void) -> Void) throws {
        try GzipWriter.write(to: path, level: Self.traceLevel, body)
    }
}
