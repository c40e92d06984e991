/// A sentence for a person, as facts: the catalogue id of its words and the named facts it puts in them. The core says
/// what happened; the edges word it in the reader's language (`Wording` in ArrearsMessages).
public struct Message: Sendable, Equatable, Hashable, Codable, CustomStringConvertible {
    /// The catalogue id, e.g. `rule.credit-code.check-character`.
    public let id: String
    public let facts: [String: MessageFact]

    public init(_ id: String, _ facts: [String: MessageFact] = [:]) {
        self.id = id
        self.facts = facts
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        facts = try c.decodeIfPresent([String: MessageFact].self, forKey: .facts) ?? [:]
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        if !facts.isEmpty { try c.encode(facts, forKey: .facts) }
    }

    enum CodingKeys: String, CodingKey { case id, facts }

    /// The id and facts, for logs and test failures; people read the worded form.
    public var description: String {
        facts.isEmpty ? id : id + " (" + facts.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: ", ") + ")"
    }
}

/// One named fact of a message: text as it stands (a number, a code, a name someone typed), or a date, an amount or
/// another message that each language writes its own way.
public indirect enum MessageFact: Sendable, Equatable, Hashable, Codable, ExpressibleByStringInterpolation, CustomStringConvertible {
    case text(String)
    /// A CST date: 2026年10月15日 / 2026-10-15.
    case date(CSTDate)
    /// Money: ¥456,000.00.
    case money(Fen)
    /// Words of their own (a role, an action, a reason), worded in the same language.
    case message(Message)
    /// Several messages in order, each worded, then joined as the language joins them (the steps of the size test,
    /// the comparisons of one step).
    case list([Message], Joiner)

    /// How a list's items are joined: as sentences (；), as conditions that all hold (且), or as alternatives (或).
    public enum Joiner: String, Sendable, Hashable, Codable, CaseIterable {
        case sentences, and, or
    }

    public init(stringLiteral value: String) { self = .text(value) }

    /// Stored as one key naming the kind: `{"text": …}`, `{"date": "2026-10-15"}`, `{"fen": 45600000}`,
    /// `{"message": {"id": …, "facts": …}}`, `{"list": […], "joiner": "and"}`.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        if let text = try c.decodeIfPresent(String.self, forKey: .text) {
            self = .text(text)
        } else if let date = try c.decodeIfPresent(CSTDate.self, forKey: .date) {
            self = .date(date)
        } else if let fen = try c.decodeIfPresent(Fen.self, forKey: .fen) {
            self = .money(fen)
        } else if let message = try c.decodeIfPresent(Message.self, forKey: .message) {
            self = .message(message)
        } else {
            self = .list(try c.decode([Message].self, forKey: .list), try c.decode(Joiner.self, forKey: .joiner))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case let .text(text): try c.encode(text, forKey: .text)
        case let .date(date): try c.encode(date, forKey: .date)
        case let .money(amount): try c.encode(amount, forKey: .fen)
        case let .message(message): try c.encode(message, forKey: .message)
        case let .list(messages, joiner):
            try c.encode(messages, forKey: .list)
            try c.encode(joiner, forKey: .joiner)
        }
    }

    enum CodingKeys: String, CodingKey { case text, date, fen, message, list, joiner }

    public var description: String {
        switch self {
        case let .text(text): text
        case let .date(date): date.description
        case let .money(amount): amount.description
        case let .message(message): message.description
        case let .list(messages, joiner): messages.map(\.description).joined(separator: " \(joiner.rawValue) ")
        }
    }
}
