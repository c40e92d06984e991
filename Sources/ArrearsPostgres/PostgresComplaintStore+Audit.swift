import ArrearsCore
import ArrearsStore
import PostgresNIO

extension PostgresComplaintStore: AuditStore {
    public func auditReport(of complaint: ComplaintID?, visibleTo actor: Actor?) async throws -> AuditReport {
        // One snapshot for the whole walk: a complaint's version and its events are read as of the same moment.
        try await write { [self] connection in
            try await connection.query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY", logger: logger)
            var statement = PostgresStatement()
            var condition = PostgresScope.condition(ComplaintScope.auditing(actor), &statement)
            if let complaint {
                let key = statement.bind(complaint.rawValue)
                condition += " AND (id = \(key) OR number = \(key))"
            }
            var walker = AuditChain.Walker()
            var empty = statement
            empty.sql = """
                SELECT number FROM complaints WHERE \(condition)
                AND NOT EXISTS (SELECT 1 FROM complaint_events e WHERE e.complaint_id = complaints.id) LIMIT 1
                """
            if let number = try await connection.query(empty.query, logger: logger).collect().first {
                walker.checkVersion(number: try number.decode(String.self), version: 1, lastSequence: 0)
                return walker.report
            }
            statement.sql = """
                SELECT e.complaint_id, c.number, c.version, e.sequence, e.kind, e.from_state, e.to_state, e.actor, e.actor_name, e.role,
                       e.occurred_at, e.cst_date, e.intake_province, e.open_delta, e.amount_claimed_fen, e.amount_paid_fen, e.detail,
                       e.prev_hash, e.hash
                FROM complaint_events e JOIN complaints c ON c.id = e.complaint_id
                WHERE e.complaint_id IN (SELECT id FROM complaints WHERE \(condition))
                ORDER BY e.complaint_id, e.sequence
                """
            var last: (id: String, number: String, version: Int, sequence: Int)?
            let rows = try await connection.query(statement.query, logger: logger)
            for try await row in rows {
                let cells = row.makeRandomAccess()
                func text(_ index: Int) throws -> String? { try cells[index].decode(String?.self) }
                func integer(_ index: Int) throws -> String? { try cells[index].decode(Int64?.self).map { String($0) } }
                let id = try cells[0].decode(String.self)
                let number = try cells[1].decode(String.self)
                let version = try cells[2].decode(Int.self)
                let sequence = try cells[3].decode(Int.self)
                let fields: [String?] = [
                    id, String(sequence), try text(4), try text(5), try text(6), try text(7), try text(8), try text(9), try text(10), try text(11),
                    try text(12), try integer(13), try integer(14), try integer(15), try text(16),
                ]
                if let last, last.id != id { walker.checkVersion(number: last.number, version: last.version, lastSequence: last.sequence) }
                walker.check(complaint: id, number: number, sequence: sequence, fields: fields, previousHash: try text(17), hash: try text(18))
                if walker.report.broken != nil { return walker.report }
                last = (id, number, version, sequence)
            }
            if let last { walker.checkVersion(number: last.number, version: last.version, lastSequence: last.sequence) }
            if complaint == nil, actor == nil || actor?.role == .admin, walker.report.broken == nil {
                try await verifyLog(connection, into: &walker)
            }
            return walker.report
        }
    }
}
