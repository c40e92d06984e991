import ArrearsCore
import ArrearsStore
import Foundation
import PostgresNIO

extension PostgresComplaintStore: EvidenceStore {
    public func attach(
        _ evidence: Evidence, visibleTo actor: Actor, complaintLimit: Int,
        decide: @escaping @Sendable (Complaint) throws -> (Complaint, ComplaintEvent)
    ) async throws -> Complaint {
        try await write { [self] connection in
            // The complaint's row lock also serialises attachments, so two uploads cannot both fit under the allowance.
            guard let current = try await fetchComplaint(connection, id: evidence.complaintID, visibleTo: actor, forUpdate: true) else {
                throw StoreError.notFound
            }
            let sum = try await connection.query(
                "SELECT COALESCE(SUM(bytes), 0)::bigint FROM evidence WHERE complaint_id = \(current.id.rawValue)", logger: logger
            ).collect()
            let used = try sum.first?.decode(Int.self) ?? 0
            guard used + evidence.bytes <= complaintLimit else {
                throw StoreError.evidenceAllowanceExceeded(used: used, adding: evidence.bytes, limit: complaintLimit)
            }
            let (next, event) = try decide(current)
            try await save(next, replacing: current, event: event, connection)
            try await connection.query(
                """
                INSERT INTO evidence (id, complaint_id, sha256, type, bytes, name, attached_by, attached_at)
                VALUES (\(evidence.id.rawValue), \(current.id.rawValue), \(evidence.sha256), \(evidence.type.rawValue), \(evidence.bytes),
                    \(evidence.name), \(evidence.attachedBy.rawValue), \(StoreCoding.instant(evidence.attachedAt)))
                """, logger: logger)
            return next
        }
    }

    static let evidenceColumns = "id, complaint_id, sha256, type, bytes, name, attached_by, attached_at"

    public func evidence(of id: ComplaintID, visibleTo actor: Actor) async throws -> [Evidence]? {
        try await read { [self] connection in
            guard let found = try await visibleID(connection, id, actor) else { return nil }
            var evidence: [Evidence] = []
            let rows = try await connection.query(
                "SELECT \(unescaped: Self.evidenceColumns) FROM evidence WHERE complaint_id = \(found.rawValue) ORDER BY attached_at, position",
                logger: logger)
            for try await row in rows { evidence.append(try Self.evidence(row)) }
            return evidence
        }
    }

    public func evidence(_ id: EvidenceID, of complaint: ComplaintID, visibleTo actor: Actor) async throws -> Evidence? {
        try await read { [self] connection in
            guard let found = try await visibleID(connection, complaint, actor) else { return nil }
            let rows = try await connection.query(
                "SELECT \(unescaped: Self.evidenceColumns) FROM evidence WHERE id = \(id.rawValue) AND complaint_id = \(found.rawValue)",
                logger: logger
            ).collect()
            return try rows.first.map(Self.evidence)
        }
    }

    public func isEvidenceContentReferenced(sha256: String) async throws -> Bool {
        try await read { [self] connection in
            !(try await connection.query("SELECT 1 FROM evidence WHERE sha256 = \(sha256) LIMIT 1", logger: logger).collect().isEmpty)
        }
    }

    static func evidence(_ row: PostgresRow) throws -> Evidence {
        let (id, complaint, sha256, type, bytes, name, attachedBy, attachedAt) = try row.decode(
            (String, String, String, String, Int, String, String, String).self)
        return Evidence(
            id: EvidenceID(id), complaintID: ComplaintID(complaint), sha256: sha256, type: try decodeEnum(type), bytes: bytes, name: name,
            attachedBy: AccountID(attachedBy), attachedAt: try StoreCoding.instant(attachedAt))
    }
}
