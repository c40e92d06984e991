import ArrearsCore
import ArrearsStore
import Foundation
import GRDB

extension SQLiteComplaintStore: NotificationOutbox {
    /// Writes what `event` obliges the platform to tell, inside the event's own transaction.
    static func enqueue(_ notification: ComplaintNotification, at now: Date, in db: Database) throws {
        let instant = StoreCoding.instant(now)
        try db.cachedStatement(
            sql: """
                INSERT INTO outbox (cause_key, topic, recipient, complaint_number, payload, created_at, next_attempt_at)
                VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (cause_key) DO NOTHING
                """
        ).execute(
            arguments: [
                notification.causeKey, notification.topic, notification.recipient, notification.complaintNumber, notification.payload, instant,
                instant,
            ])
    }

    public func claimDueMessages(at now: Date, leaseUntil: Date, limit: Int) async throws -> [OutboxMessage] {
        let (instant, lease) = (StoreCoding.instant(now), StoreCoding.instant(leaseUntil))
        return try await write { db in
            try Row.fetchAll(
                db.cachedStatement(
                    sql: """
                        UPDATE outbox SET next_attempt_at = ?
                        WHERE id IN (SELECT id FROM outbox WHERE state = 'pending' AND next_attempt_at <= ? ORDER BY id LIMIT ?)
                        RETURNING *
                        """),
                arguments: [lease, instant, limit]
            ).map(Self.message).sorted { $0.id < $1.id }
        }
    }

    public func recordDelivered(_ id: Int64, attempts: Int, at: Date) async throws {
        try await write { db in
            try db.execute(
                sql: "UPDATE outbox SET state = 'delivered', attempts = ?, delivered_at = ?, last_error = NULL WHERE id = ?",
                arguments: [attempts, StoreCoding.instant(at), id])
        }
    }

    public func recordFailedDelivery(_ id: Int64, attempts: Int, error: String, retryAt: Date?) async throws {
        try await write { db in
            try db.execute(
                sql: "UPDATE outbox SET state = ?, attempts = ?, last_error = ?, next_attempt_at = COALESCE(?, next_attempt_at) WHERE id = ?",
                arguments: [retryAt == nil ? "dead" : "pending", attempts, String(error.prefix(500)), retryAt.map(StoreCoding.instant), id])
        }
    }

    public func outboxMessages(state: DeliveryState?, after: Int64, limit: Int) async throws -> [OutboxMessage] {
        try await read { db in
            try Row.fetchAll(
                db.cachedStatement(sql: "SELECT * FROM outbox WHERE id > ? AND (? IS NULL OR state = ?) ORDER BY id LIMIT ?"),
                arguments: [after, state?.rawValue, state?.rawValue, limit]
            ).map(Self.message)
        }
    }

    public func retryMessage(_ id: Int64, at now: Date, by auditor: Auditor) async throws -> Bool {
        try await write { db in
            try db.execute(
                sql: "UPDATE outbox SET state = 'pending', next_attempt_at = ? WHERE id = ? AND state <> 'delivered'",
                arguments: [StoreCoding.instant(now), id])
            guard db.changesCount == 1 else { return false }
            try Self.appendLog(SecurityLogEntry(at: now, actor: auditor, action: .webhookRetried, subject: "outbox \(id)"), in: db)
            return true
        }
    }

    public func enqueueOverdueNotifications(today: CSTDate, at now: Date) async throws -> Int {
        try await write { db in
            let bodies = try String.fetchAll(
                db.cachedStatement(
                    sql: """
                        SELECT body FROM complaints c WHERE due_on IS NOT NULL AND due_on < ?
                        AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.cause_key = 'overdue:' || c.id || ':' || c.due_on) LIMIT 1000
                        """),
                arguments: [today.description])
            var written = 0
            for body in bodies {
                guard let notification = try ComplaintNotification.overdue(StoreCoding.decode(Complaint.self, from: body), today: today, at: now)
                else {
                    continue
                }
                try Self.enqueue(notification, at: now, in: db)
                written += 1
            }
            return written
        }
    }

    static func message(_ row: Row) throws -> OutboxMessage {
        OutboxMessage(
            id: row["id"],
            notification: ComplaintNotification(
                topic: row["topic"], recipient: row["recipient"], complaintNumber: row["complaint_number"], causeKey: row["cause_key"],
                payload: row["payload"]),
            createdAt: try StoreCoding.instant(row["created_at"]), state: try decodeEnum(row["state"]), attempts: row["attempts"],
            nextAttemptAt: try StoreCoding.instant(row["next_attempt_at"]), lastError: row["last_error"],
            deliveredAt: try (row["delivered_at"] as String?).map { try StoreCoding.instant($0) })
    }
}
