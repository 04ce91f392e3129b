/// A parameter of an expression objective with its shape, as a lesson declares it:
/// `b` (a scalar), `a[4]` (a vector), `C[20,20]` (a matrix).
///
/// The flat parameter vector θ is every declared parameter's elements in
/// declaration order, each array row-major, and the elements are named so
/// that trace columns read well in pandas:
/// ```
/// b, a[4], C[2,2]  →  θ = (b, a[0], a[1], a[2], a[3], C[0,0], C[0,1], C[1,0], C[1,1])
/// ```
public struct ParameterDeclaration: Hashable, Sendable, CustomStringConvertible {
    /// The name used in the expression (`C`).
    public let name: String
    /// Its shape.
    public let shape: ArrayShape

    /// A parameter `name` of `shape`.
    public init(name: String, shape: ArrayShape = .scalar) {
        self.name = name
        self.shape = shape
    }

    /// Reads a declaration: `b`, `a[4]`, `C[12,12]` (white space around the
    /// parts is ignored). Throws one line (`.invalidDeclaration`) naming the
    /// problem: a name that is not one, a dimension that is not a whole
    /// number ≥ 1, more than two dimensions, a missing `]`, more than
    /// `ParsedExpression.maximumElements` elements.
    public init(parsing text: String) throws(ExpressionError) {
        func fail(_ why: String) -> ExpressionError {
            ExpressionError(kind: .invalidDeclaration, message: "parameter \(ErrorText.quoted(text)): \(why)")
        }
        let trimmed = ParameterDeclaration.trim(text)
        guard let open = trimmed.firstIndex(of: "[") else {
            guard Lexer.isName(trimmed) else {
                throw fail("not a valid name (letters, digits, '_', not starting with a digit)")
            }
            self.init(name: trimmed)
            return
        }
        let name = ParameterDeclaration.trim(trimmed[..<open])
        guard Lexer.isName(name) else { throw fail("'\(name)' is not a valid name (letters, digits, '_', not starting with a digit)") }
        guard trimmed.last == "]" else { throw fail("expected ']' at the end (write a[4] or C[2,3])") }
        let inside = trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)]
        let parts = inside.split(separator: ",", omittingEmptySubsequences: false).map { ParameterDeclaration.trim($0) }
        guard parts.count <= 2 else { throw fail("at most two dimensions (a vector a[n] or a matrix a[m,n])") }
        var dimensions: [Int] = []
        for part in parts {
            guard !part.isEmpty, part.allSatisfy({ $0 >= "0" && $0 <= "9" }), let n = Int(part) else {
                throw fail("dimension '\(part)' is not a whole number")
            }
            guard n >= 1 else { throw fail("dimension \(n) must be at least 1") }
            dimensions.append(n)
        }
        var count = 1
        for n in dimensions {
            let (product, overflow) = count.multipliedReportingOverflow(by: n)
            guard !overflow, product <= ParsedExpression.maximumElements else {
                throw fail("more than \(ParsedExpression.maximumElements) elements")
            }
            count = product
        }
        self.init(name: name, shape: ArrayShape(dimensions))
    }

    private static func trim(_ text: some StringProtocol) -> String {
        let blank: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        return String(text.drop(while: blank).reversed().drop(while: blank).reversed())
    }

    /// The names of the flat elements: `b`; `a[0]` … `a[3]`; `C[0,0]`, `C[0,1]`, … (row-major).
    public var elementNames: [String] { shape.elementNames(of: name) }

    /// The declaration as written: `b`, `a[4]`, `C[12,12]`.
    public var description: String { shape.isScalar ? name : name + shape.description }
}
