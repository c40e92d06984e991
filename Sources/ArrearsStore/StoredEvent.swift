import ArrearsCore

/// An event as its `complaint_events` row: the text of each field and its link in the complaint's hash chain. Made
/// apart from the insert so that bulk imports can encode and hash on every core before the one writer stores them.
public struct StoredEvent: Sendable {
    public let event: ComplaintEvent
    public let province: RegionCode?
    /// The fields exactly as stored, in the order the hash covers them (`AuditChain`).
    public let fields: [String?]
    public let previous: String
    public let hash: String

    public init(_ event: ComplaintEvent, province: RegionCode?, previous: String) throws {
        self.event = event
        self.province = province
        fields = [
            event.complaintID.rawValue, String(event.sequence), event.kind.rawValue, event.from?.rawValue, event.to.rawValue,
            event.actor.rawValue, event.actorName, event.role.rawValue, StoreCoding.instant(event.at), event.on.description, province?.code,
            String(event.openDelta), event.detail.amountClaimed.map { String($0.value) }, event.detail.amountPaid.map { String($0.value) },
            try StoreCoding.encode(event.detail),
        ]
        self.previous = previous
        hash = AuditChain.hash(previous: previous, fields: fields)
    }

    /// A whole history chained from the genesis link, as an import stores it.
    public static func chain(_ events: [ComplaintEvent], province: RegionCode?) throws -> [StoredEvent] {
        var previous = AuditChain.genesis
        return try events.map { event in
            let stored = try StoredEvent(event, province: province, previous: previous)
            previous = stored.hash
            return stored
        }
    }
}
