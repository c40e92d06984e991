import ArrearsCore
import ArrearsStore
import GRDB

extension SQLiteComplaintStore {
    public func queue(_ query: QueueQuery, visibleTo actor: Actor) async throws -> QueuePage {
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
        if let cursor = query.after {
            conditions.append("seq > ?")
            arguments += [cursor.position]
        }
        let limit = max(1, min(query.limit, QueueQuery.maximumLimit))
        arguments += [limit + 1]
        let sql = "SELECT seq, body FROM complaints WHERE \(conditions.joined(separator: " AND ")) ORDER BY seq LIMIT ?"
        let bound = arguments
        let rows = try await read { db in
            try Row.fetchAll(db, sql: sql, arguments: bound).map { (seq: $0["seq"] as Int64, body: $0["body"] as String) }
        }
        let page = rows.prefix(limit)
        let items = try page.map { try StoreCoding.decode(Complaint.self, from: $0.body) }
        let next = rows.count > limit ? page.last.map { QueueCursor(position: $0.seq) } : nil
        return QueuePage(items: items, nextCursor: next)
    }
}
