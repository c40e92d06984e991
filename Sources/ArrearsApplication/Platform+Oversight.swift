import ArrearsCore
import ArrearsStore

extension Platform {
    /// Walks the hash chains of the complaints the caller may audit (or one of them) and reports the first broken link.
    public func auditReport(of complaint: ComplaintID?, by caller: Caller) async throws -> AuditReport {
        let account = try caller.holding(.verifyAudit, "verify-audit")
        return try await store.auditReport(of: complaint, visibleTo: account.actor)
    }

    /// Security-log entries after a sequence, oldest first; `limit` is kept within 1–1000.
    public func securityLog(after sequence: Int, limit: Int?, subject: String?, by caller: Caller) async throws -> [SecurityLogEntry] {
        _ = try caller.holding(.readSecurityLog, "read-security-log")
        return try await store.securityLog(after: sequence, limit: min(max(limit ?? 100, 1), 1000), subject: subject)
    }

    /// Webhook deliveries after an id, in one state or all; `limit` is kept within 1–1000.
    public func webhookDeliveries(state: DeliveryState?, after id: Int64, limit: Int?, by caller: Caller) async throws -> [OutboxMessage] {
        _ = try caller.holding(.manageWebhooks, "list-webhook-deliveries")
        return try await store.outboxMessages(state: state, after: id, limit: min(max(limit ?? 100, 1), 1000))
    }

    /// Sends a failed or abandoned delivery again at once; a delivered one is refused.
    public func retryWebhookDelivery(_ id: Int64, by caller: Caller) async throws -> OutboxMessage {
        _ = try caller.holding(.manageWebhooks, "retry-webhook-deliveries")
        let retried = try await store.retryMessage(id, at: clock.now(), by: caller.auditor)
        guard let message = try await store.outboxMessages(state: nil, after: id - 1, limit: 1).first(where: { $0.id == id }) else {
            throw Refusal.noSuchDelivery(id)
        }
        guard retried else { throw Refusal.alreadyDelivered(id) }
        return message
    }
}
