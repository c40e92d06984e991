import ArrearsCore
import ArrearsStore
import Foundation
import PostgresNIO

extension PostgresComplaintStore {
    /// The advisory lock that makes appends to the security log take turns across processes ("ARRL" in ASCII), so two
    /// entries never get the same number or link to the same predecessor.
    static let securityLogLock: Int64 = 0x4152_524C

    @discardableResult
    public func record(_ entry: SecurityLogEntry) async throws -> SecurityLogEntry {
        try await write { [self] connection in try await appendLog(entry, connection) }
    }

    public func securityLog(after sequence: Int, limit: Int, subject: String?) async throws -> [SecurityLogEntry] {
        var statement = PostgresStatement()
        let filter = subject.map { " AND subject = \(statement.bind($0))" } ?? ""
        statement.sql = """
            SELECT seq, occurred_at, actor, role, action, subject, detail, request_id FROM security_log
            WHERE seq > \(statement.bind(sequence))\(filter) ORDER BY seq LIMIT \(statement.bind(limit))
            """
        let found = statement
        return try await read { [self] connection in
            var entries: [SecurityLogEntry] = []
            let rows = try await connection.query(found.query, logger: logger)
            for try await (seq, at, actor, role, action, subject, detail, requestID) in rows.decode(
                (Int, String, String, String?, String, String, String, String?).self)
            {
                entries.append(
                    SecurityLogEntry(
                        sequence: seq, at: try StoreCoding.instant(at),
                        actor: Auditor(id: actor, role: try role.map { try Self.decodeEnum($0) }, requestID: requestID),
                        action: try Self.decodeEnum(action), subject: subject, detail: try StoreCoding.decode([String: String].self, from: detail)))
            }
            return entries
        }
    }

    /// Appends an entry chained to the last one, inside the caller's transaction, so a change and its entry commit together.
    @discardableResult
    func appendLog(_ entry: SecurityLogEntry, _ connection: PostgresConnection) async throws -> SecurityLogEntry {
        try await connection.query("SELECT pg_advisory_xact_lock(\(Self.securityLogLock))", logger: logger)
        let last = try await connection.query("SELECT seq, hash FROM security_log ORDER BY seq DESC LIMIT 1", logger: logger).collect()
        let (lastSequence, previous) = try last.first?.decode((Int, String).self) ?? (0, AuditChain.genesis)
        var stored = entry
        stored.sequence = lastSequence + 1
        let fields = try SecurityLogEntry.storedFields(stored)
        try await connection.query(
            """
            INSERT INTO security_log (seq, occurred_at, actor, role, action, subject, detail, request_id, prev_hash, hash)
            VALUES (\(stored.sequence), \(fields[1]), \(stored.actor.id), \(stored.actor.role?.rawValue), \(stored.action.rawValue),
                \(stored.subject), \(fields[6]), \(stored.actor.requestID), \(previous), \(AuditChain.hash(previous: previous, fields: fields)))
            """, logger: logger)
        return stored
    }

    /// Walks the security log's chain as one more history, named "security-log".
    func verifyLog(_ connection: PostgresConnection, into walker: inout AuditChain.Walker) async throws {
        let rows = try await connection.query(
            "SELECT seq, occurred_at, actor, role, action, subject, detail, request_id, prev_hash, hash FROM security_log ORDER BY seq",
            logger: logger)
        let before = walker.report.events
        for try await (seq, at, actor, role, action, subject, detail, requestID, previous, hash) in rows.decode(
            (Int, String, String, String?, String, String, String, String?, String, String).self)
        {
            walker.check(
                complaint: "security-log", number: "security-log", sequence: seq,
                fields: [String(seq), at, actor, role, action, subject, detail, requestID], previousHash: previous, hash: hash)
            if walker.report.broken != nil { break }
        }
        walker.countLog(entries: walker.report.events - before)
    }
}
