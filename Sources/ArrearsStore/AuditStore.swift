import ArrearsCore

/// Verification of the event logs' hash chains, for `audit verify` online and offline.
public protocol AuditStore: Sendable {
    /// Walks the chains of every complaint the actor may see (nil: every complaint, for the operator's offline check), or of
    /// one complaint, and reports the first broken link.
    /// With no complaint named and no actor or an admin, the security log's chain is walked too.
    func auditReport(of complaint: ComplaintID?, visibleTo actor: Actor?) async throws -> AuditReport

    /// Appends an entry to the security log (a read of personal data, a refused sign-in); returns it with its sequence.
    @discardableResult
    func record(_ entry: SecurityLogEntry) async throws -> SecurityLogEntry

    /// Entries after `sequence`, oldest first, at most `limit`; optionally only those about one subject.
    func securityLog(after sequence: Int, limit: Int, subject: String?) async throws -> [SecurityLogEntry]
}
