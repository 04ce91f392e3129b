import Foundation
import Lessons
import Plot

extension LessonPage {
    /// The most bytes of SVG a figure without a scrubber may put inline; a heavier one (a 3-D mesh, many
    /// frames) shows its PNG instead, so a page stays well under 2 MB.
    static let inlineSVGLimit = 400_000

    /// A figure: its SVG inline (or its PNG when the SVG is too heavy and nothing scrubs it), a scrubber
    /// when it draws paths, its caption and a link to its PNG.
    func figure(_ drawable: any Drawable, id: String, size: Size, caption: String?, number: Int) throws -> String {
        let anchor = "figure-" + id
        let captionID = anchor + "-caption"
        let svgText = try backend.svgText(drawable, size: size)
        let plot: String
        if svgText.utf8.count > Self.inlineSVGLimit, scrubbers[id] == nil, figures[id] != nil {
            plot = "<img class=\"plot\" src=\"figures/\(HTMLText.escape(id)).png\" width=\"\(Int(size.width.rounded()))\" "
                + "height=\"\(Int(size.height.rounded()))\" aria-labelledby=\"\(HTMLText.escape(captionID))\" alt=\"\">"
        } else {
            plot = InlineSVG.prepare(svgText, prefix: "f\(number)",
                                     attributes: "class=\"plot\" role=\"img\" aria-labelledby=\"\(HTMLText.escape(captionID))\"")
        }
        var out = "<figure class=\"figure\" id=\"\(HTMLText.escape(anchor))\">\n<div class=\"plot-box\">\(plot)</div>\n"
        if let scrubber = scrubbers[id] { out += Self.scrubber(scrubber, number: number) }
        out += "<figcaption id=\"\(HTMLText.escape(captionID))\"><span class=\"label\">Figure \(number).</span> "
        out += (caption.map(HTMLText.html(fromMarkup:)) ?? "")
        if figures[id] != nil { out += " <a class=\"png\" href=\"figures/\(HTMLText.escape(id)).png\">PNG</a>" }
        return out + "</figcaption>\n</figure>"
    }

    /// The scrubber's controls (hidden until the script shows them), its key, and its data.
    static func scrubber(_ scrubber: Scrubber, number: Int) -> String {
        let positions = scrubber.thinning.steps.count
        var out = "<div class=\"scrubber\" hidden>\n"
        out += "<div class=\"controls\" role=\"group\" aria-label=\"Step through Figure \(number)\">"
        out += button("first", "⇤", "First step (Home)")
        out += button("back", "←", "One step back (←)")
        out += "<button type=\"button\" class=\"play\" data-act=\"play\" aria-label=\"Play\" aria-pressed=\"false\">Play</button>"
        out += button("forward", "→", "One step forward (→)")
        out += button("last", "⇥", "Last step (End)")
        out += "<label class=\"slider\"><span class=\"visually-hidden\">Step of Figure \(number)</span>"
        out += "<input type=\"range\" min=\"0\" max=\"\(positions - 1)\" step=\"1\" value=\"0\"></label>"
        out += "<output class=\"step\" aria-live=\"polite\"></output>"
        out += "</div>\n<div class=\"options\">"
        if scrubber.tracks.count > 1 {
            out += "<label>Numbers for <select class=\"run\">"
            for (k, track) in scrubber.tracks.enumerated() {
                out += "<option value=\"\(k)\">\(HTMLText.escape(track.result.run.label))</option>"
            }
            out += "</select></label>"
        }
        out += "<label><input type=\"checkbox\" class=\"digits\"> every digit</label></div>\n"
        out += "<p class=\"key\"><span><span class=\"swatch path\"></span>path up to the step</span> "
        out += "<span><span class=\"swatch point\"></span>θ at the step</span> "
        out += "<span><span class=\"swatch gradient\"></span>−η∇f, a plain gradient step</span> "
        out += "<span><span class=\"swatch next\"></span>the step the optimizer takes next</span></p>\n"
        if scrubber.thinning.isThinned {
            let t = scrubber.thinning
            out += "<p class=\"thinned\">The longest run has \(Self.grouped(t.last)) steps: the slider reaches every step up to "
                + "\(StepThinning.head), then \(positions - StepThinning.head - 1) more spread evenly on a log scale up to the last. "
                + "Every number shown is the trace's own at that step; the highlighted path joins the reachable steps.</p>\n"
        }
        out += "<div class=\"readout\"></div>\n"
        out += "<script type=\"application/json\" class=\"scrubber-data\">\(scrubber.json())</script>\n"
        return out + "</div>\n"
    }

    private static func button(_ action: String, _ text: String, _ label: String) -> String {
        "<button type=\"button\" data-act=\"\(action)\" aria-label=\"\(label)\" title=\"\(label)\">\(text)</button>"
    }

    /// `400 000`: thousands apart by a thin space, as the handouts write them.
    static func grouped(_ n: Int) -> String {
        var digits = String(n), out = ""
        while digits.count > 3 {
            out = "\u{2009}" + digits.suffix(3) + out
            digits = String(digits.dropLast(3))
        }
        return digits + out
    }
}
