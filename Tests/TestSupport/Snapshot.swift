import Foundation
import Testing

/// Compares `text` with the snapshot `__Snapshots__/<name>.txt` beside the calling test file (`name` may
/// hold a folder: `"TableTests/momentum-steps"`).
///
/// The one rule for every snapshot: a missing snapshot is recorded *and* the test fails, so nothing
/// passes silently; `STEPTRACE_RECORD_SNAPSHOTS=1` rewrites existing ones (and fails the same way); a
/// changed one fails naming the first differing line.
public func expectSnapshot(_ text: String, named name: String,
                           filePath: String = #filePath, sourceLocation: SourceLocation = #_sourceLocation) {
    let file = URL(fileURLWithPath: filePath).deletingLastPathComponent()
        .appendingPathComponent("__Snapshots__").appendingPathComponent(name + ".txt")
    let record = ProcessInfo.processInfo.environment["STEPTRACE_RECORD_SNAPSHOTS"] == "1"
    if !record, let expected = try? String(contentsOf: file, encoding: .utf8) {
        guard expected != text else { return }
        let a = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let b = text.split(separator: "\n", omittingEmptySubsequences: false)
        let line = (0..<min(a.count, b.count)).first { a[$0] != b[$0] } ?? min(a.count, b.count)
        let was = line < a.count ? String(a[line]) : "(end)", now = line < b.count ? String(b[line]) : "(end)"
        Issue.record("Snapshot \(name) differs at line \(line + 1):\n  expected: \(was)\n  actual:   \(now)",
                     sourceLocation: sourceLocation)
        return
    }
    do {
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: file, atomically: true, encoding: .utf8)
        Issue.record("Recorded snapshot \(file.path); check it and run again", sourceLocation: sourceLocation)
    } catch {
        Issue.record("Could not record snapshot \(file.path): \(error)", sourceLocation: sourceLocation)
    }
}
