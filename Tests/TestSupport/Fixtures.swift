import Foundation

/// What tests of lesson files share: the repository's shipped lessons, the seed data table, and a
/// folder of small CSV files that lesson text in a test can name.
public enum Fixtures {
    /// The repository's root, from this file's path (`Tests/TestSupport/Fixtures.swift`).
    public static let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The repository's `lessons/` folder.
    public static var shippedLessons: String { repositoryRoot.appendingPathComponent("lessons").path }

    /// The seed's four points as a CSV table (x,y: 0,0 1,1 1,2 2,1).
    public static let seedCSV = "x,y\n0,0\n1,1\n1,2\n2,1\n"

    /// A folder holding `data.csv` (the seed), `classes.csv` (x1,x2,label) and `ragged.csv` (a short
    /// row), made once per test process and removed when it exits.
    public static let dataFolder: String = {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("steptrace-fixtures-\(getpid())-\(UUID().uuidString)").path
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        removeAtExit(folder)
        _ = FileManager.default.createFile(atPath: folder + "/data.csv", contents: Data(seedCSV.utf8))
        _ = FileManager.default.createFile(atPath: folder + "/classes.csv",
                                           contents: Data("x1,x2,label\n0,0,0\n1,0,0\n0,1,1\n1,1,1\n".utf8))
        _ = FileManager.default.createFile(atPath: folder + "/ragged.csv", contents: Data("x,y\n0,0\n1\n".utf8))
        return folder
    }()

    /// A small valid lesson file: a two-parameter expression and one run. Tests append tables to it.
    public static let minimalLesson = """
        title = "T"

        [problem]
        objective = "x^2 + 10*y^2"
        parameters = ["x", "y"]
        start = [1, 2]

        [[runs]]
        id = "a"
        optimizer = "sgd"
        lr = 0.01
        steps = 10
        """
}
