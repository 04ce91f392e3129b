import Plot

extension ReportWriter {
    /// The gallery thumbnail's width in pixels (sharp at about 300 CSS pixels on a 2× screen).
    static let thumbnailPixels = 600.0

    /// Writes the lesson's web page, `index.html`, and the gallery's `thumbnail.png` into `folder` (the
    /// report's staging folder, so both land with the rest of the report).
    func writeWebPage(_ results: LessonResults, figures: [String: BuiltFigure], blocks: HandoutBuilder,
                      into folder: String) throws {
        let page = LessonPage(results: results, figures: figures, blocks: blocks.blocks, backend: backend,
                              figureWidth: paperTextWidth, version: version, traceDigits: traceDigits)
        try FileOutput.write(Array(try page.html().utf8), to: folder + "/index.html")
        if let id = page.thumbnailFigure, let figure = figures[id] {
            let size = page.size(of: figure)
            try backend.writePNG(figure.drawable, size: size, scale: Self.thumbnailPixels / size.width,
                                 to: folder + "/thumbnail.png")
        }
    }
}
