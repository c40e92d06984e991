import ArrearsCore
import ArrearsStore
import GRDB

extension SQLiteComplaintStore: AuditStore {
    public func auditReport(of complaint: ComplaintID?, visibleTo actor: Actor?) async throws -> AuditReport {
        try await read { db in
            let scope = SQLiteScope(ComplaintScope.auditing(actor))
            var condition = scope.sql
            var arguments = scope.arguments
            if let complaint {
                condition += " AND (id = ? OR number = ?)"
                arguments += [complaint.rawValue, complaint.rawValue]
            }
            var walker = AuditChain.Walker()
            if let empty = try String.fetchOne(
                db,
                sql:
                    "SELECT number FROM complaints WHERE \(condition) AND NOT EXISTS (SELECT 1 FROM complaint_events e WHERE e.complaint_id = complaints.id)",
                arguments: arguments)
            {
                walker.checkVersion(number: empty, version: 1, lastSequence: 0)
                return walker.report
            }
            // The events' primary key orders them by complaint and sequence, so this streams without sorting.
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT e.complaint_id, c.number, c.version, e.sequence, e.kind, e.from_state, e.to_state, e.actor, e.actor_name, e.role,
                           e.occurred_at, e.cst_date, e.intake_province, e.open_delta, e.amount_claimed_fen, e.amount_paid_fen, e.detail,
                           e.prev_hash, e.hash
                    FROM complaint_events e JOIN complaints c ON c.id = e.complaint_id
                    WHERE e.complaint_id IN (SELECT id FROM complaints WHERE \(condition))
                    ORDER BY e.complaint_id, e.sequence
                    """,
                arguments: arguments)
            var last: (id: String, number: String, version: Int, sequence: Int)?
            while let row = try rows.next() {
                let id: String = row["complaint_id"]
                if let last, last.id != id { walker.checkVersion(number: last.number, version: last.version, lastSequence: last.sequence) }
                let sequence: Int = row["sequence"]
                let number: String = row["number"]
                let fields: [String?] = [
                    id, String(sequence), row["kind"], row["from_state"], row["to_state"], row["actor"], row["actor_name"], row["role"],
                    row["occurred_at"], row["cst_date"], row["intake_province"], (row["open_delta"] as Int64?).map { String($0) },
                    (row["amount_claimed_fen"] as Int64?).map { String($0) }, (row["amount_paid_fen"] as Int64?).map { String($0) },
                    row["detail"],
                ]
                walker.check(complaint: id, number: number, sequence: sequence, fields: fields, previousHash: row["prev_hash"], hash: row["hash"])
                if walker.report.broken != nil { return walker.report }
                last = (id, number, row["version"], sequence)
            }
            if let last { walker.checkVersion(number: last.number, version: last.version, lastSequence: last.sequence) }
            if complaint == nil, actor == nil || actor?.role == .admin, walker.report.broken == nil { try Self.verifyLog(db, into: &walker) }
            return walker.report
        }
    }
}
