import Engine
import Foundation
import Testing
@testable import Lessons

/// A fresh temporary folder holding a lesson folder `lesson/` (with `data.csv`) and a file
/// `secret.txt` beside it, outside the lesson.
private struct Sandbox {
    let root: String
    var lesson: String { root + "/lesson" }

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("steptrace-safe-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: root + "/lesson/sub", withIntermediateDirectories: true)
        try write("lesson/data.csv", "x,y\n0,0\n1,1\n")
        try write("secret.txt", "root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\n")
    }

    func write(_ name: String, _ text: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: root + "/" + name))
    }

    func link(_ name: String, to target: String) throws {
        try FileManager.default.createSymbolicLink(atPath: root + "/" + name, withDestinationPath: target)
    }

    func fifo(_ name: String) {
        mkfifo(root + "/" + name, 0o644)
    }
}

@Suite("Safe file reading")
struct SafeFileTests {
    @Test("paths inside the lesson folder resolve, links inside included")
    func inside() throws {
        let box = try Sandbox()
        try box.link("lesson/alias.csv", to: "data.csv")
        try box.link("lesson/sub/up.csv", to: "../data.csv")
        let real = try SafeFile.resolve("data.csv", inside: box.lesson)
        #expect(real.hasSuffix("/lesson/data.csv"))
        #expect(try SafeFile.resolve("alias.csv", inside: box.lesson) == real)
        #expect(try SafeFile.resolve("sub/up.csv", inside: box.lesson) == real)
        #expect(try SafeFile.resolve("sub/../data.csv", inside: box.lesson) == real)
        #expect(try SafeFile.resolve("./data.csv", inside: box.lesson) == real)
    }

    @Test("paths that leave the lesson folder are refused without opening anything", arguments: [
        ("/etc/passwd", "'/etc/passwd' is an absolute path; name a file in the lesson folder, relative to it"),
        ("~/data.csv", "'~/data.csv' is an absolute path; name a file in the lesson folder, relative to it"),
        ("../secret.txt", "'../secret.txt' leads outside the lesson folder"),
        ("../../../../../../../../etc/passwd", "'../../../../../../../../etc/passwd' leads outside the lesson folder"),
        ("sub/../../secret.txt", "'sub/../../secret.txt' leads outside the lesson folder"),
        ("out.csv", "'out.csv' is a link to a file outside the lesson folder"),
        ("shadow.csv", "'shadow.csv' is a link to a file outside the lesson folder"),
        ("missing.csv", "'missing.csv' does not exist in the lesson folder"),
        ("", "the path is empty"),
    ])
    func outside(name: String, problem: String) throws {
        let box = try Sandbox()
        try box.link("lesson/out.csv", to: "../secret.txt")
        try box.link("lesson/shadow.csv", to: "/etc/shadow")
        #expect(throws: SafeFile.Refusal(problem)) { try SafeFile.resolve(name, inside: box.lesson) }
    }

