import Lessons
import Plot

/// A PDF written beside the handout for the classroom, and its pages.
public struct ClassroomFile: Equatable, Sendable {
    /// The file name in the lesson's folder: `worksheet.pdf`, `answers.pdf` or `slides.pdf`.
    public var name: String
    /// Its page (or slide) count.
    public var pages: Int
}

extension ReportWriter {
    /// The worksheet and answer key (when asked and the lesson has exercises) and the slides (when
    /// asked), by file name, made before anything is written so a mistake leaves no files.
    func classroomDocuments(_ material: LessonMaterial, canvas: Canvas) throws -> [(name: String, document: Document)] {
        var documents: [(name: String, document: Document)] = []
        if writesWorksheet && !material.results.lesson.exercises.isEmpty {
            let composer = WorksheetComposer(material: material)
            let (worksheet, key) = try composer.compose(canvas: canvas, creationDate: creationDate)
            documents += [("worksheet.pdf", worksheet), ("answers.pdf", key)]
        }
        if writesSlides {
            let composer = SlidesComposer(material: material)
            documents.append(("slides.pdf", composer.compose(canvas: canvas, creationDate: creationDate)))
        }
        return documents
    }
}
