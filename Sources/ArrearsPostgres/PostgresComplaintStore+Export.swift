import ArrearsCore
import ArrearsStore
import PostgresNIO

extension PostgresComplaintStore: ComplaintExportStore {
    public func exportRows(
        receivedFrom: CSTDate?, through: CSTDate?, after: Int64, limit: Int, visibleTo actor: Actor
    ) async throws -> [ComplaintExportRow] {
        var statement = PostgresStatement()
        var conditions = [PostgresScope.condition(actor, &statement), "seq > \(statement.bind(after))"]
        // received_at is a UTC instant; a CST date starts at 16:00 UTC the day before.
        if let receivedFrom {
            conditions.append("received_at >= \(statement.bind(StoreCoding.instant(receivedFrom.startInstant)))")
        }
        if let through {
            conditions.append("received_at < \(statement.bind(StoreCoding.instant(through.adding(days: 1).startInstant)))")
        }
        statement.sql = """
            SELECT seq, number, state, received_at, intake_province, handling_department, amount_claimed_fen, complainant_name,
                   complainant_code, complainant_industry, complainant_size, contact_person, contact_phone, contact_email,
                   respondent_name, respondent_kind, respondent_level, respondent_region, channel
            FROM complaints WHERE \(conditions.joined(separator: " AND ")) ORDER BY seq LIMIT \(statement.bind(limit))
            """
        let found = statement
        return try await read { [self] connection in
            var rows: [ComplaintExportRow] = []
            rows.reserveCapacity(limit)
            for try await row in try await connection.query(found.query, logger: logger) {
                let cells = row.makeRandomAccess()
                func text(_ index: Int) throws -> String { try cells[index].decode(String.self) }
                func optional(_ index: Int) throws -> String? { try cells[index].decode(String?.self) }
                rows.append(
                    ComplaintExportRow(
                        position: try cells[0].decode(Int64.self), number: try text(1), state: try text(2), receivedAt: try text(3),
                        intakeProvince: try optional(4), handlingDepartment: try optional(5),
                        amountClaimed: Fen(unchecked: try cells[6].decode(Int64.self)),
                        complainant: try text(7), complainantCode: try text(8), industry: try text(9), size: try text(10),
                        contact: Contact(person: try text(11), phone: try text(12), email: try optional(13)), respondent: try text(14),
                        respondentKind: try text(15), respondentLevel: try text(16), respondentRegion: try text(17), channel: try text(18)))
            }
            return rows
        }
    }
}
