import ArrearsCore
import ArrearsStore
import GRDB

extension SQLiteComplaintStore: ComplaintExportStore {
    public func exportRows(
        receivedFrom: CSTDate?, through: CSTDate?, after: Int64, limit: Int, visibleTo actor: Actor
    ) async throws -> [ComplaintExportRow] {
        let scope = SQLiteScope(actor)
        var conditions = [scope.sql, "seq > ?"]
        var arguments = scope.arguments + [after]
        // received_at is a UTC instant; a CST date starts at 16:00 UTC the day before.
        if let receivedFrom {
            conditions.append("received_at >= ?")
            arguments += [StoreCoding.instant(receivedFrom.startInstant)]
        }
        if let through {
            conditions.append("received_at < ?")
            arguments += [StoreCoding.instant(through.adding(days: 1).startInstant)]
        }
        arguments += [limit]
        // Stored columns (migration 0011), read by position from a cursor: by-name lookups and json_extract were most of
        // an export's time.
        let sql = """
            SELECT seq, number, state, received_at, intake_province, handling_department, amount_claimed_fen, complainant_name,
                   complainant_code, complainant_industry, complainant_size, contact_person, contact_phone, contact_email,
                   respondent_name, respondent_kind, respondent_level, respondent_region, channel
            FROM complaints WHERE \(conditions.joined(separator: " AND ")) ORDER BY seq LIMIT ?
            """
        let bound = arguments
        return try await read { db in
            var rows: [ComplaintExportRow] = []
            rows.reserveCapacity(limit)
            let cursor = try Row.fetchCursor(db.cachedStatement(sql: sql), arguments: bound)
            while let row = try cursor.next() {
                rows.append(
                    ComplaintExportRow(
                        position: row[0], number: row[1], state: row[2], receivedAt: row[3], intakeProvince: row[4], handlingDepartment: row[5],
                        amountClaimed: Fen(unchecked: row[6]), complainant: row[7], complainantCode: row[8], industry: row[9], size: row[10],
                        contact: Contact(person: row[11], phone: row[12], email: row[13]), respondent: row[14], respondentKind: row[15],
                        respondentLevel: row[16], respondentRegion: row[17], channel: row[18]))
            }
            return rows
        }
    }
}
