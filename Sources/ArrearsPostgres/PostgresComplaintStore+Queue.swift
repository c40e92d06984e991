import ArrearsCore
import ArrearsStore
import PostgresNIO

extension PostgresComplaintStore {
    public func queue(_ query: QueueQuery, visibleTo actor: Actor) async throws -> QueuePage {
        let limit = query.pageSize
        let found = Self.queueStatement(query, visibleTo: actor)
        let rows = try await read { [self] connection in
            var rows: [(seq: Int64, summary: ComplaintSummary)] = []
            let decoded = try await connection.query(found.query, logger: logger).decode(
                (Int64, String, String, String, Int, String, String, String, String?, String?, Int64, String?, String?).self)
            for try await row in decoded {
                rows.append(
                    (
                        row.0,
                        try ComplaintSummary.stored(
                            id: row.1, number: row.2, state: row.3, version: row.4, receivedAt: row.5, complainantName: row.6, respondentName: row.7,
                            intakeProvince: row.8, handlingDepartment: row.9, amountClaimedFen: row.10, deadline: row.11,
                            waiting: row.12, remembered: clocks)
                    ))
            }
            return rows
        }
        let page = rows.prefix(limit)
        let next = rows.count > limit ? page.last.map { QueueCursor(position: $0.seq) } : nil
        return QueuePage(items: page.map(\.summary), nextCursor: next)
    }

    /// The page's statement. Each state is read off its own index in position order and the page stops at its limit:
    /// one state is `state = $n` (an index on `(…, state, seq)` answers it in order), several are one such branch each,
    /// merged and cut to the page — never "every match, then sorted", which on PostgreSQL 15 is what `state = ANY(…)`
    /// with `ORDER BY seq` becomes.
    static func queueStatement(_ query: QueueQuery, visibleTo actor: Actor) -> PostgresStatement {
        var statement = PostgresStatement()
        var conditions = [PostgresScope.condition(actor, &statement)]
        if let province = query.province {
            conditions.append("intake_province = \(statement.bind(province.code))")
        }
        if let department = query.department {
            conditions.append("handling_department = \(statement.bind(department.rawValue))")
        }
        if let today = query.overdueOn {
            conditions.append("due_on IS NOT NULL AND due_on < \(statement.bind(today.description))")
        }
        if let phrase = query.text {
            conditions.append("search @@ \(statement.bind(phrase.tsquery))::tsquery")
        }
        if let amount = query.amountFrom {
            conditions.append("amount_claimed_fen >= \(statement.bind(amount.value))")
        }
        if let amount = query.amountTo {
            conditions.append("amount_claimed_fen <= \(statement.bind(amount.value))")
        }
        // Receipt instants are stored as UTC text, which orders as time does.
        if let day = query.receivedFrom {
            conditions.append("received_at >= \(statement.bind(StoreCoding.instant(day.startInstant)))")
        }
        if let day = query.receivedTo {
            conditions.append("received_at < \(statement.bind(StoreCoding.instant(day.adding(days: 1).startInstant)))")
        }
        if let cursor = query.after {
            conditions.append("seq > \(statement.bind(cursor.position))")
        }
        let limit = statement.bind(query.pageSize + 1)
        let columns = "seq, \(ComplaintSummary.columns), (body::json -> 'deadline')::text, (body::json -> 'waiting')::text"
        let common = conditions.joined(separator: " AND ")
        let states = Array(Set(query.states)).sorted { $0.rawValue < $1.rawValue }
        switch states.count {
        case 0:
            statement.sql = "SELECT \(columns) FROM complaints WHERE \(common) ORDER BY seq LIMIT \(limit)"
        case 1:
            statement.sql =
                "SELECT \(columns) FROM complaints WHERE state = \(statement.bind(states[0].rawValue)) AND \(common) ORDER BY seq LIMIT \(limit)"
        default:
            let branches = states.map { state in
                "(SELECT \(columns) FROM complaints WHERE state = \(statement.bind(state.rawValue)) AND \(common) ORDER BY seq LIMIT \(limit))"
            }
            statement.sql = "SELECT * FROM (\(branches.joined(separator: " UNION ALL "))) AS page ORDER BY seq LIMIT \(limit)"
        }
        return statement
    }
}
