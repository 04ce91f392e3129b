import Foundation
import Lessons
import Plot
import Trace

/// Writes a lesson's report: `ID/handout.pdf`, `ID/figures/*.png` and `ID/traces/*.csv.gz` (every
/// step's CSV, gzip-compressed) under an output folder, and when asked `ID/worksheet.pdf`,
/// `ID/answers.pdf` and `ID/slides.pdf`. Everything is made in memory first, then
/// written into a hidden temporary folder beside the final one, which replaces the old folder only
/// when complete.
public struct ReportWriter {
    /// Draws figures and pages into PNG, PDF and SVG files.
    public var backend: any RenderBackend
    /// Compresses the traces.
    public var compression: any CompressionBackend
    /// The handout's paper size.
    public var paper: HandoutBuilder.Paper
    /// steptrace's version, printed in the handout's footer.
    public var version: String
    /// Seconds since 1970 stamped into PDFs; fixed so the same lesson gives the same bytes.
    public var creationDate: Int
    /// Pixels per point for figure PNGs (3 ≈ 216 dpi at print size).
    public var pngScale: Double = 3
    /// Also write every figure as SVG beside its PNG.
    public var writesSVG = false
    /// Also write the lesson's web page, `ID/index.html`, and its gallery thumbnail, `ID/thumbnail.png`.
    public var writesHTML = false
    /// Also write `worksheet.pdf` and `answers.pdf` for a lesson with exercises.
    public var writesWorksheet = false
    /// Also write `slides.pdf`.
    public var writesSlides = false
    /// The digits of the trace files: 9 significant by default (`TraceDigits.report`), `.exact` for
    /// the shortest round-trip form `steptrace trace` prints.
    public var traceDigits = TraceDigits.report

    /// A writer drawing with `backend`, compressing traces with `compression`.
    public init(backend: any RenderBackend, compression: any CompressionBackend, paper: HandoutBuilder.Paper,
                version: String, creationDate: Int) {
        self.backend = backend; self.compression = compression
        self.paper = paper; self.version = version; self.creationDate = creationDate
    }

    /// What a finished report holds.
    public struct Summary {
        /// The lesson's id.
        public var lessonID: String
        /// The folder the report was written into, `OUTPUT/ID`.
        public var folder: String
        /// Pages in the handout.
        public var pages: Int
        /// Figures written.
        public var figures: Int
        /// Trace files written.
        public var traces: Int
        /// The worksheet, answer key and slides written beside the handout, in that order.
        public var classroom: [ClassroomFile] = []
    }

    /// Runs `lesson`, builds its handout and writes it under `output`.
    public func write(_ lesson: Lesson, output: String) throws -> Summary {
        try begin(lesson, output: output).finish()
    }

    /// Builds and writes the report of finished `results`.
    public func write(_ results: LessonResults, output: String) throws -> Summary {
        try begin(results, output: output).finish()
    }

    /// Runs `lesson` and writes its figures and handout into a staging folder, leaving its traces
    /// compressing on another thread; `Pending.finish()` waits for them and lands the report. `all`
    /// starts the next lesson in between, so one lesson's traces compress while the next one runs.
    public func begin(_ lesson: Lesson, output: String) throws -> Pending {
        try begin(try LessonResults.run(lesson), output: output)
    }

    /// `begin` for finished `results`.
    public func begin(_ results: LessonResults, output: String) throws -> Pending {
        let lesson = results.lesson
        let final = (output as NSString).appendingPathComponent(lesson.id)
        let staging = (output as NSString).appendingPathComponent(".\(lesson.id).partial-\(getpid())")
        FileOutput.removeLeftovers(of: lesson.id, in: output)
        try FileOutput.makeFolder((staging as NSString).appendingPathComponent("figures"))
        try FileOutput.makeFolder((staging as NSString).appendingPathComponent("traces"))
        // Traces are formatted, compressed and written on the second core while the figures are
        // built, the analyses run and the handout renders (and, in `all`, while the next lesson runs).
        let compression = self.compression
        let digits = traceDigits
        let traces = results.results.map { (id: $0.run.id, trace: $0.trace) }
        let csv = BackgroundJob {
            for (id, trace) in traces {
                let path = (staging as NSString).appendingPathComponent("traces/\(id).csv.gz")
                try compression.streamGzip(to: path) { trace.writeCSV(to: &$0, digits: digits) }
            }
        }
        let figures: [String: BuiltFigure]
        let blocks: HandoutBuilder
        let document: Document
        let classroom: [(name: String, document: Document)]
        do {
            let factory = FigureFactory(results: results)
            var built: [String: BuiltFigure] = [:]
            for spec in lesson.figures { built[spec.id] = try factory.build(spec) }
            figures = built
            let canvas = backend.measuringCanvas()
            let material = LessonMaterial(results: results, figures: figures, paper: paper, version: version)
            blocks = try HandoutComposer(material: material).blocks()
            document = blocks.build(canvasForMeasuring: canvas, title: lesson.title, creationDate: creationDate)
            classroom = try classroomDocuments(material, canvas: canvas)
        } catch {
            csv.waitIgnoringErrors()
            try? FileManager.default.removeItem(atPath: staging)
            throw error
        }
        let pending = Pending(
            traces: csv, staging: staging, final: final,
            summary: Summary(lessonID: lesson.id, folder: final, pages: document.pages.count,
                             figures: lesson.figures.count, traces: results.results.count,
                             classroom: classroom.map { ClassroomFile(name: $0.name, pages: $0.document.pages.count) }))
        do {
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
            if writesHTML { try writeWebPage(results, figures: figures, blocks: blocks, into: staging) }
            for (name, pdf) in classroom { try backend.writePDF(pdf, to: (staging as NSString).appendingPathComponent(name)) }
        } catch {
            pending.abandon()
            throw error
        }
        return pending
    }

    /// A report whose figures and handout are staged and whose traces are still being written.
    public final class Pending {
        private let traces: BackgroundJob
        private let staging: String
        private let final: String
        private let summary: Summary
        private var done = false

        init(traces: BackgroundJob, staging: String, final: String, summary: Summary) {
            self.traces = traces; self.staging = staging; self.final = final; self.summary = summary
        }

        /// Waits for the traces, then puts the staged report in place of any older one.
        public func finish() throws -> Summary {
            precondition(!done, "a pending report is finished once")
            done = true
            do {
                try traces.wait()
                try FileOutput.replaceFolder(final, with: staging)
            } catch {
                try? FileManager.default.removeItem(atPath: staging)
                throw error
            }
            return summary
        }

        /// Waits for the traces and removes the staging folder (an earlier step failed).
        public func abandon() {
            guard !done else { return }
            done = true
            traces.waitIgnoringErrors()
            try? FileManager.default.removeItem(atPath: staging)
        }

        deinit { abandon() }
    }

    /// The handout's text width, which figure PNGs share so they look as on paper.
    var paperTextWidth: Double { HandoutBuilder(paper: paper, footer: "").textArea.width }
}
