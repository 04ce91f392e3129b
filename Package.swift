// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "steptrace",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "steptrace", targets: ["steptrace"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        // Tests only (TestSupport): `isApproximatelyEqual`.
        .package(url: "https://github.com/apple/swift-numerics", from: "1.1.1"),
    ],
    targets: [
        // The only module that sees the C libraries (Cairo, Pango, zlib, libdeflate).
        .systemLibrary(
            name: "CCairo",
            pkgConfig: "pangocairo",
            providers: [.apt(["libcairo2-dev", "libpango1.0-dev", "zlib1g-dev", "libdeflate-dev"])]
        ),
        // Files written whole: a temporary file beside the target, renamed into place when complete.
        .target(name: "Landing"),
        // The one place that vouches for thread safety the compiler cannot check: a lock-guarded value,
        // a hand-off box and the parallel map.
        .target(name: "Parallelism"),
        // Numbers only: trace storage and exporters.
        .target(name: "Trace"),
        // Objectives, differentiation, optimizers, constraints, schedules, stop rules, the run loop.
        .target(name: "Engine", dependencies: ["Trace", "Parallelism"]),
        // Figure model: pages, panels, scales, marks. Knows nothing about Cairo.
        .target(name: "Plot", dependencies: ["Parallelism"]),
        // The Canvas on Cairo and Pango; PNG, PDF and SVG writers; the gzip writer for traces.
        .target(name: "CairoBackend", dependencies: ["Plot", "CCairo", "Landing", "Parallelism"]),
        // Lesson files: format, validation, catalog; notes become Plot's text markup.
        .target(name: "Lessons", dependencies: ["Engine", "Trace", "Plot"]),
        // Lesson runs turned into figures, tables, pages and files.
        .target(name: "Reports", dependencies: ["Lessons", "Engine", "Trace", "Plot", "Landing", "Parallelism"]),
        // The executable: argument parsing and wiring only.
        .executableTarget(
            name: "steptrace",
            dependencies: [
                "Engine", "Trace", "Plot", "CairoBackend", "Landing", "Lessons", "Reports",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Benchmark reference: a hand-written loop for one problem (see bench/).
        .executableTarget(name: "handloop", path: "bench/handloop"),
        // Benchmark: array expressions against the hand-written lesson objectives (see bench/).
        .executableTarget(name: "arraybench", dependencies: ["Engine", "ReferenceObjectives"], path: "bench/arrays"),
        // Independent hand-written objectives (closed-form gradients) the array expressions of three
        // lessons are checked and benchmarked against; not part of steptrace.
        .target(name: "ReferenceObjectives", dependencies: ["Engine", "Trace"], path: "Tests/ReferenceObjectives"),

        // What every test target shares: temporary folders, snapshots, lesson fixtures, float comparisons.
        .target(
            name: "TestSupport",
            dependencies: ["Parallelism", .product(name: "RealModule", package: "swift-numerics")],
            path: "Tests/TestSupport"
        ),

        .testTarget(name: "TraceTests", dependencies: ["Trace", "TestSupport"]),
        .testTarget(name: "EngineTests", dependencies: ["Engine", "Trace", "ReferenceObjectives", "TestSupport"], resources: [.copy("Fixtures")]),
        .testTarget(name: "PlotTests", dependencies: ["Plot", "TestSupport"], exclude: ["__Snapshots__"]),
        .testTarget(name: "CairoBackendTests", dependencies: ["CairoBackend", "Plot", "TestSupport"]),
        .testTarget(name: "LessonsTests", dependencies: ["Lessons", "Engine", "TestSupport"]),
        .testTarget(name: "ReportsTests", dependencies: ["Reports", "Lessons", "Engine", "Trace", "Plot", "Parallelism", "TestSupport"]),
        .testTarget(name: "EndToEndTests", dependencies: ["steptrace", "TestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
