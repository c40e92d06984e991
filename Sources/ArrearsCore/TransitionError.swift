/// Why a command was refused; each case maps to one HTTP status and one CLI exit code at the edge.
public enum TransitionError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The command is not possible from the complaint's state.
    case illegalInState(command: String, state: ComplaintState)
    /// The actor's role may never take this command.
    case roleNotPermitted(command: String, role: Role)
    /// The complaint lies outside the actor's scope; reported as not found so nothing leaks.
    case outOfScope
    /// An input is missing or wrong.
    case invalidInput(FieldViolation)
    /// The command is possible but not yet: a period must run out first.
    case notYet(rule: String, facts: [String: MessageFact] = [:])
    /// The command was possible but is no longer: the period it belongs to has ended.
    case tooLate(rule: String, facts: [String: MessageFact] = [:])

    /// The refusal as facts, for logs and tests; the edges word it through `Refusal`.
    public var description: String {
        switch self {
        case let .illegalInState(command, state): "illegal-in-state (\(command), \(state.rawValue))"
        case let .roleNotPermitted(command, role): "role-not-permitted (\(command), \(role.rawValue))"
        case .outOfScope: "out-of-scope"
        case let .invalidInput(violation): violation.description
        case let .notYet(rule, facts), let .tooLate(rule, facts): InvalidValue(rule: rule, facts: facts).description
        }
    }
}
