import Plot

/// What Reports needs from a drawing backend; the CLI supplies the Cairo one.
public protocol RenderBackend {
    /// A canvas whose `measureText` matches what the files will show.
    func measuringCanvas() -> Canvas
    /// Writes `drawable` at `size` points, `scale` pixels per point, as a PNG at `path` (whole or not at all).
    func writePNG(_ drawable: any Drawable, size: Size, scale: Double, to path: String) throws
    /// Writes `drawable` at `size` points as an SVG at `path` (whole or not at all).
    func writeSVG(_ drawable: any Drawable, size: Size, to path: String) throws
    /// The SVG of `drawable` at `size` points, as text (web pages inline their figures).
    func svgText(_ drawable: any Drawable, size: Size) throws -> String
    /// Writes `document` as a multi-page PDF at `path` (whole or not at all).
    func writePDF(_ document: Document, to path: String) throws
    /// Writes `page` as a PNG `pixelWidth` pixels wide and as a one-page PDF titled `title` (see the default).
    func writePage(_ page: Page, png: String, pixelWidth: Int, pdf: String, title: String, creationDate: Int) throws
}

extension RenderBackend {
    /// Writes `page` as a PNG `pixelWidth` pixels wide and as a one-page PDF titled `title`, each whole
    /// or not at all. This default writes one after the other; a backend may write both at once.
    public func writePage(_ page: Page, png: String, pixelWidth: Int, pdf: String, title: String, creationDate: Int) throws {
        try writePNG(page, size: page.size, scale: Double(pixelWidth) / page.size.width, to: png)
        try writePDF(Document(pages: [page], title: title, creationDate: creationDate), to: pdf)
    }
}
