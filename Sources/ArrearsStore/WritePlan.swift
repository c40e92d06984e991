import ArrearsCore
import Foundation

/// What recording one event writes beside the complaint's row, decided once for every engine: the event itself (which
/// the engine chains to the one before it), the notification it obliges, and what it adds to the statistics. An engine
/// only executes it, in the transaction that writes the row.
public struct EventWrite: Sendable {
    public let event: ComplaintEvent
    /// The province whose figures and log the event belongs to (the complaint's intake province).
    public let province: RegionCode?
    public let notification: ComplaintNotification?
    public let cells: StatisticsCells

    /// The event that takes a complaint from `current` (nil: none, a registration) to `next`.
    public init(_ event: ComplaintEvent, next: Complaint, replacing current: Complaint?, calendar: WorkingDayCalendar) throws {
        self.event = event
        province = next.intakeProvince
        notification = try ComplaintNotification.caused(by: event, complaint: next)
        var cells = StatisticsCells(calendar: calendar)
        cells.count(
            event, complaint: next.filing, receivedOn: next.receivedOn, previousDeadline: current?.deadline,
            priorForwards: current?.hops.count ?? 0, departmentBefore: current?.handlingDepartment, departmentAfter: next.handlingDepartment)
        self.cells = cells
    }
}

/// What registering a complaint writes, in the order every engine follows: take the next number of the year of receipt,
/// find earlier complaints on the same keys, then store the numbered complaint (with what they say about it) and its
/// first event.
public struct RegistrationWrite: Sendable {
    public let complaint: Complaint
    public let event: ComplaintEvent
    /// The keys to look related complaints up by, and to store for later ones.
    public let keys: BusinessKeys

    public init(_ complaint: Complaint, event: ComplaintEvent) {
        self.complaint = complaint
        self.event = event
        keys = BusinessKeys(complaint.filing)
    }

    /// The year whose counter numbers the complaint.
    public var year: Int { complaint.receivedOn.components.year }

    /// The complaint as stored, given its ordinal in the year and the earlier complaints its keys found, with what its
    /// first event writes.
    public func numbered(ordinal: Int, related: [RelatedComplaint], calendar: WorkingDayCalendar) throws -> (Complaint, EventWrite) {
        var numbered = complaint
        numbered.number = StoreCoding.complaintNumber(year: year, ordinal: ordinal)
        numbered.findings += Eligibility.findings(complaint.filing, related: related)
        return (numbered, try EventWrite(event, next: numbered, replacing: nil, calendar: calendar))
    }
}

extension SecurityLogEntry {
    /// The log's record of an SME account shown to be the company: how, what was checked, and how many complaints
    /// officials had registered for it joined it.
    public static func accountVerified(
        _ account: AccountID, method: String, evidence: String, complaintsJoined: Int, at now: Date, by auditor: Auditor
    ) -> SecurityLogEntry {
        SecurityLogEntry(
            at: now, actor: auditor, action: .accountVerified, subject: account.rawValue,
            detail: ["method": method, "evidence": evidence, "complaintsJoined": String(complaintsJoined)])
    }

    /// The log's record of a new account: who made it (or that it registered itself), its role and scope, and how it
    /// signs in; never its password or token.
    public static func accountCreated(_ account: Account, operatorToken: Bool, by auditor: Auditor) -> SecurityLogEntry {
        var detail = ["role": account.role.rawValue, "name": account.name]
        detail["province"] = account.province?.code
        detail["department"] = account.department?.rawValue
        detail["creditCode"] = account.creditCode?.text
        detail["signIn"] = operatorToken ? "operator token" : "password"
        return SecurityLogEntry(
            at: account.createdAt, actor: auditor, action: auditor.id == account.id.rawValue ? .accountRegistered : .accountCreated,
            subject: account.id.rawValue, detail: detail)
    }
}
