import Foundation
import Testing

/// Files land whole: `steptrace all` killed with SIGKILL at several moments leaves no
/// truncated PDF, PNG or CSV under a final name (only hidden `.tmp` files and hidden
/// staging folders, which the next run clears), and a rerun then completes normally.
@Suite("Killed runs", .serialized)
struct KillTests {
    /// Delays before the kill, in seconds: early (lessons loading, first runs) to late (writing).
    static let delays: [Double] = [0.5, 2, 6, 12]

    @Test("SIGKILL at any moment leaves only whole files under final names", arguments: delays)
    func killAt(_ delay: Double) throws {
        let temporary = try TemporaryFolder()
        let output = temporary.path("out")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Steptrace.binary)
        process.arguments = ["all", "--output", output]
        process.currentDirectoryURL = Steptrace.root
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        Thread.sleep(forTimeInterval: delay)
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()

        var checked = 0
        for file in temporary.files(under: "out") {
            let name = (file as NSString).lastPathComponent
            if name.hasPrefix(".") && name.hasSuffix(".tmp") { continue }
            let path = (output as NSString).appendingPathComponent(file)
            let bytes = [UInt8](FileManager.default.contents(atPath: path) ?? Data())
            switch (name as NSString).pathExtension {
            case "pdf":
                let tail = String(decoding: bytes.suffix(32), as: UTF8.self)
                #expect(tail.contains("%%EOF"), "truncated PDF \(file)")
            case "png":
                #expect(Files.isPNG(path), "not a PNG \(file)")
                #expect(bytes.count > 12 && Array(bytes.suffix(8).prefix(4)) == Array("IEND".utf8), "truncated PNG \(file)")
            case "gz":
                // `gzip -dc` fails on a truncated stream.
                let lines = try Files.gunzip(path).split(separator: "\n", omittingEmptySubsequences: false)
                #expect(lines.last == "", "CSV \(file) does not end with a newline")
                let width = lines.first?.split(separator: ",").count ?? 0
                #expect(lines.dropLast().allSatisfy { $0.split(separator: ",", omittingEmptySubsequences: false).count == width },
                        "ragged CSV \(file)")
            default:
                continue
            }
            checked += 1
        }
        if delay >= 12 {
            // By then some files must have landed, or the test checks nothing. (Not yet at 6 s on a loaded
            // machine: the first lesson, constrained-fit, compresses 127 MB of traces before it lands.)
            #expect(checked > 0)
        }

        // A rerun into the same folder finishes and leaves no hidden leftovers of the killed run
        // (once: a whole `all` is the slow part).
        guard delay == 6 else { return }
        let rerun = try Steptrace.run(["all", "--output", output])
        #expect(rerun.status == 0, "\(rerun.stderr)")
        let hidden = temporary.entries(under: "out").filter { $0.hasPrefix(".") }
        #expect(hidden.isEmpty, "left behind: \(hidden)")
    }
}
