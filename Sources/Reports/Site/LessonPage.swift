import Foundation
import Lessons
import Plot
import Trace

/// A lesson's web page, `ID/index.html`: the handout's blocks in the same order as HTML, its figures
/// inline as SVG (the same drawing as the PDF's), a step scrubber under every figure that draws paths,
/// and links to the handout, the figure PNGs and the traces.
///
/// The page is one file with its style and script inside: it loads nothing, works from `file://` and
/// from any static host, and without JavaScript it reads as the handout does (the scrubbers stay hidden).
struct LessonPage {
    let results: LessonResults
    let figures: [String: BuiltFigure]
    /// The handout's blocks (`HandoutComposer.blocks()`).
    let blocks: [HandoutBuilder.Block]
    let backend: any RenderBackend
    /// The width figures are drawn at, in points (the handout's text width, as for the PNGs).
    let figureWidth: Double
    let version: String
    /// The digits the trace files were written with, named beside their links.
    let traceDigits: TraceDigits
    /// The scrubber of every figure that draws paths, by figure id.
    let scrubbers: [String: Scrubber]

    /// The page of `results`, whose figures are `figures` and whose handout has `blocks`.
    init(results: LessonResults, figures: [String: BuiltFigure], blocks: [HandoutBuilder.Block], backend: any RenderBackend,
         figureWidth: Double, version: String, traceDigits: TraceDigits = .report) {
        self.results = results; self.figures = figures; self.blocks = blocks; self.backend = backend
        self.figureWidth = figureWidth; self.version = version; self.traceDigits = traceDigits
        let canvas = backend.measuringCanvas()
        var scrubbers: [String: Scrubber] = [:]
        for spec in results.lesson.figures {
            guard let built = figures[spec.id] else { continue }
            let size = Size(figureWidth, figureWidth / built.aspectRatio)
            scrubbers[spec.id] = Scrubber(figure: built.drawable, runs: results.results(named: spec.runs), size: size, canvas: canvas)
        }
        self.scrubbers = scrubbers
    }

    var lesson: Lesson { results.lesson }

    /// Figure ids in the order the handout numbers them: where the notes place them, then the rest.
    var figureOrder: [String] {
        var placed: [String] = []
        for case .insert("figure", let id?) in lesson.notes where figures[id] != nil { placed.append(id) }
        return placed + lesson.figures.map(\.id).filter { !placed.contains($0) }
    }

    /// The figure the gallery shows: the first (in handout order) with a scrubber, else the first.
    var thumbnailFigure: String? {
        let order = figureOrder
        return order.first { scrubbers[$0] != nil } ?? order.first
    }

    /// A built figure's size on the page, in points.
    func size(of figure: BuiltFigure) -> Size { Size(figureWidth, figureWidth / figure.aspectRatio) }

    /// The whole page.
    func html() throws -> String {
        var body: [String] = []
        let order = figureOrder
        let figureBlocks = blocks.filter { if case .figure = $0 { return true } else { return false } }.count
        for block in blocks {
            switch block {
            case let .title(title, subtitle, meta):
                body.append(header(title: title, subtitle: subtitle, meta: meta))
            case .heading(let markup):
                body.append("<h2>\(HTMLText.html(fromMarkup: markup))</h2>")
            case .paragraph(let markup):
                body.append("<p>\(HTMLText.html(fromMarkup: markup))</p>")
            case .bullets(let items):
                body.append("<ul>" + items.map { "<li>\(HTMLText.html(fromMarkup: $0))</li>" }.joined() + "</ul>")
            case .numbered(let items, let start):
                body.append("<ol start=\"\(start)\">" + items.map { "<li>\(HTMLText.html(fromMarkup: $0))</li>" }.joined() + "</ol>")
            case .formula(let markup):
                body.append("<div class=\"formula\">\(HTMLText.html(fromMarkup: markup))</div>")
            case let .figure(drawable, width, height, caption, number):
                // The handout numbers figures as `figureOrder` lists them; a page built otherwise gets no scrubbers.
                let id = figureBlocks == order.count ? order[number - 1] : "figure-\(number)"
                let w = width ?? figureWidth
                let size: Size
                switch height {
                case .fixed(let h): size = Size(w, h)
                case .aspectRatio(let ratio): size = Size(w, w / ratio)
                }
                body.append(try figure(drawable, id: id, size: size, caption: caption, number: number))
            case let .table(table, caption, number):
                body.append(Self.table(table, caption: caption, number: number))
            case let .resultsBox(title, rows):
                body.append(Self.resultsBox(title: title, rows: rows))
            case .pageBreak, .drawing:
                // Worksheets' empty axes never reach a handout, so a page has none to show.
                break
            }
        }
        body.append(files())
        return page(body: body.joined(separator: "\n"))
    }

