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
        let page = Page(size: size, items: [Page.Item(frame: Rect(x: 0, y: 0, width: size.width, height: size.height), content: drawable)])
        try CairoWriter.png(page, to: path, pixelWidth: Int((size.width * scale).rounded()))
    }

    func writePDF(_ document: Document, to path: String) throws {
        try CairoWriter.pdf(document, to: path)
    }
}
