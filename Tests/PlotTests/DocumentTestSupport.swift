import Foundation
import Testing
@testable import Plot

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
