import ArrearsCore
import ArrearsStore
import ArrearsTestSupport
import PostgresNIO
import Testing

@testable import ArrearsPostgres

/// The plans PostgreSQL makes for the queue pages officials open most. A test database is small, where a sequential scan
/// and a sort are cheapest; with sequential scans priced out (`enable_seqscan = off`, as on a table of millions) the
/// page must come off an index in position order and stop at its limit: no sort of every match.
@Suite("PostgreSQL plans", .enabled(if: ScratchDatabase.url != nil, Comment(rawValue: ScratchDatabase.skipped)))
struct PostgresPlanTests {
    static let queues: [(QueueQuery, Actor, index: String)] = [
        (QueueQuery(states: [.submitted]), Fixtures.nationalIntake, "complaints_by_state"),
        (QueueQuery(states: [.accepted]), Fixtures.zhejiangIntake, "complaints_by_province"),
        (QueueQuery(states: [.forwarded]), Fixtures.educationHandler, "complaints_by_department"),
        (QueueQuery(), Fixtures.sme, "complaints_by_complainant"),
        (QueueQuery(states: [.submitted], after: QueueCursor(position: 40)), Fixtures.zhejiangIntake, "complaints_by_province"),
    ]

    func plan(_ statement: PostgresStatement, on location: PostgresLocation) async throws -> [String] {
        let logger = ScratchDatabase.logger
        return try await PostgresDatabase.withConnection(location, logger: logger) { connection in
            try await connection.query("SET enable_seqscan = off", logger: logger)
            var explain = statement
            explain.sql = "EXPLAIN " + statement.sql
            var lines: [String] = []
            for try await line in try await connection.query(explain.query, logger: logger).decode(String.self) { lines.append(line) }
            return lines
        }
    }

    @Test("One state's queue page is read off its index in position order, with no sort", arguments: 0..<queues.count)
    func oneState(_ index: Int) async throws {
        let location = try await ScratchDatabase.make()
        try await PostgresDatabase.migrate(location, logger: ScratchDatabase.logger)
        let (query, actor, expected) = Self.queues[index]
        let plan = try await plan(PostgresComplaintStore.queueStatement(query, visibleTo: actor), on: location)
        #expect(plan.contains { $0.contains("Index Scan using \(expected)") }, "plan: \(plan.joined(separator: "\n"))")
        #expect(!plan.contains { $0.contains("Sort") }, "no sort: \(plan.joined(separator: "\n"))")
        #expect(plan.first?.hasPrefix("Limit") == true, "the page stops at its limit: \(plan.joined(separator: "\n"))")
    }

    @Test("Several states: each read off its index and cut to the page before the branches are merged")
    func severalStates() async throws {
        let location = try await ScratchDatabase.make()
        try await PostgresDatabase.migrate(location, logger: ScratchDatabase.logger)
        let query = QueueQuery(states: [.submitted, .needsSupplement, .accepted])
        let plan = try await plan(PostgresComplaintStore.queueStatement(query, visibleTo: Fixtures.zhejiangIntake), on: location)
        let text = plan.joined(separator: "\n")
        #expect(plan.filter { $0.contains("Index Scan using complaints_by_province") }.count == 3, "one index scan a state: \(text)")
        #expect(plan.filter { $0.contains("->  Limit") }.count == 3, "each branch stops at the page: \(text)")
    }

    @Test("Earlier complaints on the same keys are read off complaint_keys' primary key, ten a key, not by a scan of every key")
    func relatedPlan() async throws {
        let location = try await ScratchDatabase.make()
        try await PostgresDatabase.migrate(location, logger: ScratchDatabase.logger)
        let query = try #require(PostgresComplaintStore.relatedQuery(BusinessKeys(Fixtures.filing())))
        var statement = PostgresStatement(query.sql)
        statement.binds = query.binds
        let plan = try await plan(statement, on: location)
        let text = plan.joined(separator: "\n")
        #expect(plan.contains { $0.contains("Index") && $0.contains("complaint_keys_pkey") }, "plan: \(text)")
        #expect(!plan.contains { $0.contains("Seq Scan") }, "no scan of a whole table: \(text)")
    }

    @Test("The queue as an SME, a department and intake see it, over real complaints: newest filed last, paged without gaps")
    func pagesInOrder() async throws {
        let store = try await ScratchDatabase.store()
        var numbers: [String] = []
        for minute in 0..<7 {
            let (complaint, event) = Fixtures.registered(at: String(format: "2026-11-02T01:%02d:00Z", minute))
            if case .created(let stored) = try await store.register(complaint, event: event, idempotency: nil) { numbers.append(stored.number) }
        }
        var seen: [String] = []
        var query = QueueQuery(states: [.submitted, .accepted], limit: 3)
        while true {
            let page = try await store.queue(query, visibleTo: Fixtures.nationalIntake)
            seen += page.items.map(\.number)
            guard let next = page.nextCursor else { break }
            query.after = next
        }
        #expect(seen == numbers, "two states merged in filing order, three to a page: \(seen)")
    }
}
