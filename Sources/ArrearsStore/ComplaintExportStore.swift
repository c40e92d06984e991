import ArrearsCore

/// Complaints as flat rows for exports, read in pages in registration order and limited to what the actor may see.
public protocol ComplaintExportStore: Sendable {
    /// Up to `limit` rows after position `after` (0 for the start), received between the two CST dates (inclusive).
    func exportRows(receivedFrom: CSTDate?, through: CSTDate?, after: Int64, limit: Int, visibleTo actor: Actor) async throws -> [ComplaintExportRow]
}

/// One complaint as an export shows it; the contact in full, for the caller to mask.
public struct ComplaintExportRow: Sendable, Equatable {
    public let position: Int64
    public let number: String
    public let state: String
    public let receivedAt: String
    public let intakeProvince: String?
    public let handlingDepartment: String?
    public let amountClaimed: Fen
    public let complainant: String
    public let complainantCode: String
    public let industry: String
    public let size: String
    public let contact: Contact
    public let respondent: String
    public let respondentKind: String
    public let respondentLevel: String
    public let respondentRegion: String
    public let channel: String

    public init(
        position: Int64, number: String, state: String, receivedAt: String, intakeProvince: String?, handlingDepartment: String?, amountClaimed: Fen,
        complainant: String, complainantCode: String, industry: String, size: String, contact: Contact, respondent: String, respondentKind: String,
        respondentLevel: String, respondentRegion: String, channel: String
    ) {
        self.position = position
        self.number = number
        self.state = state
        self.receivedAt = receivedAt
        self.intakeProvince = intakeProvince
        self.handlingDepartment = handlingDepartment
        self.amountClaimed = amountClaimed
        self.complainant = complainant
        self.complainantCode = complainantCode
        self.industry = industry
        self.size = size
        self.contact = contact
        self.respondent = respondent
        self.respondentKind = respondentKind
        self.respondentLevel = respondentLevel
        self.respondentRegion = respondentRegion
        self.channel = channel
    }
}
