import ArrearsCore

/// What an official asks of the queue: filters, a cursor and a page size.
public struct QueueQuery: Sendable, Equatable {
    public var states: [ComplaintState]
    public var province: RegionCode?
    public var department: DepartmentID?
    /// When set, only complaints whose running deadline ended before this date.
    public var overdueOn: CSTDate?
    /// Only complaints whose number, parties, credit codes or contract numbers hold this phrase (`SearchTerms`).
    public var text: SearchPhrase?
    /// Only complaints claiming at least / at most this much (投诉金额).
    public var amountFrom: Fen?
    public var amountTo: Fen?
    /// Only complaints received on or after / on or before these CST dates.
    public var receivedFrom: CSTDate?
    public var receivedTo: CSTDate?
    /// Continue after this position (from a previous page's `nextCursor`).
    public var after: QueueCursor?
    public var limit: Int

    public static let maximumLimit = 200

    /// The complaints a page holds: the limit asked, within 1…`maximumLimit`.
    public var pageSize: Int { max(1, min(limit, Self.maximumLimit)) }

    public init(
        states: [ComplaintState] = [], province: RegionCode? = nil, department: DepartmentID? = nil,
        overdueOn: CSTDate? = nil, after: QueueCursor? = nil, limit: Int = 50
    ) {
        self.states = states
        self.province = province
        self.department = department
        self.overdueOn = overdueOn
        self.after = after
        self.limit = limit
    }
}

/// An opaque position in a queue: registration order, which is "oldest first".
public struct QueueCursor: Sendable, Equatable {
    public let position: Int64

    public init(position: Int64) {
        self.position = position
    }

    /// The text clients pass back; shaped so nobody mistakes it for a complaint number.
    public var token: String { "p" + String(position, radix: 36) }

    public init(token: String) throws(InvalidValue) {
        guard token.hasPrefix("p"), let position = Int64(token.dropFirst(), radix: 36), position >= 0 else {
            throw InvalidValue(rule: "cursor.invalid")
        }
        self.position = position
    }
}

/// One page of a queue.
public struct QueuePage: Sendable, Equatable {
    public let items: [ComplaintSummary]
    public let nextCursor: QueueCursor?

    public init(items: [ComplaintSummary], nextCursor: QueueCursor?) {
        self.items = items
        self.nextCursor = nextCursor
    }
}
