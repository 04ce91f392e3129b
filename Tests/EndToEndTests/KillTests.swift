import Foundation
import TestSupport
import Testing

/// Files land whole: `steptrace all` killed with SIGKILL at several moments leaves no
/// truncated PDF, PNG or CSV under a final name (only hidden `.tmp` files and hidden
/// staging folders, which the next run clears), and a rerun then completes normally.
///
/// The moments follow the run's own progress, not the clock, so a loaded machine moves them
/// no later in the work: early (lessons loading), the first staging folder, the first and the
/// third finished lesson.
@Suite("Killed runs", .serialized)
struct KillTests {
    enum Moment: String, CaseIterable, Sendable {
        case early, firstStaging, firstLesson, thirdLesson

        /// Whether the run in `output` has reached this moment.
        func reached(_ entries: [String]) -> Bool {
            let finished = entries.filter { !$0.hasPrefix(".") && $0 != "index.md" }.count
            switch self {
            case .early: return true
            case .firstStaging: return entries.contains { $0.hasPrefix(".") && $0.contains(".partial-") }
            case .firstLesson: return finished >= 1
            case .thirdLesson: return finished >= 3
            }
        }

        /// Whether some files must have landed by then.
        var filesLanded: Bool { self == .firstLesson || self == .thirdLesson }
    }

    @Test("SIGKILL at any moment leaves only whole files under final names", arguments: Moment.allCases)
    func killAt(_ moment: Moment) throws {
        let temporary = try TemporaryFolder()
        let output = temporary.path("out")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Steptrace.binary)
        process.arguments = ["all", "--output", output]
        process.currentDirectoryURL = Steptrace.root
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        Thread.sleep(forTimeInterval: moment == .early ? 0.5 : 0.02)
        let deadline = Date().addingTimeInterval(300)
        while process.isRunning && !moment.reached(temporary.entries(under: "out")) && Date() < deadline {
            Thread.sleep(forTimeInterval: 0.01)
        }
        let killedMidway = process.isRunning
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(killedMidway || moment == .early, "the run ended before the moment \(moment.rawValue)")

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
                let width = lines.first.map(Files.csvFieldCount) ?? 0
                #expect(lines.dropLast().allSatisfy { Files.csvFieldCount($0) == width }, "ragged CSV \(file)")
            default:
                continue
            }
            checked += 1
        }
        if moment.filesLanded {
            // By then some files must have landed, or the test checks nothing.
            #expect(checked > 0)
        }

        // A rerun into the same folder finishes and leaves no hidden leftovers of the killed run
        // (once: a whole `all` is the slow part).
        guard moment == .firstLesson else { return }
        let rerun = try Steptrace.run(["all", "--output", output])
        #expect(rerun.status == 0, "\(rerun.stderr)")
        let hidden = temporary.entries(under: "out").filter { $0.hasPrefix(".") }
        #expect(hidden.isEmpty, "left behind: \(hidden)")
    }
}
