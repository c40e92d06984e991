import ArrearsCore
import ArrearsStore
import GRDB

extension SQLiteComplaintStore {
    public func queue(_ query: QueueQuery, visibleTo actor: Actor) async throws -> QueuePage {
        let limit = query.pageSize
        let (sql, bound) = Self.queueStatement(query, visibleTo: actor)
        let rows = try await read { [clocks] db in
            try Row.fetchAll(db.cachedStatement(sql: sql), arguments: bound).map { row in
                (
                    seq: row["seq"] as Int64,
                    summary: try ComplaintSummary.stored(
                        id: row["id"], number: row["number"], state: row["state"], version: row["version"], receivedAt: row["received_at"],
                        complainantName: row["complainant_name"], respondentName: row["respondent_name"], intakeProvince: row["intake_province"],
                        handlingDepartment: row["handling_department"], amountClaimedFen: row["amount_claimed_fen"], deadline: row["deadline"],
                        waiting: row["waiting"], remembered: clocks)
                )
            }
        }
        let page = rows.prefix(limit)
        let next = rows.count > limit ? page.last.map { QueueCursor(position: $0.seq) } : nil
        return QueuePage(items: page.map(\.summary), nextCursor: next)
    }

    /// The statement a queue page runs: one more row than the page, to know whether another follows.
    static func queueStatement(_ query: QueueQuery, visibleTo actor: Actor) -> (sql: String, arguments: StatementArguments) {
        let scope = SQLiteScope(actor)
        var conditions = [scope.sql]
        var arguments = scope.arguments
        if !query.states.isEmpty {
            conditions.append("state IN (\(query.states.map { _ in "?" }.joined(separator: ", ")))")
            arguments += StatementArguments(query.states.map(\.rawValue))
        }
        if let province = query.province {
            conditions.append("intake_province = ?")
            arguments += [province.code]
        }
        if let department = query.department {
            conditions.append("handling_department = ?")
            arguments += [department.rawValue]
        }
        if let today = query.overdueOn {
            conditions.append("due_on IS NOT NULL AND due_on < ?")
            arguments += [today.description]
        }
        if let amount = query.amountFrom {
            conditions.append("amount_claimed_fen >= ?")
            arguments += [amount.value]
        }
        if let amount = query.amountTo {
            conditions.append("amount_claimed_fen <= ?")
            arguments += [amount.value]
        }
        // Receipt instants are stored as UTC text, which orders as time does.
        if let day = query.receivedFrom {
            conditions.append("received_at >= ?")
            arguments += [StoreCoding.instant(day.startInstant)]
        }
        if let day = query.receivedTo {
            conditions.append("received_at < ?")
            arguments += [StoreCoding.instant(day.adding(days: 1).startInstant)]
        }
        if let cursor = query.after {
            conditions.append("seq > ?")
            arguments += [cursor.position]
        }
        let limit = query.pageSize
        let columns = "seq, \(ComplaintSummary.columns), json_extract(body, '$.deadline') AS deadline, json_extract(body, '$.waiting') AS waiting"
        guard let phrase = query.text else {
            arguments += [limit + 1]
            let sql = "SELECT \(columns) FROM complaints WHERE \(conditions.joined(separator: " AND ")) ORDER BY seq LIMIT ?"
            return (sql, arguments)
        }
        // A search walks the index's matches in position order and stops at the page's end, instead of collecting every
        // match first: "有限公司" matches every complaint, and the first page of it is as quick as the first page of all.
        let sql = """
            SELECT \(columns) FROM complaint_search JOIN complaints ON complaints.seq = complaint_search.rowid
            WHERE complaint_search MATCH ? AND \(conditions.joined(separator: " AND ")) ORDER BY complaint_search.rowid LIMIT ?
            """
        return (sql, [phrase.fts5] + arguments + [limit + 1])
    }
}
