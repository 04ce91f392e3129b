/// Why `BuiltinObjective(named:)` refused: one line for the user.
public struct ObjectiveLookupError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The line for the user, e.g. `unknown objective 'foo' (built-in objectives: beale, …)`.
    public let message: String
    /// Creates an error with its message.
    public init(message: String) { self.message = message }
    /// The message.
    public var description: String { message }
}
