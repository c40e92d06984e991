import ArrearsCore
import ArrearsStore
import PostgresNIO

extension PostgresComplaintStore {
    public func queue(_ query: QueueQuery, visibleTo actor: Actor) async throws -> QueuePage {
        var statement = PostgresStatement()
        var conditions = [PostgresScope.condition(actor, &statement)]
        if !query.states.isEmpty {
            conditions.append("state = ANY(\(statement.bind(query.states.map(\.rawValue)))::text[])")
        }
        if let province = query.province {
            conditions.append("intake_province = \(statement.bind(province.code))")
        }
        if let department = query.department {
            conditions.append("handling_department = \(statement.bind(department.rawValue))")
        }
        if let today = query.overdueOn {
            conditions.append("due_on IS NOT NULL AND due_on < \(statement.bind(today.description))")
        }
        if let cursor = query.after {
            conditions.append("seq > \(statement.bind(cursor.position))")
        }
        let limit = max(1, min(query.limit, QueueQuery.maximumLimit))
        statement.sql =
            "SELECT seq, body FROM complaints WHERE \(conditions.joined(separator: " AND ")) ORDER BY seq LIMIT \(statement.bind(limit + 1))"
        let found = statement
        let rows = try await read { connection in
            var rows: [(seq: Int64, body: String)] = []
            for try await row in try await connection.query(found.query, logger: logger).decode((Int64, String).self) { rows.append(row) }
            return rows
        }
        let page = rows.prefix(limit)
        let items = try page.map { try StoreCoding.decode(Complaint.self, from: $0.body) }
        let next = rows.count > limit ? page.last.map { QueueCursor(position: $0.seq) } : nil
        return QueuePage(items: items, nextCursor: next)
    }
}
