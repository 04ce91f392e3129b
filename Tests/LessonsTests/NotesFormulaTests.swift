import Testing
@testable import Lessons

/// Notes that render what they say or refuse: formulas in the TeX-like subset, numbered lists,
/// and one-line errors for what would print wrongly.
@Suite("Notes: formulas, lists and refusals")
struct NotesFormulaTests {
    static func parse(_ text: String) throws -> [NoteBlock] { try Notes.parse(text, file: "lessons/x/notes.md") }

    @Test(arguments: [
        ("(1 − x)^2^", "(1 − x)<sup>2</sup>"),
        ("(1 − x)^2 + 100 (y − x^2)^2", "(1 − x)<sup>2</sup> + 100 (y − x<sup>2</sup>)<sup>2</sup>"),
        ("a^(k)^ + b", "a<sup>(k)</sup> + b"),
        ("x^{2} + y^2", "x<sup>2</sup> + y<sup>2</sup>"),
        ("x_{i} + x_i + θ~k~", "x<sub>i</sub> + x<sub>i</sub> + θ<sub>k</sub>"),
        ("θ_{k+1} = θ_k − \\eta \\nabla f(θ_k)", "θ<sub>k+1</sub> = θ<sub>k</sub> − η ∇ f(θ<sub>k</sub>)"),
        ("v ← \\mu v − \\eta g", "v ← μ v − η g"),
        ("\\sum_{i} x_i^2 \\cdot w \\le 1 \\ge 0", "Σ<sub>i</sub> x<sub>i</sub><sup>2</sup> · w ≤ 1 ≥ 0"),
        ("\\theta \\alpha \\Sigma \\lambda_{max}", "θ α Σ λ<sub>max</sub>"),
        ("\\frac{1}{n}", "1/n"),
        ("\\frac{a + b}{2c}", "(a + b)/(2c)"),
        ("e^{-\\frac{x}{2}}", "e<sup>-x/2</sup>"),
        ("\\sqrt{v} + \\sqrt{a + ε}", "√v + √(a + ε)"),
        ("a < b & c", "a &lt; b &amp; c"),
        ("mean\\_square", "mean_square"),
        ("\\phantom{P_y = }⎡", "<span alpha=\"1\">P<sub>y</sub> = </span>⎡"),
        ("\\text{if } c_i \\ne 0", "if  c<sub>i</sub> ≠ 0"),
    ])
    func texSubset(formula: String, markup: String) throws {
        #expect(try FormulaMarkup.markup(formula) == markup)
    }

    @Test func anIndentedFormulaLineRendersItsSuperscript() throws {
        #expect(try Self.parse("    f(x) = (1 − x)^2^\n") == [.formula("f(x) = (1 − x)<sup>2</sup>")])
    }

    @Test func consecutiveFormulaLinesAreOneBlockKeepingTheirIndentation() throws {
        #expect(try Self.parse("    a = 1\n      b = 2\n\n    c\n") == [.formula("a = 1\n  b = 2"), .formula("c")])
    }

    @Test func numberedListsAreLists() throws {
        let text = "Steps:\n\n1. compute **g**\n2. step\n   with η\n3) repeat\n\nAfter.\n\n4. four\n5. five\n"
        #expect(try Self.parse(text) == [
            .paragraph("Steps:"),
            .numbered(["compute <b>g</b>", "step with η", "repeat"], start: 1),
            .paragraph("After."),
            .numbered(["four", "five"], start: 4),
        ])
        #expect(try Self.parse("- a\n1. b\n") == [.bullets(["a"]), .numbered(["b"], start: 1)])
    }

    @Test(arguments: [
        ("Text\n\nAs {{figure paths}} shows, it works.\n",
         "lessons/x/notes.md line 3: a {{figure}} placeholder must stand alone on its line"),
        ("- see {{table t}}\n", "lessons/x/notes.md line 1: a {{table}} placeholder must stand alone on its line"),
        ("intro\n\n| a | b |\n|---|---|\n| 1 | 2 |\n",
         "lessons/x/notes.md line 3: Markdown tables are not supported in notes; put a run's numbers in a [[tables]] entry of lesson.toml, or other numbers in indented formula lines"),
        ("para\n\n    x = \\foo y\n", "lessons/x/notes.md line 3: unknown command \\foo in a formula (the subset is listed in lessons/README.md)"),
        ("    x^{2\n", "lessons/x/notes.md line 1: a '{' in a formula is never closed"),
        ("    \\frac{1}\n", "lessons/x/notes.md line 1: \\frac needs two groups, as in \\frac{a}{b}"),
        ("    ^2\n", "lessons/x/notes.md line 1: '^' in a formula needs something before it to raise or lower"),
    ])
    func refusals(text: String, message: String) {
        do {
            _ = try Self.parse(text)
            Issue.record("no error for \(text)")
        } catch let error as LessonError {
            #expect(error.description == message)
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test func aPlaceholderInCodeIsOnlyText() throws {
        #expect(try Self.parse("Write `{{figure ID}}` on its own line.\n") == [.paragraph("Write <tt>{{figure ID}}</tt> on its own line.")])
    }
}
