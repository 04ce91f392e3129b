import Foundation
import Lessons
import Parallelism
import Plot
import TestSupport
@testable import Reports

/// What a `FakeBackend` was asked to write (traces are written on another thread, hence the lock).
final class BackendLog: Sendable {
    struct PNGCall { var path: String; var size: Size; var scale: Double; var dump: String }
    struct PDFCall { var path: String; var document: Document }
    struct Calls {
        var pngs: [PNGCall] = []
        var pdfs: [PDFCall] = []
        var svgs: [String] = []
        var gzips: [String] = []
    }
    let calls = Locked(Calls())
    var pngs: [PNGCall] { calls.withLock { $0.pngs } }
    var pdfs: [PDFCall] { calls.withLock { $0.pdfs } }
    var svgs: [String] { calls.withLock { $0.svgs } }
    var gzips: [String] { calls.withLock { $0.gzips } }
}

/// A `RenderBackend` that draws into recording canvases and writes small marker files instead of images,
/// and a `CompressionBackend` that writes its bytes uncompressed (zlib is tested in CairoBackendTests and
/// end to end).
struct FakeBackend: RenderBackend, CompressionBackend {
    let log = BackendLog()
    /// Throw from `writePDF` (after the PNGs), to test that nothing half-made lands.
    var failsOnPDF = false

    struct Refused: Error {}

    func measuringCanvas() -> Canvas { RecordingCanvas() }

    func writePNG(_ drawable: any Drawable, size: Size, scale: Double, to path: String) throws {
        let canvas = RecordingCanvas()
        drawable.draw(in: canvas, frame: Rect(x: 0, y: 0, width: size.width, height: size.height))
        log.calls.withLock { $0.pngs.append(.init(path: path, size: size, scale: scale, dump: canvas.dump)) }
        try FileOutput.write(Array("fake png \(size.width)x\(size.height)\n".utf8), to: path)
    }

    func writeSVG(_ drawable: any Drawable, size: Size, to path: String) throws {
        log.calls.withLock { $0.svgs.append(path) }
        try FileOutput.write(Array("fake svg \(size.width)x\(size.height)\n".utf8), to: path)
    }

    /// A small SVG with one id, as Cairo's hold many (pages must keep ids apart).
    func svgText(_ drawable: any Drawable, size: Size) throws -> String {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" "
            + "width=\"\(size.width)pt\" height=\"\(size.height)pt\" viewBox=\"0 0 \(size.width) \(size.height)\" version=\"1.1\">\n"
            + "<g id=\"surface1\"><use xlink:href=\"#surface1\"/></g>\n</svg>\n"
    }

    func writePDF(_ document: Document, to path: String) throws {
        if failsOnPDF { throw Refused() }
        log.calls.withLock { $0.pdfs.append(.init(path: path, document: document)) }
        try FileOutput.write(Array("fake pdf, \(document.pages.count) pages\n".utf8), to: path)
    }

    func writeGzip(to path: String, _ body: (_ write: (UnsafeRawBufferPointer) -> Void) -> Void) throws {
        log.calls.withLock { $0.gzips.append(path) }
        var bytes: [UInt8] = []
        body { bytes += $0 }
        try FileOutput.write(bytes, to: path)
    }
}

/// Every text call of every page of `document`, markup as drawn, in drawing order.
func texts(of document: Document) -> [String] {
    document.pages.flatMap { page -> [String] in
        let canvas = RecordingCanvas()
        page.draw(in: canvas)
        return canvas.lines.compactMap { line -> String? in
            guard line.hasPrefix("text "), let first = line.firstIndex(of: "\""), let last = line.lastIndex(of: "\""),
                  first < last else { return nil }
            return String(line[line.index(after: first)..<last])
        }
    }
}

/// Small lessons parsed in memory.
enum SmallLessons {
    /// The ill-conditioned bowl, Keras and PyTorch momentum, a learning-rate sweep, three figures, a table and notes.
    static let bowlText = """
        title = "A small bowl"
        subtitle = "Two conventions"
        question = "Why *two* numbers?"

        [problem]
        label = "the bowl"
        builtin = "quadratic"
        curvatures = [1, 10]
        start = [-4, 2]
        expected = [0, 0]
        expected_label = "the minimum"

        [problem.view]
        x = "x"
        y = "y"
        x_range = [-5, 5]
        y_range = [-3, 3]

        [[runs]]
        id = "keras"
        label = "Keras velocity"
        optimizer = "sgd"
        lr = 0.02
        momentum = 0.9
        steps = 40

        [[runs]]
        id = "pytorch"
        label = "PyTorch buffer"
        optimizer = "sgd"
        convention = "pytorch"
        lr = 0.02
        momentum = 0.9
        steps = 40

        [[runs]]
        id = "plain"
        label = "plain"
        optimizer = "sgd"
        lr = 0.05
        steps = 30

        [[sweeps]]
        id = "rates"
        run = "plain"
        parameter = "lr"
        values = [0.05, 0.15, 0.25]

        [[figures]]
        id = "paths"
        kind = "surface"
        runs = ["keras", "pytorch"]
        caption = "Both paths."

        [[figures]]
        id = "losses"
        kind = "loss"
        runs = ["keras", "plain"]
        caption = "Loss against step."

        [[figures]]
        id = "final"
        kind = "final-loss"
        runs = ["rates"]
        caption = "Final loss against the rate."

        [[tables]]
        id = "velocity"
        run = "keras"
        columns = ["step", "x", "velocity.x"]
        head = 3
        tail = 1
        caption = "The velocity."
        """

    static let bowlNotes = """
        ## The question

        Some *prose*.

        {{figure paths}}

        {{table velocity}}

        {{rule keras}}

        {{results}}
        """

    static func bowl() throws -> Lesson {
        try LessonLoader.parse(text: bowlText, id: "small-bowl", folder: "/nonexistent", file: "small-bowl/lesson.toml",
                               notes: bowlNotes, notesFile: "small-bowl/notes.md")
    }

    /// A data problem with shuffled mini-batches in several runs, so concurrency has something to disturb.
    static func shuffled() throws -> (Lesson, TemporaryFolder) {
        let folder = try TemporaryFolder(prefix: "steptrace-reports")
        var csv = "x,y\n"
        for i in 0..<40 { csv += "\(Double(i) / 10),\(Double((i * 7) % 13) / 5)\n" }
        try csv.write(toFile: folder.folder + "/data.csv", atomically: true, encoding: .utf8)
        var text = """
            title = "Shuffled"

            [problem]
            objective = "(y - (a*x + b))^2"
            parameters = ["a", "b"]
            start = [0, 0]
            data = "data.csv"
            """
        let optimizers = ["sgd", "adam", "rmsprop", "adagrad"]
        for k in 0..<8 {
            text += """


                [[runs]]
                id = "r\(k)"
                optimizer = "\(optimizers[k % 4])"
                convention = "\(k % 2 == 0 ? "keras" : "pytorch")"
                lr = 0.01
                epochs = \(20 + 5 * k)
                batch = 3
                shuffle = \(k)
                """
        }
        let lesson = try LessonLoader.parse(text: text, id: "shuffled", folder: folder.folder, file: "shuffled/lesson.toml",
                                            notes: nil, notesFile: "shuffled/notes.md")
        return (lesson, folder)
    }
}
