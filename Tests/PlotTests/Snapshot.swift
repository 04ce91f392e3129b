import Foundation
import Testing

/// Compares `text` with `__Snapshots__/<name>.txt` beside the tests. A missing snapshot is recorded and
/// the test fails, so nothing passes silently; a changed one fails with the first differing line.
func assertSnapshot(_ text: String, named name: String, filePath: String = #filePath, sourceLocation: SourceLocation = #_sourceLocation) {
    let folder = URL(fileURLWithPath: filePath).deletingLastPathComponent().appendingPathComponent("__Snapshots__")
    let file = folder.appendingPathComponent(name + ".txt")
    guard let expected = try? String(contentsOf: file, encoding: .utf8) else {
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try? text.write(to: file, atomically: true, encoding: .utf8)
        Issue.record("Recorded a new snapshot at \(file.path); check it and run again", sourceLocation: sourceLocation)
        return
    }
    guard expected != text else { return }
    let a = expected.split(separator: "\n", omittingEmptySubsequences: false)
    let b = text.split(separator: "\n", omittingEmptySubsequences: false)
    let line = (0..<min(a.count, b.count)).first { a[$0] != b[$0] } ?? min(a.count, b.count)
    let was = line < a.count ? String(a[line]) : "(end)", now = line < b.count ? String(b[line]) : "(end)"
    Issue.record("Snapshot \(name) differs at line \(line + 1):\n  expected: \(was)\n  actual:   \(now)", sourceLocation: sourceLocation)
}
