@testable import Lessons
import Plot
import Testing

/// The `notes.md` subset: blocks, inserts and inline Markdown turned into Pango markup.
@Suite("Notes")
struct NotesTests {
    static func parse(_ text: String) throws -> [NoteBlock] { try Notes.parse(text, file: "notes.md") }

    @Test func blocksInOrder() throws {
        let text = """
            # Title
            ## The question

            First line of a paragraph
            continues here.

            - one
            - two
              wraps
            * three

                v ← μ v − η g

            {{figure paths}}
            {{results}}
            Last words.
            """
        #expect(try Self.parse(text) == [
            .heading("Title"),
            .heading("The question"),
            .paragraph("First line of a paragraph continues here."),
            .bullets(["one", "two wraps", "three"]),
            .formula("v ← μ v − η g"),
            .insert(kind: "figure", id: "paths"),
            .insert(kind: "results", id: nil),
            .paragraph("Last words."),
        ])
    }

    @Test func everyInsertKind() throws {
        let text = "{{figure f}}\n{{table t}}\n{{check c}}\n{{rule r}}\n{{results}}\n"
        #expect(try Self.parse(text) == [
            .insert(kind: "figure", id: "f"), .insert(kind: "table", id: "t"), .insert(kind: "check", id: "c"),
            .insert(kind: "rule", id: "r"), .insert(kind: "results", id: nil),
        ])
    }

    @Test func aBulletListEndsAtAParagraph() throws {
        #expect(try Self.parse("- a\n- b\nafter\n") == [.bullets(["a", "b"]), .paragraph("after")])
    }

    @Test func anIndentedLineInsideAParagraphIsNotAFormula() throws {
        #expect(try Self.parse("text\n    more\n") == [.paragraph("text more")])
    }

    @Test func aTabIndentIsAFormula() throws {
        #expect(try Self.parse("\tx ← x − η g\n") == [.formula("x ← x − η g")])
    }

    @Test func formulasAreEscapedButNotFormatted() throws {
        #expect(try Self.parse("    a < b && *c*\n") == [.formula("a &lt; b &amp;&amp; *c*")])
    }

    @Test(arguments: [
        ("**bold**", "<b>bold</b>"),
        ("*italic*", "<i>italic</i>"),
        ("`code`", "<tt>code</tt>"),
        ("θ~k~", "θ<sub>k</sub>"),
        ("x^2^", "x<sup>2</sup>"),
        ("10^−9^ and v~1~", "10<sup>−9</sup> and v<sub>1</sub>"),
        ("**bold** and *it*", "<b>bold</b> and <i>it</i>"),
        ("**a `b` c**", "<b>a <tt>b</tt> c</b>"),
        ("`a < b & c`", "<tt>a &lt; b &amp; c</tt>"),
        ("`*not italic*`", "<tt>*not italic*</tt>"),
        ("a < b & c > d", "a &lt; b &amp; c &gt; d"),
        ("*<x>*", "<i>&lt;x&gt;</i>"),
        ("an *unclosed marker", "an *unclosed marker"),
        ("x^a b^", "x^a b^"),
        ("~a b~", "~a b~"),
        ("**", "**"),
        ("plain", "plain"),
    ])
    func inlineMarkup(markdown: String, markup: String) {
        #expect(Notes.inline(markdown) == markup)
    }

    /// Markdown does not open emphasis on a `*` followed by a space, so arithmetic stays arithmetic.
    @Test func spacedAsterisksAreArithmetic() {
        #expect(Notes.inline("2 * 3 * 4") == "2 * 3 * 4")
        #expect(Notes.inline("a *b* c") == "a <i>b</i> c")
    }

    @Test func headingsAndParagraphsAndBulletsUseInlineMarkup() throws {
        #expect(try Self.parse("## The `m` buffer\n\nSee *this* & that.\n\n- **b** < c\n") == [
            .heading("The <tt>m</tt> buffer"),
            .paragraph("See <i>this</i> &amp; that."),
            .bullets(["<b>b</b> &lt; c"]),
        ])
    }

    @Test func escapeCoversTheThreeMarkupCharacters() {
        #expect(TextStyle.escape("<a href=\"x\">&amp;</a>") == "&lt;a href=\"x\"&gt;&amp;amp;&lt;/a&gt;")
    }

    @Test(arguments: [
        ("{{chart a}}", "notes.md line 1: unknown insert '{{chart a}}' (expected {{figure ID}}, {{table ID}}, {{check ID}}, {{analysis ID}}, {{rule RUN}}, {{fact NAME}} or {{results}})"),
        ("x\n\n{{figure}}", "notes.md line 3: '{{figure}}' needs one id, as in {{figure ID}}"),
        ("{{table a b}}", "notes.md line 1: '{{table}}' needs one id, as in {{table ID}}"),
        ("{{results all}}", "notes.md line 1: '{{results}}' takes no id"),
        ("a\nb\n{{figure a", "notes.md line 3: '{{' without a closing '}}'"),
        ("{{}}", "notes.md line 1: unknown insert '{{}}' (expected {{figure ID}}, {{table ID}}, {{check ID}}, {{analysis ID}}, {{rule RUN}}, {{fact NAME}} or {{results}})"),
    ])
    func malformedInserts(text: String, message: String) {
        #expect(throws: LessonError.self) { try Self.parse(text) }
        do {
            _ = try Self.parse(text)
        } catch let error as LessonError {
            #expect(error.description == message)
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test func questionIsInlineMarkup() throws {
        let lesson = try LessonText.parse("question = \"Why is `momentum * m` zero & <not> one?\"\n" + LessonText.minimal)
        #expect(lesson.question == "Why is <tt>momentum * m</tt> zero &amp; &lt;not&gt; one?")
    }
}
