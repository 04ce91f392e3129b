import Foundation
import Lessons
import Plot
import Trace

/// Writes a lesson's report: `ID/handout.pdf`, `ID/figures/*.png` and `ID/traces/*.csv.gz` (every
/// step's CSV, gzip-compressed) under an output folder. Everything is made in memory first, then
/// written into a hidden temporary folder beside the final one, which replaces the old folder only
/// when complete.
public struct ReportWriter {
    public var backend: any RenderBackend
    /// Compresses the traces.
    public var compression: any CompressionBackend
    public var paper: HandoutBuilder.Paper
    public var version: String
    /// Seconds since 1970 stamped into PDFs; fixed so the same lesson gives the same bytes.
    public var creationDate: Int
    /// Pixels per point for figure PNGs (3 ≈ 216 dpi at print size).
    public var pngScale: Double = 3
    /// Also write every figure as SVG beside its PNG.
    public var writesSVG = false

    /// A writer drawing with `backend`, compressing traces with `compression`.
    public init(backend: any RenderBackend, compression: any CompressionBackend, paper: HandoutBuilder.Paper,
                version: String, creationDate: Int) {
        self.backend = backend; self.compression = compression
        self.paper = paper; self.version = version; self.creationDate = creationDate
    }

    /// What a finished report holds.
    public struct Summary {
        public var lessonID: String
        public var folder: String
        public var pages: Int
        public var figures: Int
        public var traces: Int
    }

    /// Runs `lesson`, builds its handout and writes it under `output`.
    public func write(_ lesson: Lesson, output: String) throws -> Summary {
        let results = try LessonResults.run(lesson)
        return try write(results, output: output)
    }

    /// Builds and writes the report of finished `results`.
    public func write(_ results: LessonResults, output: String) throws -> Summary {
        let lesson = results.lesson
        let factory = FigureFactory(results: results)
        var figures: [String: BuiltFigure] = [:]
        for spec in lesson.figures { figures[spec.id] = try factory.build(spec) }
        let canvas = backend.measuringCanvas()
        let composer = HandoutComposer(results: results, figures: figures, paper: paper, version: version)
        let document = try composer.compose(canvas: canvas, creationDate: creationDate)

        let final = (output as NSString).appendingPathComponent(lesson.id)
        let staging = (output as NSString).appendingPathComponent(".\(lesson.id).partial-\(getpid())")
        FileOutput.removeLeftovers(of: lesson.id, in: output)
        try FileOutput.makeFolder((staging as NSString).appendingPathComponent("figures"))
        try FileOutput.makeFolder((staging as NSString).appendingPathComponent("traces"))
        do {
            // Traces are formatted, compressed and written on the second core while the figures and
            // the handout render.
            let compression = self.compression
            let csv = BackgroundJob {
                for result in results.results {
                    let path = (staging as NSString).appendingPathComponent("traces/\(result.run.id).csv.gz")
                    try compression.streamGzip(to: path) { result.trace.writeCSV(to: &$0) }
                }
            }
            defer { csv.waitIgnoringErrors() }
            let width = paperTextWidth
            for spec in lesson.figures {
                let figure = figures[spec.id]!
                let path = (staging as NSString).appendingPathComponent("figures/\(spec.id).png")
                let size = Size(width, width / figure.aspectRatio)
                try backend.writePNG(figure.drawable, size: size, scale: pngScale, to: path)
                if writesSVG {
                    let svg = (staging as NSString).appendingPathComponent("figures/\(spec.id).svg")
                    try backend.writeSVG(figure.drawable, size: size, to: svg)
                }
            }
            try backend.writePDF(document, to: (staging as NSString).appendingPathComponent("handout.pdf"))
            try csv.wait()
            try FileOutput.replaceFolder(final, with: staging)
        } catch {
            try? FileManager.default.removeItem(atPath: staging)
            throw error
        }
        return Summary(lessonID: lesson.id, folder: final, pages: document.pages.count, figures: lesson.figures.count,
                       traces: results.results.count)
    }

    /// The handout's text width, which figure PNGs share so they look as on paper.
    var paperTextWidth: Double { HandoutBuilder(paper: paper, footer: "").textArea.width }
}
