import ArgumentParser
import Foundation
import Lessons
import Reports

/// `steptrace new ID [--from LESSON]`: a new lesson folder that runs as it is.
struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Start a lesson: a folder with a commented lesson.toml and notes.md, or a copy of a lesson.",
        discussion: """
            The folder is written into --lessons DIR when given, else into ./lessons when it exists, else \
            into the current folder. --from copies a lesson's regular files (links, pipes and the like are \
            left out); its id is looked up in ./lessons, $STEPTRACE_LESSONS, then the installed lessons.
            """)

    @Argument(help: "The new lesson's id: lowercase letters, digits and '-'.")
    var id: String
    @Option(name: .long, help: "Copy this lesson (an id or a path) instead of writing the commented template.")
    var from: String?
    @Option(name: .long, help: "The folder to write the lesson into.")
    var lessons: String?

    func run() throws {
        guard Catalog.isValidID(id) else {
            throw Failure.usage("'\(id)' is not a lesson id (lowercase letters, digits and '-', not starting with '-')")
        }
        let parent = lessons ?? (LessonsLocation.isFolder("lessons") ? "lessons" : ".")
        let target = (parent as NSString).appendingPathComponent(id)
        guard !Self.exists(target) else { throw Failure.cannotCreate("\(target): already exists; choose another id") }
        let source = try from.map { try LessonsLocation.load($0) { try LessonsLocation.catalog(of: LessonsLocation.findDefault()) } }
        let staging = (parent as NSString).appendingPathComponent(".\(id).new-\(getpid())")
        do {
            try FileOutput.makeFolder(staging)
            if let source {
                try Self.copyRegularFiles(from: source.folder.isEmpty ? "." : source.folder, to: staging)
            } else {
                try FileOutput.write(Array(LessonTemplate.lessonFile.utf8), to: (staging as NSString).appendingPathComponent(LessonLoader.fileName))
                try FileOutput.write(Array(LessonTemplate.notesFile.utf8), to: (staging as NSString).appendingPathComponent(LessonLoader.notesName))
            }
            guard !Self.exists(target), rename(staging, target) == 0 else {
                throw ReportError(message: "\(target): cannot create the lesson folder (\(Self.exists(target) ? "it appeared meanwhile" : String(cString: strerror(errno))))")
            }
        } catch {
            try? FileManager.default.removeItem(atPath: staging)
            if let error = error as? ReportError { throw Failure.cannotCreate(error.message) }
            throw Failure.cannotCreate("\(target): \(error.localizedDescription)")
        }
        print(source.map { "copied \($0.id) into \(target)" } ?? "wrote \(target)/\(LessonLoader.fileName) and \(LessonLoader.notesName)")
    }

    /// Whether anything (even a dangling link) is at `path`.
    static func exists(_ path: String) -> Bool {
        (try? FileManager.default.attributesOfItem(atPath: path)) != nil
    }

    /// Copies the regular files under `folder` into `target`, keeping subfolders; links, pipes, sockets
    /// and devices are left out.
    static func copyRegularFiles(from folder: String, to target: String) throws {
        let fm = FileManager.default
        for name in try fm.contentsOfDirectory(atPath: folder).sorted() {
            let path = (folder as NSString).appendingPathComponent(name)
            let copy = (target as NSString).appendingPathComponent(name)
            // attributesOfItem does not follow links, so a link is never copied nor followed.
            switch try fm.attributesOfItem(atPath: path)[.type] as? FileAttributeType {
            case .typeRegular?:
                try FileOutput.write([UInt8](try Data(contentsOf: URL(fileURLWithPath: path))), to: copy)
            case .typeDirectory?:
                try FileOutput.makeFolder(copy)
                try copyRegularFiles(from: path, to: copy)
            default:
                continue
            }
        }
    }
}
