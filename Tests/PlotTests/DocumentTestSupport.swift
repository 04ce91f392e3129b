import Foundation
import Testing
@testable import Plot

/// Compares `text` with the snapshot `__Snapshots__/<folder>/<name>.txt` beside this file.
///
/// A missing snapshot is written and the test fails, so nothing passes
/// silently; set `STEPTRACE_RECORD_SNAPSHOTS=1` to rewrite an existing one
/// (the test fails then too).
func expectSnapshot(_ text: String, folder: String, name: String,
                    filePath: String = #filePath, sourceLocation: SourceLocation = #_sourceLocation) {
    let directory = URL(fileURLWithPath: filePath).deletingLastPathComponent()
        .appendingPathComponent("__Snapshots__").appendingPathComponent(folder)
    let file = directory.appendingPathComponent(name + ".txt")
    let record = ProcessInfo.processInfo.environment["STEPTRACE_RECORD_SNAPSHOTS"] == "1"
    if !record, let stored = try? String(contentsOf: file, encoding: .utf8) {
        #expect(stored == text, "snapshot \(folder)/\(name) differs", sourceLocation: sourceLocation)
        return
    }
    do {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try text.write(to: file, atomically: true, encoding: .utf8)
        Issue.record("recorded snapshot \(file.path); check it and run again", sourceLocation: sourceLocation)
    } catch {
        Issue.record("could not record snapshot \(file.path): \(error)", sourceLocation: sourceLocation)
    }
}

/// One `text` call parsed back out of a `RecordingCanvas` dump.
struct RecordedText {
    var x: Double
    var y: Double
    var size: Double
    var markup: String

    /// Every text call in `dump`.
    static func all(in dump: String) -> [RecordedText] {
        dump.split(separator: "\n").compactMap { line -> RecordedText? in
            guard line.hasPrefix("text ("), let close = line.firstIndex(of: ")"),
                  let quote = line.firstIndex(of: "\""), let last = line.lastIndex(of: "\""), quote < last else { return nil }
            let coords = line[line.index(line.startIndex, offsetBy: 6)..<close].split(separator: ",")
            let sizeField = line[line.index(after: close)..<quote].split(separator: " ").first { $0.hasSuffix("pt") }
            guard coords.count == 2, let x = Double(coords[0]), let y = Double(coords[1]),
                  let sizeText = sizeField, let size = Double(sizeText.dropLast(2)) else { return nil }
            return RecordedText(x: x, y: y, size: size, markup: String(line[line.index(after: quote)..<last]))
        }
    }
}

/// Draws every page of `document` into one recording canvas, with a marker line per page.
func dump(_ document: Document) -> String {
    var out: [String] = []
    for (n, page) in document.pages.enumerated() {
        let canvas = RecordingCanvas()
        page.draw(in: canvas)
        out.append("== page \(n + 1) \(page.size.width)x\(page.size.height)")
        out.append(canvas.dump)
    }
    return out.joined(separator: "\n") + "\n"
}
