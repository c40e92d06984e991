import Foundation

/// One forward of a complaint to a handling department, and what became of it.
public struct Hop: Sendable, Codable, Equatable {
    /// Where a hop stands.
    public enum State: String, Sendable, Codable, CaseIterable {
        case sent, acknowledged, returned
    }

    /// 1 for the first forward, then 2, 3, …
    public let number: Int
    public let department: DepartmentID
    public let sentAt: Date
    /// The routing rule that chose the department; nil when the officer overrode the routing.
    public var routedBy: String?
    /// Why the officer sent it somewhere other than the routing rule said.
    public var overrideReason: String?
    public var acknowledgedAt: Date?
    public var returnedAt: Date?
    public var returnReason: String?
    /// Extension days approved on this hop's handling period (at most the rule's maximum less its length).
    public var extensionDays: Int

    public init(number: Int, department: DepartmentID, sentAt: Date, routedBy: String?, overrideReason: String?) {
        self.number = number
        self.department = department
        self.sentAt = sentAt
        self.routedBy = routedBy
        self.overrideReason = overrideReason
        self.extensionDays = 0
    }

    public var state: State {
        if returnedAt != nil { return .returned }
        return acknowledgedAt != nil ? .acknowledged : .sent
    }
}
