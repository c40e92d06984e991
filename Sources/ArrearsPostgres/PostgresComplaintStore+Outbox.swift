import ArrearsCore
import ArrearsStore
import Foundation
import PostgresNIO

extension PostgresComplaintStore: NotificationOutbox {
    /// Writes what `event` obliges the platform to tell, inside the event's own transaction.
    func enqueue(_ notification: ComplaintNotification, at now: Date, _ connection: PostgresConnection) async throws {
        var statement = PostgresStatement()
        statement.sql = Self.outboxInsert(notification, at: now, &statement)
        try await connection.query(statement.query, logger: logger)
    }

    /// The INSERT of a notification into the outbox (once per cause), its values bound into `statement`.
    static func outboxInsert(_ notification: ComplaintNotification, at now: Date, _ statement: inout PostgresStatement) -> String {
        let instant = StoreCoding.instant(now)
        let values = [
            statement.bind(notification.causeKey), statement.bind(notification.topic), statement.bind(notification.recipient),
            statement.bind(notification.complaintNumber), statement.bind(notification.payload), statement.bind(instant), statement.bind(instant),
        ]
        return """
            INSERT INTO outbox (cause_key, topic, recipient, complaint_number, payload, created_at, next_attempt_at)
            VALUES (\(values.joined(separator: ", "))) ON CONFLICT (cause_key) DO NOTHING
            """
    }

    static let outboxColumns =
        "id, topic, recipient, complaint_number, cause_key, payload, created_at, state, attempts, next_attempt_at, last_error, delivered_at"

    public func claimDueMessages(at now: Date, leaseUntil: Date, limit: Int) async throws -> [OutboxMessage] {
        let (instant, lease) = (StoreCoding.instant(now), StoreCoding.instant(leaseUntil))
        return try await write { [self] connection in
            // SKIP LOCKED: a message another server is claiming this instant is left to it, not waited for.
            let rows = try await connection.query(
                """
                UPDATE outbox SET next_attempt_at = \(lease)
                WHERE id IN (SELECT id FROM outbox WHERE state = 'pending' AND next_attempt_at <= \(instant) ORDER BY id LIMIT \(limit)
                             FOR UPDATE SKIP LOCKED)
                RETURNING \(unescaped: Self.outboxColumns)
                """, logger: logger)
            var messages: [OutboxMessage] = []
            for try await row in rows { messages.append(try Self.message(row)) }
            return messages.sorted { $0.id < $1.id }
        }
    }

    public func recordDelivered(_ id: Int64, attempts: Int, at: Date) async throws {
        try await write { [self] connection in
            try await connection.query(
                """
                UPDATE outbox SET state = 'delivered', attempts = \(attempts), delivered_at = \(StoreCoding.instant(at)), last_error = NULL
                WHERE id = \(id)
                """, logger: logger)
        }
    }

    public func recordFailedDelivery(_ id: Int64, attempts: Int, error: String, retryAt: Date?) async throws {
        try await write { [self] connection in
            try await connection.query(
                """
                UPDATE outbox SET state = \(retryAt == nil ? "dead" : "pending"), attempts = \(attempts), last_error = \(String(error.prefix(500))),
                    next_attempt_at = COALESCE(\(retryAt.map(StoreCoding.instant)), next_attempt_at)
                WHERE id = \(id)
                """, logger: logger)
        }
    }

    public func outboxMessages(state: DeliveryState?, after: Int64, limit: Int) async throws -> [OutboxMessage] {
        try await read { [self] connection in
            let rows = try await connection.query(
                """
                SELECT \(unescaped: Self.outboxColumns) FROM outbox
                WHERE id > \(after) AND (\(state?.rawValue)::text IS NULL OR state = \(state?.rawValue)) ORDER BY id LIMIT \(limit)
                """, logger: logger)
            var messages: [OutboxMessage] = []
            for try await row in rows { messages.append(try Self.message(row)) }
            return messages
        }
    }

    public func retryMessage(_ id: Int64, at now: Date, by auditor: Auditor) async throws -> Bool {
        try await write { [self] connection in
            let changed = try await connection.query(
                "UPDATE outbox SET state = 'pending', next_attempt_at = \(StoreCoding.instant(now)) WHERE id = \(id) AND state <> 'delivered' RETURNING 1",
                logger: logger
            ).collect()
            guard changed.count == 1 else { return false }
            try await appendLog(SecurityLogEntry(at: now, actor: auditor, action: .webhookRetried, subject: "outbox \(id)"), connection)
            return true
        }
    }

    public func enqueueOverdueNotifications(today: CSTDate, at now: Date) async throws -> Int {
        try await write { [self] connection in
            let rows = try await connection.query(
                """
                SELECT body FROM complaints c WHERE due_on IS NOT NULL AND due_on < \(today.description)
                AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.cause_key = 'overdue:' || c.id || ':' || c.due_on) LIMIT 1000
                """, logger: logger)
            var bodies: [String] = []
            for try await body in rows.decode(String.self) { bodies.append(body) }
            var written = 0
            for body in bodies {
                guard let notification = try ComplaintNotification.overdue(StoreCoding.decode(Complaint.self, from: body), today: today, at: now)
                else {
                    continue
                }
                try await enqueue(notification, at: now, connection)
                written += 1
            }
            return written
        }
    }

    static func message(_ row: PostgresRow) throws -> OutboxMessage {
        let cells = row.makeRandomAccess()
        func text(_ index: Int) throws -> String { try cells[index].decode(String.self) }
        return OutboxMessage(
            id: try cells[0].decode(Int64.self),
            notification: ComplaintNotification(
                topic: try text(1), recipient: try text(2), complaintNumber: try text(3), causeKey: try text(4), payload: try text(5)),
            createdAt: try StoreCoding.instant(try text(6)), state: try decodeEnum(try text(7)), attempts: try cells[8].decode(Int.self),
            nextAttemptAt: try StoreCoding.instant(try text(9)), lastError: try cells[10].decode(String?.self),
            deliveredAt: try cells[11].decode(String?.self).map { try StoreCoding.instant($0) })
    }
}