    @Test("only regular files are opened: pipes, folders and devices are refused at once")
    func kinds() throws {
        let box = try Sandbox()
        box.fifo("lesson/pipe.csv")
        #expect(throws: SafeFile.Refusal("is a named pipe, not a regular file")) {
            try SafeFile.read(box.lesson + "/pipe.csv", limit: 100)
        }
        #expect(throws: SafeFile.Refusal("is a folder, not a regular file")) {
            try SafeFile.read(box.lesson + "/sub", limit: 100)
        }
        #expect(throws: SafeFile.Refusal("is a device, not a regular file")) {
            try SafeFile.read("/dev/zero", limit: 100)
        }
        #expect(throws: SafeFile.Refusal("no such file")) { try SafeFile.read(box.lesson + "/nothing", limit: 100) }
        #expect(throws: SafeFile.Refusal("is larger than 10 bytes, the most steptrace reads")) {
            try SafeFile.read(box.lesson + "/data.csv", limit: 10)
        }
        #expect(try SafeFile.read(box.lesson + "/data.csv", limit: 100) == Array("x,y\n0,0\n1,1\n".utf8))
    }

    @Test("text that is not UTF-8 names its line and byte offset")
    func utf8() throws {
        #expect(try SafeFile.utf8Text(Array("héllo\n".utf8)) == "héllo\n")
        #expect(throws: SafeFile.Refusal("is not UTF-8 text: byte 0xFF at offset 9", line: 3)) {
            try SafeFile.utf8Text([0x61, 0x0A, 0x62, 0xC3, 0xA9, 0x0A, 0x63, 0x63, 0x20, 0xFF, 0x0A])
        }
        #expect(throws: SafeFile.Refusal("is not UTF-8 text: byte 0xC3 at offset 0", line: 1)) {
            try SafeFile.utf8Text([0xC3, 0x28])
        }
    }

    @Test("a CSV file loads row-major with its header's names; its errors use the display name")
    func loadCSV() throws {
        let box = try Sandbox()
        try box.write("lesson/ragged.csv", "x,y\n1,2\n3,4,5\n")
        let table = try DataTable.loadCSV(at: box.lesson + "/data.csv", displayName: "data.csv")
        #expect(table.columnNames == ["x", "y"])
        #expect(table.values == [0, 0, 1, 1])
        #expect(throws: DataTableError(message: "lessons/fit/ragged.csv line 3: expected 2 fields separated by ',', found 3", line: 3)) {
            try DataTable.loadCSV(at: box.lesson + "/ragged.csv", displayName: "lessons/fit/ragged.csv")
        }
        box.fifo("lesson/pipe.csv")
        #expect(throws: DataTableError(message: "p.csv: is a named pipe, not a regular file")) {
            try DataTable.loadCSV(at: box.lesson + "/pipe.csv", displayName: "p.csv")
        }
    }

    /// A lesson in the sandbox whose problem reads `data`, with `notes` when given.
    private func lessonFailure(_ box: Sandbox, data: String) -> String? {
        let toml = """
            title = "T"
            [problem]
            objective = "(y - a*x)^2"
            parameters = ["a"]
            start = [0]
            data = "\(data)"
            [[runs]]
            id = "r"
            optimizer = "sgd"
            steps = 3
            """
        do {
            try box.write("lesson/lesson.toml", toml)
            _ = try LessonLoader.load(path: box.lesson)
            return nil
        } catch {
            return "\(error)"
        }
    }

    @Test("a lesson's data key is refused outside its folder, as a link out, as a pipe; no file content is quoted")
    func lessonData() throws {
        let box = try Sandbox()
        try box.link("lesson/shadow.csv", to: "../secret.txt")
        box.fifo("lesson/pipe.csv")
        let file = box.lesson + "/lesson.toml"
        #expect(lessonFailure(box, data: "/etc/passwd")
            == "\(file) line 6, key 'problem.data': '/etc/passwd' is an absolute path; name a file in the lesson folder, relative to it")
        #expect(lessonFailure(box, data: "../../../../../../../../etc/passwd")
            == "\(file) line 6, key 'problem.data': '../../../../../../../../etc/passwd' leads outside the lesson folder")
        #expect(lessonFailure(box, data: "shadow.csv")
            == "\(file) line 6, key 'problem.data': 'shadow.csv' is a link to a file outside the lesson folder")
        #expect(lessonFailure(box, data: "pipe.csv")
            == "\(file) line 6, key 'problem.data': \(box.lesson)/pipe.csv: is a named pipe, not a regular file")
        #expect(lessonFailure(box, data: "data.csv") == nil)
    }

    @Test("notes.md must be a UTF-8 regular file inside the lesson; a missing one means no prose")
    func notes() throws {
        let box = try Sandbox()
        let notes = box.lesson + "/notes.md"
        #expect(lessonFailure(box, data: "data.csv") == nil)
        try box.link("lesson/notes.md", to: "../secret.txt")
        #expect(lessonFailure(box, data: "data.csv") == "\(notes): 'notes.md' is a link to a file outside the lesson folder")
        try FileManager.default.removeItem(atPath: notes)
        try FileManager.default.createDirectory(atPath: notes, withIntermediateDirectories: false)
        #expect(lessonFailure(box, data: "data.csv") == "\(notes): is a folder, not a regular file")
        try FileManager.default.removeItem(atPath: notes)
        try Data([0x23, 0x20, 0x41, 0x0A, 0x0A, 0x62, 0xE9, 0x74, 0x65, 0x0A]).write(to: URL(fileURLWithPath: notes))
        #expect(lessonFailure(box, data: "data.csv") == "\(notes) line 3: is not UTF-8 text: byte 0xE9 at offset 6")
        try FileManager.default.removeItem(atPath: notes)
        box.fifo("lesson/notes.md")
        #expect(lessonFailure(box, data: "data.csv") == "\(notes): is a named pipe, not a regular file")
    }

    @Test("a lesson file found in a folder is refused as a link out or a pipe")
    func lessonFile() throws {
        let box = try Sandbox()
        try box.link("lesson/lesson.toml", to: "../secret.txt")
        #expect(throws: LessonError(file: box.lesson + "/lesson.toml", problem: "'lesson.toml' is a link to a file outside the lesson folder")) {
            try LessonLoader.load(path: box.lesson)
        }
        try FileManager.default.removeItem(atPath: box.lesson + "/lesson.toml")
        box.fifo("lesson/lesson.toml")
        #expect(throws: LessonError(file: box.lesson + "/lesson.toml", problem: "is a named pipe, not a regular file")) {
            try LessonLoader.load(path: box.lesson)
        }
    }
}
