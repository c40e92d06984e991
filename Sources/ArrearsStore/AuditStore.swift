import ArrearsCore

/// Verification of the event logs' hash chains, for `audit verify` online and offline.
public protocol AuditStore: Sendable {
    /// Walks the chains of every complaint the actor may see (nil: every complaint, for the operator's offline check), or of
    /// one complaint, and reports the first broken link.
    func auditReport(of complaint: ComplaintID?, visibleTo actor: Actor?) async throws -> AuditReport
}
