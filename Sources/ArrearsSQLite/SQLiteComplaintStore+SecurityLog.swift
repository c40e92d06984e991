import ArrearsCore
import ArrearsStore
import Foundation
import GRDB

extension SQLiteComplaintStore {
    @discardableResult
    public func record(_ entry: SecurityLogEntry) async throws -> SecurityLogEntry {
        try await write { db in try Self.appendLog(entry, in: db) }
    }

    public func securityLog(after sequence: Int, limit: Int, subject: String?) async throws -> [SecurityLogEntry] {
        try await read { db in
            let filter = subject == nil ? "" : " AND subject = ?"
            let arguments: StatementArguments = [sequence] + (subject.map { [$0] } ?? []) + [limit]
            return try Row.fetchAll(
                db, sql: "SELECT * FROM security_log WHERE seq > ?\(filter) ORDER BY seq LIMIT ?", arguments: arguments
            ).map { row in
                SecurityLogEntry(
                    sequence: row["seq"], at: try StoreCoding.instant(row["occurred_at"]),
                    actor: Auditor(
                        id: row["actor"], role: try (row["role"] as String?).map { try Self.decodeEnum($0) }, requestID: row["request_id"]),
                    action: try Self.decodeEnum(row["action"]), subject: row["subject"],
                    detail: try StoreCoding.decode([String: String].self, from: row["detail"]))
            }
        }
    }

    /// Appends an entry chained to the last one, inside the caller's transaction, so a change and its entry commit together.
    @discardableResult
    static func appendLog(_ entry: SecurityLogEntry, in db: Database) throws -> SecurityLogEntry {
        let last = try Row.fetchOne(db, sql: "SELECT seq, hash FROM security_log ORDER BY seq DESC LIMIT 1")
        var stored = entry
        stored.sequence = (last?["seq"] as Int? ?? 0) + 1
        let previous: String = last?["hash"] ?? AuditChain.genesis
        let fields = try SecurityLogEntry.storedFields(stored)
        try db.execute(
            sql: """
                INSERT INTO security_log (seq, occurred_at, actor, role, action, subject, detail, request_id, prev_hash, hash)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                stored.sequence, fields[1], stored.actor.id, stored.actor.role?.rawValue, stored.action.rawValue, stored.subject, fields[6],
                stored.actor.requestID, previous, AuditChain.hash(previous: previous, fields: fields),
            ])
        return stored
    }

    /// Walks the security log's chain as one more history, named "security-log".
    static func verifyLog(_ db: Database, into walker: inout AuditChain.Walker) throws {
        let rows = try Row.fetchCursor(db, sql: "SELECT * FROM security_log ORDER BY seq")
        let before = walker.report.events
        while let row = try rows.next() {
            let fields: [String?] = [
                String(row["seq"] as Int), row["occurred_at"], row["actor"], row["role"], row["action"], row["subject"], row["detail"],
                row["request_id"],
            ]
            walker.check(
                complaint: "security-log", number: "security-log", sequence: row["seq"], fields: fields, previousHash: row["prev_hash"],
                hash: row["hash"])
            if walker.report.broken != nil { break }
        }
        // The log is not a complaint: count its entries apart.
        let walked = walker.report.events - before
        walker.countLog(entries: walked)
    }
}