    private func page(body: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta http-equiv="Content-Security-Policy" content="\(SiteStyle.contentSecurityPolicy)">
        <meta name="generator" content="steptrace \(HTMLText.escape(version))">
        <title>\(HTMLText.escape(lesson.title)) · steptrace</title>
        <style>\(SiteStyle.css)</style>
        </head>
        <body>
        <main class="lesson">
        \(body)
        </main>
        <script>\(SiteScript.source)</script>
        </body>
        </html>

        """
    }

    private func header(title: String, subtitle: String?, meta: String?) -> String {
        var out = "<nav class=\"crumbs\"><a href=\"../index.html\">All lessons</a></nav>\n<header class=\"lesson-head\">"
        out += "<h1>\(HTMLText.html(fromMarkup: title))</h1>"
        if let subtitle { out += "<p class=\"subtitle\">\(HTMLText.html(fromMarkup: subtitle))</p>" }
        if let meta { out += "<p class=\"meta\">\(HTMLText.html(fromMarkup: meta))</p>" }
        out += "<p class=\"downloads\"><a href=\"handout.pdf\">Handout (PDF)</a> · <a href=\"#files\">Figures and traces</a></p>"
        return out + "</header>"
    }

    /// The links to the report's files: the handout, every figure PNG, every trace.
    private func files() -> String {
        var out = "<section id=\"files\" class=\"files\"><h2>Files</h2><ul>"
        out += "<li><a href=\"handout.pdf\">handout.pdf</a>: the printable handout</li>"
        for spec in lesson.figures {
            out += "<li><a href=\"figures/\(HTMLText.escape(spec.id)).png\">figures/\(HTMLText.escape(spec.id)).png</a></li>"
        }
        let digits: String
        switch traceDigits {
        case .exact: digits = "exact values"
        case .significant(let n): digits = "\(n) significant digits"
        }
        for result in results.results {
            let name = "traces/\(result.run.id).csv.gz"
            out += "<li><a href=\"\(HTMLText.escape(name))\">\(HTMLText.escape(name))</a>: every step of "
                + "<i>\(HTMLText.escape(result.run.label))</i> (\(result.trace.count) rows, gzip-compressed CSV, \(digits))</li>"
        }
        return out + "</ul></section>"
    }

    /// A table as the handout prints it: the same rows (with `⋮` where rows are left out) and digits.
    static func table(_ table: Table, caption: String?, number: Int) -> String {
        var out = "<div class=\"table-block\">"
        out += "<p class=\"caption\"><span class=\"label\">Table \(number).</span> \(caption.map(HTMLText.html(fromMarkup:)) ?? "")</p>"
        out += "<div class=\"scroll\"><table class=\"steps\"><thead><tr>"
        let cells: [[String]] = table.columns.map { column in
            switch column.content {
            case .integers(let values): return values.map { ColumnNumberFormat.integer($0).markup }
            case .numbers(let values): return table.numberFormat.format(values).map(\.markup)
            case .text(let values): return values
            }
        }
        for column in table.columns {
            let numeric: Bool
            if case .text = column.content { numeric = false } else { numeric = true }
            out += "<th\(numeric ? " class=\"num\"" : "")>\(HTMLText.html(fromMarkup: column.header))</th>"
        }
        out += "</tr></thead><tbody>"
        for row in table.visibleRows {
            guard let row else {
                out += "<tr class=\"ellipsis\"><td colspan=\"\(table.columns.count)\">⋮</td></tr>"
                continue
            }
            out += table.highlightedRows.contains(row) ? "<tr class=\"highlight\">" : "<tr>"
            for (c, column) in table.columns.enumerated() {
                if case .text = column.content {
                    out += "<td>\(HTMLText.html(fromMarkup: cells[c][row]))</td>"
                } else {
                    out += "<td class=\"num\">\(HTMLText.html(fromMarkup: cells[c][row]))</td>"
                }
            }
            out += "</tr>"
        }
        return out + "</tbody></table></div></div>"
    }

    /// A results box: its title and key–value lines.
    static func resultsBox(title: String, rows: [(String, String)]) -> String {
        var out = "<aside class=\"results\"><h2>\(HTMLText.html(fromMarkup: title))</h2><dl>"
        for (key, value) in rows {
            out += "<div><dt>\(HTMLText.html(fromMarkup: key))</dt><dd>\(HTMLText.html(fromMarkup: value))</dd></div>"
        }
        return out + "</dl></aside>"
    }
}
