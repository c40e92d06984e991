/// A sentence for a person, as facts: the catalogue id of its words and the named facts it puts in them. The core says
/// what happened; the edges word it in the reader's language (`Wording` in ArrearsMessages).
public struct Message: Sendable, Equatable, Hashable, CustomStringConvertible {
    /// The catalogue id, e.g. `rule.credit-code.check-character`.
    public let id: String
    public let facts: [String: MessageFact]

    public init(_ id: String, _ facts: [String: MessageFact] = [:]) {
        self.id = id
        self.facts = facts
    }

    /// The id and facts, for logs and test failures; people read the worded form.
    public var description: String {
        facts.isEmpty ? id : id + " (" + facts.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: ", ") + ")"
    }
}

/// One named fact of a message: text as it stands (a number, a code, a name someone typed), or a date, an amount or
/// another message that each language writes its own way.
public indirect enum MessageFact: Sendable, Equatable, Hashable, ExpressibleByStringInterpolation, CustomStringConvertible {
    case text(String)
    /// A CST date: 2026年10月15日 / 2026-10-15.
    case date(CSTDate)
    /// Money: ¥456,000.00.
    case money(Fen)
    /// Words of their own (a role, an action, a reason), worded in the same language.
    case message(Message)

    public init(stringLiteral value: String) { self = .text(value) }

    public var description: String {
        switch self {
        case let .text(text): text
        case let .date(date): date.description
        case let .money(amount): amount.description
        case let .message(message): message.description
        }
    }
}
