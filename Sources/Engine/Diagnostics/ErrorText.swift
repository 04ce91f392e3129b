/// Pieces of user text as error messages show them.
public enum ErrorText {
    /// The most characters of user text one message quotes.
    public static let quoteLimit = 40

    /// `'text'`, cut to `quoteLimit` characters with a trailing `…`, so that no message quotes
    /// more than a short piece of any file (a lesson may point at a file it should not read).
    public static func quoted(_ text: some StringProtocol) -> String {
        let short = text.count > quoteLimit ? String(text.prefix(quoteLimit - 1)) + "…" : String(text)
        return "'\(short)'"
    }
}
