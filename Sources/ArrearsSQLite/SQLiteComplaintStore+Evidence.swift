import ArrearsCore
import ArrearsStore
import Foundation
import GRDB

extension SQLiteComplaintStore: EvidenceStore {
    public func attach(
        _ evidence: Evidence, visibleTo actor: Actor, complaintLimit: Int,
        decide: @escaping @Sendable (Complaint) throws -> (Complaint, ComplaintEvent)
    ) async throws -> Complaint {
        try await write { db in
            guard let current = try Self.fetchComplaint(db, id: evidence.complaintID, scope: SQLiteScope(actor)) else {
                throw StoreError.notFound
            }
            let used =
                try Int.fetchOne(db, sql: "SELECT COALESCE(SUM(bytes), 0) FROM evidence WHERE complaint_id = ?", arguments: [current.id.rawValue])
                ?? 0
            guard used + evidence.bytes <= complaintLimit else {
                throw StoreError.evidenceAllowanceExceeded(used: used, adding: evidence.bytes, limit: complaintLimit)
            }
            let (next, event) = try decide(current)
            try Self.save(next, replacing: current, event: event, calendar: try self.statisticsCalendar(db), in: db)
            try db.execute(
                sql: """
                    INSERT INTO evidence (id, complaint_id, sha256, type, bytes, name, attached_by, attached_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    evidence.id.rawValue, current.id.rawValue, evidence.sha256, evidence.type.rawValue, evidence.bytes, evidence.name,
                    evidence.attachedBy.rawValue, StoreCoding.instant(evidence.attachedAt),
                ])
            return next
        }
    }

    public func evidence(of id: ComplaintID, visibleTo actor: Actor) async throws -> [Evidence]? {
        try await read { db in
            let (condition, arguments) = Self.lookup(id, SQLiteScope(actor))
            guard let found = try String.fetchOne(db, sql: "SELECT id FROM complaints WHERE \(condition)", arguments: arguments) else { return nil }
            return try Row.fetchAll(
                db, sql: "SELECT * FROM evidence WHERE complaint_id = ? ORDER BY attached_at, rowid", arguments: [found]
            ).map(Self.evidence(from:))
        }
    }

    public func evidence(_ id: EvidenceID, of complaint: ComplaintID, visibleTo actor: Actor) async throws -> Evidence? {
        try await read { db in
            let (condition, arguments) = Self.lookup(complaint, SQLiteScope(actor))
            guard let found = try String.fetchOne(db, sql: "SELECT id FROM complaints WHERE \(condition)", arguments: arguments) else { return nil }
            return try Row.fetchOne(db, sql: "SELECT * FROM evidence WHERE id = ? AND complaint_id = ?", arguments: [id.rawValue, found])
                .map(Self.evidence(from:))
        }
    }

    public func isEvidenceContentReferenced(sha256: String) async throws -> Bool {
        try await read { db in try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM evidence WHERE sha256 = ?)", arguments: [sha256]) ?? false }
    }

    static func evidence(from row: Row) throws -> Evidence {
        Evidence(
            id: EvidenceID(row["id"]), complaintID: ComplaintID(row["complaint_id"]), sha256: row["sha256"], type: try decodeEnum(row["type"]),
            bytes: row["bytes"], name: row["name"], attachedBy: AccountID(row["attached_by"]), attachedAt: try StoreCoding.instant(row["attached_at"])
        )
    }
}
