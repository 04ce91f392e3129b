import Foundation
import Lessons
import Plot
import TestSupport
import Testing
@testable import Reports

/// Worksheets, answer keys, slides and filmstrips, drawn into recording canvases.
@Suite("Classroom kit")
struct ClassroomTests {
    /// The small bowl with blanks in its velocity table, a filmstrip and three exercises.
    static let text = SmallLessons.bowlText.replacingOccurrences(of: "caption = \"The velocity.\"", with: """
        blank = { "velocity.x" = [1, 2] }
        caption = "The velocity."
        """) + """


        [[figures]]
        id = "film"
        kind = "filmstrip"
        runs = ["keras"]
        steps = [0, 1, 5]
        caption = "Frames."
        """

    static let notes = """
        ## The question

        Some *prose*.

        ::: exercise compute
        Fill in the velocity from v~1~ = {{trace keras 1 velocity.x}} on.

        {{table velocity}}
        ::: answer
        The second velocity is {{trace keras 2 velocity.x}}, and the run ends at x = {{trace keras last x 3}}.
        :::

        {{figure paths}}

        ## Predicting

        ::: exercise predict
        Sketch both paths.

        {{figure paths}}
        ::: answer
        Both spiral in: UNIQUE-ANSWER-WORDS.
        :::

        ::: exercise explain lines=0
        Why?
        ::: answer
        Because.
        :::

        {{results}}

        ## What to notice

        - First take-away.
        - Second take-away.
        """

    static func lesson(notes: String = notes, text: String = text) throws -> Lesson {
        try LessonLoader.parse(text: text, id: "small-bowl", folder: "/nonexistent", file: "small-bowl/lesson.toml",
                               notes: notes, notesFile: "small-bowl/notes.md")
    }

    static func writer(_ backend: FakeBackend) -> ReportWriter {
        var writer = ReportWriterTests.writer(backend)
        writer.writesWorksheet = true
        writer.writesSlides = true
        return writer
    }

    /// The document the fake backend wrote to a file named `name`.
    static func document(_ name: String, _ backend: FakeBackend) throws -> Document {
        try #require(backend.log.pdfs.first { $0.path.hasSuffix("/" + name) }).document
    }

