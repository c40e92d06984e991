import Foundation

/// A complainant's request for review after a poor rating (差评复核), with new facts; a supervisor reopens the complaint or
/// declines with a reason within the review clock.
public struct ReviewRequest: Sendable, Codable, Equatable {
    public let requestedAt: Date
    public let facts: String
    /// Why a supervisor declined; nil while the request waits (an accepted request reopens the complaint and is cleared).
    public var declinedReason: String?
    public var decidedAt: Date?

    public init(requestedAt: Date, facts: String) {
        self.requestedAt = requestedAt
        self.facts = facts
    }
}
