import ArrearsCore

/// The records of evidence files (their content is in an `EvidenceVault`), limited to what the actor may see.
public protocol EvidenceStore: Sendable {
    /// Records an attachment together with the `evidence_attached` event `decide` makes, in one transaction; refuses with
    /// `StoreError.evidenceAllowanceExceeded` when the complaint's attachments would pass `complaintLimit` bytes.
    func attach(
        _ evidence: Evidence, visibleTo actor: Actor, complaintLimit: Int,
        decide: @escaping @Sendable (Complaint) throws -> (Complaint, ComplaintEvent)
    ) async throws -> Complaint

    /// The complaint's attachments, oldest first, if the actor's scope covers the complaint.
    func evidence(of id: ComplaintID, visibleTo actor: Actor) async throws -> [Evidence]?

    /// One attachment of a complaint, if the actor's scope covers the complaint.
    func evidence(_ id: EvidenceID, of complaint: ComplaintID, visibleTo actor: Actor) async throws -> Evidence?

    /// Whether any attachment refers to this content, so content is removed only when nothing uses it.
    func isEvidenceContentReferenced(sha256: String) async throws -> Bool
}

/// Everything a server needs from one database.
public typealias ArrearsStorage = ComplaintStore & AccountStore & ReferenceStore & AuditStore & EvidenceStore & StatisticsPublicationStore
    & DraftStore
    & OperationalGaugeStore
    & ComplaintExportStore & NotificationOutbox & VerificationCodeStore