    @Test func theClassroomFilesLandBesideTheHandout() throws {
        let backend = FakeBackend()
        let output = try TemporaryFolder(prefix: "steptrace-reports")
        let summary = try Self.writer(backend).write(try Self.lesson(), output: output.folder)
        #expect(output.entries(under: "small-bowl") == ["answers.pdf", "figures", "handout.pdf", "slides.pdf", "traces", "worksheet.pdf"])
        #expect(summary.classroom.map(\.name) == ["worksheet.pdf", "answers.pdf", "slides.pdf"])
        for file in summary.classroom { #expect(file.pages == (try Self.document(file.name, backend)).pages.count) }
        #expect(backend.log.pngs.contains { $0.path.hasSuffix("/figures/film.png") })
        // Without the flags, only the handout.
        let plain = FakeBackend()
        let summary2 = try ReportWriterTests.writer(plain).write(try Self.lesson(), output: output.folder)
        #expect(summary2.classroom.isEmpty)
        #expect(output.entries(under: "small-bowl") == ["figures", "handout.pdf", "traces"])
    }

    @Test func theWorksheetBlanksWhatTheKeyFillsIn() throws {
        let backend = FakeBackend()
        let output = try TemporaryFolder(prefix: "steptrace-reports")
        _ = try Self.writer(backend).write(try Self.lesson(), output: output.folder)
        let worksheet = texts(of: try Self.document("worksheet.pdf", backend)).joined(separator: "\n")
        let key = texts(of: try Self.document("answers.pdf", backend)).joined(separator: "\n")
        // The table's blanked velocities (rows 1 and 2: 0.08 and 0.1504, set as 0.080000 and 0.150400).
        for value in ["0.080000", "0.150400"] {
            #expect(!worksheet.contains(value), "the worksheet shows \(value)")
            #expect(key.contains(value), "the key lacks \(value)")
        }
        #expect(worksheet.contains("−0.057905"), "an unblanked velocity stays")
        // The question's trace number is in both; the answer only in the key.
        #expect(worksheet.contains("v<sub>1</sub> = 0.08 on"))
        #expect(key.contains("v<sub>1</sub> = 0.08 on"))
        #expect(!worksheet.contains("UNIQUE-ANSWER-WORDS") && key.contains("UNIQUE-ANSWER-WORDS"))
        #expect(key.contains("The second velocity is 0.1504"))
        #expect(!(worksheet + key).contains("\u{E000}"), "a trace marker was left unfilled")
        #expect(worksheet.contains("<b>Exercise 2</b> · <i>predict</i>") && key.contains("<b>Exercise 3</b> · <i>explain</i>"))
        #expect(worksheet.contains("Name") && !key.contains("Name"))
        // Headings of the sections the exercises stand in; the handout's own prose stays out.
        #expect(worksheet.contains("The question") && worksheet.contains("Predicting") && !worksheet.contains("Some"))
        #expect(worksheet.contains("small-bowl · worksheet · steptrace 9.9.9"))
        #expect(key.contains("small-bowl · answer key · steptrace 9.9.9"))
        // The handout has no exercise.
        let handout = texts(of: try Self.document("handout.pdf", backend)).joined(separator: "\n")
        #expect(!handout.contains("Exercise") && !handout.contains("UNIQUE-ANSWER-WORDS"))
    }

    @Test func aPredictionShowsEmptyAxesAndTheKeyTheFigure() throws {
        let backend = FakeBackend()
        let output = try TemporaryFolder(prefix: "steptrace-reports")
        _ = try Self.writer(backend).write(try Self.lesson(), output: output.folder)
        let worksheet = try Self.document("worksheet.pdf", backend), key = try Self.document("answers.pdf", backend)
        let dump = { (document: Document) -> String in
            document.pages.map { page in let c = RecordingCanvas(); page.draw(in: c); return c.dump }.joined(separator: "\n")
        }
        // The paths' legend and the heatmap's image belong to the figure, not to its empty axes.
        #expect(!dump(worksheet).contains("Keras velocity"))
        #expect(!dump(worksheet).contains("image "))
        #expect(dump(key).contains("Keras velocity"))
        #expect(dump(key).contains("image "))
        #expect(texts(of: worksheet).contains { $0.contains("sketch your prediction") })
        #expect(texts(of: key).contains { $0.contains("Both paths.") }, "the key prints the caption")
    }

    @Test func emptyAxesKeepTheFiguresRanges() throws {
        let lesson = try Self.lesson()
        let results = try LessonResults.run(lesson)
        let figure = try #require(try FigureFactory(results: results).build(lesson.figures[1]).drawable as? Figure)
        let canvas = RecordingCanvas()
        let empty = EmptyAxes.figure(figure, width: 400, aspectRatio: 1.6, canvas: canvas)
        let frame = Rect(x: 0, y: 0, width: 400, height: 250)
        let full = figure.transforms(in: canvas, frame: frame)[0], bare = empty.transforms(in: canvas, frame: frame)[0]
        #expect(full.x == bare.x && full.y == bare.y, "the loss figure's axes moved")
        #expect(empty.panels[0].marks.isEmpty)
    }

    @Test func aTraceNumberPastWhereTheRunStoppedIsTheNotesMistake() throws {
        let stopping = Self.text.replacingOccurrences(of: "momentum = 0.9\nsteps = 40", with: "momentum = 0.9\nsteps = 40\ngradient_tolerance = 1")
        let notes = Self.notes.replacingOccurrences(of: "{{trace keras 2 velocity.x}}", with: "{{trace keras 39 velocity.x}}")
        let backend = FakeBackend()
        let output = try TemporaryFolder(prefix: "steptrace-reports")
        #expect {
            _ = try Self.writer(backend).write(try Self.lesson(notes: notes, text: stopping), output: output.folder)
        } throws: { error in
            guard let error = error as? LessonError else { return false }
            return error.description.hasPrefix("small-bowl/notes.md line 10: {{trace keras 39 …}}: run 'keras' ended after ")
                && error.description.hasSuffix("; step 39 has no row")
        }
        #expect(output.entries().isEmpty, "nothing lands: \(output.entries())")
    }

