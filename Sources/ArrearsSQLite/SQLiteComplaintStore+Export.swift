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
        // The fields are read out of the stored JSON by SQLite itself, so an export decodes no complaint in Swift.
        let sql = """
            SELECT seq, number, state, received_at, intake_province, handling_department, amount_claimed_fen,
                   json_extract(body, '$.filing.complainant.name') AS complainant,
                   json_extract(body, '$.filing.complainant.creditCode') AS code,
                   json_extract(body, '$.filing.complainant.industry') AS industry,
                   json_extract(body, '$.filing.complainant.declaredSize') AS size,
                   json_extract(body, '$.filing.complainant.contact.person') AS person,
                   json_extract(body, '$.filing.complainant.contact.phone') AS phone,
                   json_extract(body, '$.filing.complainant.contact.email') AS email,
                   json_extract(body, '$.filing.respondent.name') AS respondent,
                   json_extract(body, '$.filing.respondent.kind') AS kind,
                   json_extract(body, '$.filing.respondent.level') AS level,
                   json_extract(body, '$.filing.respondent.region') AS region,
                   json_extract(body, '$.filing.channel') AS channel
            FROM complaints WHERE \(conditions.joined(separator: " AND ")) ORDER BY seq LIMIT ?
            """
        let bound = arguments
        return try await read { db in
            try Row.fetchAll(db, sql: sql, arguments: bound).map { row in
                ComplaintExportRow(
                    position: row["seq"], number: row["number"], state: row["state"], receivedAt: row["received_at"],
                    intakeProvince: row["intake_province"], handlingDepartment: row["handling_department"],
                    amountClaimed: Fen(unchecked: row["amount_claimed_fen"]), complainant: row["complainant"] ?? "",
                    complainantCode: row["code"] ?? "",
                    industry: row["industry"] ?? "", size: row["size"] ?? "",
                    contact: Contact(person: row["person"] ?? "", phone: row["phone"] ?? "", email: row["email"]),
                    respondent: row["respondent"] ?? "",
                    respondentKind: row["kind"] ?? "", respondentLevel: row["level"] ?? "", respondentRegion: row["region"] ?? "",
                    channel: row["channel"] ?? "")
            }
        }
    }
}
