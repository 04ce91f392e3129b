import CairoBackend
import Foundation
import TestSupport
import Testing

/// `GzipWriter`: what goes in comes out of `gzip -dc`, whatever the pieces; the same bytes give the
/// same file; failures leave nothing.
@Suite struct GzipWriterTests {
    /// About 9 MB of trace-like CSV: more than two gzip members.
    static let text: [UInt8] = {
        var text = "step,loss,x\n"
        var x = 0.3
        for step in 0..<300_000 {
            x = 3.9 * x * (1 - x)
            text += "\(step),\(x * x),\(x)\n"
        }
        return Array(text.utf8)
    }()

    /// Writes `bytes` to `path`, handing them over in pieces of the given sizes (the rest in one piece).
    static func write(_ bytes: [UInt8], pieces: [Int], to path: String) throws {
        try GzipWriter.write(to: path, level: 1) { write in
            bytes.withUnsafeBytes { all in
                var start = 0
                for size in pieces + [bytes.count] where start <= bytes.count {
                    let end = min(start + size, bytes.count)
                    write(UnsafeRawBufferPointer(rebasing: all[start..<end]))
                    start = end
                }
            }
        }
    }

    @Test(arguments: [[Int](), [0, 1, 7, 0, 65_536], [GzipWriter.chunkBytes - 1, 2, GzipWriter.chunkBytes]])
    func gzipReadsBackEveryByte(pieces: [Int]) throws {
        let folder = try Scenes.folder("gzip")
        let path = folder + "/trace.csv.gz"
        try Self.write(Self.text, pieces: pieces, to: path)
        #expect(Self.text.count > 2 * GzipWriter.chunkBytes)
        let back = try Program.output("gzip", ["-dc", path])
        #expect(Array(back.utf8) == Self.text)
        let stored = try #require(FileManager.default.contents(atPath: path))
        #expect(stored.count * 2 < Self.text.count, "compressed to \(stored.count) bytes")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["trace.csv.gz"])
    }

    @Test func theSameBytesGiveTheSameFile() throws {
        let folder = try Scenes.folder("gzip-same")
        try Self.write(Self.text, pieces: [1000], to: folder + "/a.gz")
        try Self.write(Self.text, pieces: [123_456, 7], to: folder + "/b.gz")
        #expect(FileManager.default.contents(atPath: folder + "/a.gz") == FileManager.default.contents(atPath: folder + "/b.gz"))
    }

    @Test func nothingInIsAnEmptyGzipFile() throws {
        let folder = try Scenes.folder("gzip-empty")
        try GzipWriter.write(to: folder + "/empty.gz", level: 1) { _ in }
        #expect(try Program.output("gzip", ["-dc", folder + "/empty.gz"]).isEmpty)
    }

    @Test func aMissingFolderThrowsAndLeavesNothing() throws {
        let folder = try Scenes.folder("gzip-missing")
        let path = folder + "/nowhere/trace.csv.gz"
        #expect(throws: RenderError.self) { try Self.write(Self.text, pieces: [], to: path) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty)
    }
}