    @Test func slidesAre16By9WithASlidePerSectionAndLargeText() throws {
        let backend = FakeBackend()
        let output = try TemporaryFolder(prefix: "steptrace-reports")
        _ = try Self.writer(backend).write(try Self.lesson(), output: output.folder)
        let slides = try Self.document("slides.pdf", backend)
        // Title, "The question", "Predicting", and the take-aways from "What to notice".
        #expect(slides.pages.count == 4)
        #expect(slides.pages.allSatisfy { $0.size == Size(1280, 720) })
        var sizes: [Double] = []
        var lines: [String] = []
        for page in slides.pages {
            let canvas = RecordingCanvas()
            page.draw(in: canvas)
            for line in canvas.lines where line.hasPrefix("text ") {
                lines.append(line)
                // `text (x,y) 18pt "…"` or with a rotation before the size; subscripts count at their own size.
                let words = line.split(separator: " ")
                if let size = words.first(where: { $0.hasSuffix("pt") }).flatMap({ Double($0.dropLast(2)) }),
                   let quote = line.firstIndex(of: "\"") {
                    sizes.append(TextStyle(size: size).smallestSize(of: String(line[quote...])))
                }
            }
        }
        #expect(!sizes.isEmpty)
        #expect(sizes.min() ?? 0 >= 18, "smallest text \(sizes.min() ?? 0) pt")
        let text = lines.joined(separator: "\n")
        #expect(text.contains("Why <i>two</i> numbers?"), "the learner's question on the title slide")
        #expect(text.contains("Predicting") && text.contains("Take-aways") && text.contains("Second take-away."))
        #expect(text.contains("Keras velocity"), "the section's figure")
    }

    @Test func aFilmstripHasAFramePerStepAndTheLast() throws {
        let lesson = try Self.lesson()
        let results = try LessonResults.run(lesson)
        let spec = try #require(lesson.figures.first { $0.id == "film" })
        let figure = try #require(try FigureFactory(results: results).build(spec).drawable as? Figure)
        #expect(figure.panels.map { $0.title ?? "" } == ["step 0", "step 1", "step 5", "step 40 (last)"])
        #expect(figure.columns == 4 && figure.sharesX && figure.sharesY && figure.colorbar != nil)
        // Frame k draws the path up to step k: k + 1 points.
        let counts = figure.panels.map { panel in panel.marks.compactMap { $0 as? Trajectory }.first?.points.count ?? 0 }
        #expect(counts == [1, 2, 6, 41])
    }

    @Test func magnifiedDrawingScalesTextLinesAndPlaces() {
        struct Sample: Drawable {
            func draw(in canvas: Canvas, frame: Rect) {
                canvas.stroke(.polyline([Point(frame.minX, frame.minY), Point(frame.maxX, frame.maxY)]), style: StrokeStyle(width: 1))
                canvas.drawText("a", style: TextStyle(size: 8), at: Point(frame.minX, frame.minY), angle: 0)
            }
        }
        let canvas = RecordingCanvas()
        Magnified(Sample(), factor: 2.5).draw(in: canvas, frame: Rect(x: 10, y: 20, width: 100, height: 50))
        #expect(canvas.lines == ["stroke #000000 w2.5 M(10,20) L(110,70)", "text (10,20) 20pt \"a\""])
    }
}

/// A question's writing box is never separated from the question's last paragraph by a page break.
@Suite("Worksheet pages")
struct WorksheetPageTests {
    @Test func everyQuestionSharesAPageWithItsBox() throws {
        let exercises = (1...14).map { n in
            """
            ::: exercise explain lines=\(3 + n % 4)
            QUESTION-\(n): why does the velocity keep \(String(repeating: "growing and ", count: n % 5 + 3))shrinking?
            ::: answer
            Because.
            :::
            """
        }.joined(separator: "\n\n")
        let lesson = try ClassroomTests.lesson(notes: "## The question\n\nSome prose.\n\n" + exercises, text: SmallLessons.bowlText)
        let backend = FakeBackend()
        let output = try TemporaryFolder(prefix: "steptrace-reports")
        var writer = ReportWriterTests.writer(backend)
        writer.writesWorksheet = true
        _ = try writer.write(lesson, output: output.folder)
        let worksheet = try ClassroomTests.document("worksheet.pdf", backend)
        #expect(worksheet.pages.count >= 3, "the exercises should fill several pages")
        var seen = 0
        for page in worksheet.pages {
            let canvas = RecordingCanvas()
            page.draw(in: canvas)
            let lines = canvas.lines
            for (i, line) in lines.enumerated() where line.hasPrefix("text ") && line.contains("QUESTION-") {
                seen += 1
                // The box's ruled lines are strokes drawn after the question on the same page.
                #expect(lines[(i + 1)...].contains { $0.hasPrefix("stroke ") }, "no box after \(line.prefix(60))")
            }
        }
        #expect(seen == 14)
    }
}
