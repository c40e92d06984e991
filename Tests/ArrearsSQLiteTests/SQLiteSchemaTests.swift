import ArrearsCore
import ArrearsStore
import ArrearsTestSupport
import Foundation
import GRDB
import Testing

@testable import ArrearsSQLite

@Suite("The SQLite schema")
struct SQLiteSchemaTests {
    func openPool() throws -> DatabasePool {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("arrears-schema-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return try SQLiteDatabase.open(path: folder.appendingPathComponent("arrears.sqlite").path)
    }

    @Test("Migrating twice is harmless and leaves the schema current")
    func migrateTwice() throws {
        let pool = try openPool()
        try SQLiteDatabase.migrate(pool)
        try SQLiteDatabase.migrate(pool)
        #expect(try SQLiteDatabase.isCurrent(pool))
        let tables = try pool.read { try String.fetchAll($0, sql: "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name") }
        #expect(tables.contains("complaints") && tables.contains("complaint_events") && tables.contains("accounts"))
    }

    @Test("A database migrated by a newer release is refused")
    func newerSchemaRefused() throws {
        let pool = try openPool()
        try SQLiteDatabase.migrate(pool)
        try pool.write { try $0.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('9999_from_the_future')") }
        #expect(throws: SchemaError.self) { try SQLiteDatabase.migrate(pool) }
    }

    @Test("The database runs in WAL mode with full fsync on commit")
    func durability() throws {
        let pool = try openPool()
        let mode = try pool.read { try String.fetchOne($0, sql: "PRAGMA journal_mode") }
        let synchronous = try pool.read { try Int.fetchOne($0, sql: "PRAGMA synchronous") }
        #expect(mode == "wal")
        #expect(synchronous == 2, "2 is FULL")
    }

    @Test("The event log refuses updates and deletes")
    func appendOnly() async throws {
        let pool = try openPool()
        try SQLiteDatabase.migrate(pool)
        let store = SQLiteComplaintStore(pool)
        let (complaint, event) = Fixtures.registered(at: "2026-11-02T01:30:00Z")
        _ = try await store.register(complaint, event: event, idempotency: nil)
        #expect(throws: DatabaseError.self) {
            try pool.write { try $0.execute(sql: "UPDATE complaint_events SET kind = 'withdrawn'") }
        }
        #expect(throws: DatabaseError.self) {
            try pool.write { try $0.execute(sql: "DELETE FROM complaint_events") }
        }
    }

    /// The queues officials open most: intake's new complaints, a province's accepted ones, a department's forwarded ones,
    /// an SME's own — each as the store builds it.
    static let queues: [(QueueQuery, Actor)] = [
        (QueueQuery(states: [.submitted]), Fixtures.nationalIntake),
        (QueueQuery(states: [.accepted]), Fixtures.zhejiangIntake),
        (QueueQuery(states: [.forwarded]), Fixtures.educationHandler),
        (QueueQuery(), Fixtures.sme),
        (QueueQuery(states: [.submitted], after: QueueCursor(position: 40)), Fixtures.zhejiangIntake),
    ]

    @Test("Queue queries are answered from indexes, oldest first, without sorting", arguments: 0..<queues.count)
    func queueIndexes(_ index: Int) throws {
        let pool = try openPool()
        try SQLiteDatabase.migrate(pool)
        let (query, actor) = Self.queues[index]
        let (sql, arguments) = SQLiteComplaintStore.queueStatement(query, visibleTo: actor)
        let plan = try pool.read { try Row.fetchAll($0, sql: "EXPLAIN QUERY PLAN " + sql, arguments: arguments).map { $0["detail"] as String } }
        #expect(plan.contains { $0.contains("USING INDEX complaints_by_") }, "plan: \(plan)")
        #expect(!plan.contains { $0.contains("TEMP B-TREE") }, "no sort step: \(plan)")
    }

    @Test("A search is driven by the full-text index in position order and stops at the page: no sort, no collected match list")
    func searchPlan() throws {
        let pool = try openPool()
        try SQLiteDatabase.migrate(pool)
        var query = QueueQuery(states: [.submitted, .forwarded])
        query.text = SearchTerms.query("有限公司")
        let (sql, arguments) = SQLiteComplaintStore.queueStatement(query, visibleTo: Fixtures.zhejiangIntake)
        let plan = try pool.read { try Row.fetchAll($0, sql: "EXPLAIN QUERY PLAN " + sql, arguments: arguments).map { $0["detail"] as String } }
        #expect(plan.first?.contains("VIRTUAL TABLE INDEX") == true, "the index drives: \(plan)")
        #expect(plan.contains { $0.contains("SEARCH complaints USING INTEGER PRIMARY KEY") }, "each match looked up by position: \(plan)")
        #expect(!plan.contains { $0.contains("TEMP B-TREE") || $0.contains("LIST SUBQUERY") }, "no sort, no match list: \(plan)")
    }

    @Test("A month's statistics, with or without breakdowns, sum the cells in key order without sorting", arguments: [true, false])
    func statisticsOrder(breakdowns: Bool) throws {
        let pool = try openPool()
        try SQLiteDatabase.migrate(pool)
        let sql = SQLiteComplaintStore.cellSums(breakdowns: breakdowns)
        let plan = try pool.read {
            try Row.fetchAll($0, sql: "EXPLAIN QUERY PLAN " + sql, arguments: ["2020-12", "*", "2020-12"]).map { $0["detail"] as String }
        }
        #expect(plan.contains { $0.contains("statistics_cells USING PRIMARY KEY") }, "plan: \(plan)")
        #expect(!plan.contains { $0.contains("TEMP B-TREE") }, "no sort step: \(plan)")
    }

    /// Found with wrk on 2026-11-22: a lookup that grouped every earlier complaint between the same parties made identical
    /// filings quadratic (intake fell from ~1,100 to 51 req/s). Each key now reads its newest entries straight off the index.
    @Test("Duplicate lookup reads newest-first from the key index, without sorting")
    func duplicateLookupIndex() throws {
        let pool = try openPool()
        try SQLiteDatabase.migrate(pool)
        let keys = BusinessKeys(Fixtures.filing())
        let plan = try pool.read {
            try Row.fetchAll(
                $0, sql: "EXPLAIN QUERY PLAN " + SQLiteComplaintStore.relatedKeysSQL,
                arguments: [keys.complainant, keys.respondent, keys.contracts[0]]
            ).map { $0["detail"] as String }
        }
        #expect(plan.contains { $0.contains("USING PRIMARY KEY") }, "plan: \(plan)")
        #expect(!plan.contains { $0.contains("TEMP B-TREE") }, "no sort step: \(plan)")
    }

    @Test("The hundred-and-first filing on the same contract names the ten most recent, not all a hundred")
    func duplicateFindingsBounded() async throws {
        let pool = try openPool()
        try SQLiteDatabase.migrate(pool)
        let store = SQLiteComplaintStore(pool)
        for minute in 0..<100 {
            let (complaint, event) = Fixtures.registered(at: String(format: "2026-11-02T01:%02d:%02dZ", minute / 60, minute % 60))
            _ = try await store.register(complaint, event: event, idempotency: nil)
        }
        let (last, event) = Fixtures.registered(at: "2026-11-02T03:00:00Z")
        let stored = try await store.register(last, event: event, idempotency: nil).complaint
        #expect(stored.findings.count == 10)
        #expect(stored.findings.first?.related == "ARR-2026-000100")
        #expect(stored.findings.last?.related == "ARR-2026-000091")
    }
}
