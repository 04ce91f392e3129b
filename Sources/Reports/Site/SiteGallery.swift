import Foundation
import Lessons

/// The site's front page, `DIR/index.html`: one card per lesson with its title, the learner's
/// question, a thumbnail of its first figure with a path, and links to its page and handout.
public enum SiteGallery {
    /// The gallery of `lessons`, whose reports are in `output` (a lesson's `thumbnail.png` is shown
    /// when it is there).
    public static func html(lessons: [Lesson], output: String, version: String) -> String {
        var cards: [String] = []
        for lesson in lessons {
            let id = HTMLText.escape(lesson.id)
            var card = "<article class=\"card\">"
            let thumbnail = (output as NSString).appendingPathComponent("\(lesson.id)/thumbnail.png")
            if FileManager.default.fileExists(atPath: thumbnail) {
                card += "<a class=\"thumb\" href=\"\(id)/index.html\" tabindex=\"-1\" aria-hidden=\"true\">"
                    + "<img src=\"\(id)/thumbnail.png\" alt=\"\"></a>"
            }
            card += "<h2><a href=\"\(id)/index.html\">\(HTMLText.escape(lesson.title))</a></h2>"
            if let subtitle = lesson.subtitle { card += "<p class=\"subtitle\">\(HTMLText.escape(subtitle))</p>" }
            if let question = lesson.question {
                card += "<blockquote class=\"question\"><p>“\(HTMLText.html(fromMarkup: question))”</p></blockquote>"
            }
            card += "<p class=\"links\"><a href=\"\(id)/index.html\">Lesson page</a> · "
                + "<a href=\"\(id)/handout.pdf\">Handout (PDF)</a> · <code>\(id)</code></p>"
            cards.append(card + "</article>")
        }
        return """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta http-equiv="Content-Security-Policy" content="\(SiteStyle.galleryContentSecurityPolicy)">
        <meta name="generator" content="steptrace \(HTMLText.escape(version))">
        <title>steptrace lessons</title>
        <style>\(SiteStyle.css)</style>
        </head>
        <body>
        <main class="gallery">
        <header class="lesson-head"><h1>steptrace lessons</h1>
        <p class="subtitle">\(lessons.count) lesson\(lessons.count == 1 ? "" : "s"): each runs real optimizers, traces every step, \
        and lets you step through the traces on its page.</p></header>
        <div class="cards">
        \(cards.joined(separator: "\n"))
        </div>
        </main>
        </body>
        </html>

        """
    }
}
