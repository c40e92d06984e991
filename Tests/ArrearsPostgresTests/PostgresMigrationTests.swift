import ArrearsCore
import ArrearsPostgres
import ArrearsStore
import ArrearsTestSupport
import PostgresNIO
import Testing

@Suite("PostgreSQL migrations", .enabled(if: ScratchDatabase.url != nil, Comment(rawValue: ScratchDatabase.skipped)))
struct PostgresMigrationTests {
    @Test("migrate applies each migration once, again does nothing, and refuses a schema a newer release made")
    func versioned() async throws {
        let location = try await ScratchDatabase.make()
        let logger = ScratchDatabase.logger
        let first = try await PostgresDatabase.migrate(location, logger: logger)
        #expect(first == PostgresDatabase.migrations.map(\.name))
        let again = try await PostgresDatabase.migrate(location, logger: logger)
        #expect(again.isEmpty, "a second run applies nothing, got \(again)")
        let store = PostgresComplaintStore(location, logger: logger, connections: 2)
        try await store.running {
            #expect(await store.readinessProblem() == nil, "a current schema is ready")
            try await PostgresDatabase.withConnection(location, logger: logger) { connection in
                try await connection.query("INSERT INTO arrears_migrations (name) VALUES ('9999_from_the_future')", logger: logger)
            }
            await #expect(throws: SchemaError.self) { try await PostgresDatabase.migrate(location, logger: logger) }
            let problem = await store.readinessProblem()
            #expect(problem?.id == "readiness.schema", "readiness names the problem, got \(problem?.description ?? "nil")")
        }
    }

    @Test("After 0008 a database numbers on from its counter (41 → ARR-2026-000042), and new counts fold onto the old cells")
    func noHotRows() async throws {
        let location = try await ScratchDatabase.make()
        let logger = ScratchDatabase.logger
        try await PostgresDatabase.migrate(location, logger: logger)
        // The database as 0007 left it: a year's counter at 41 and a national cell counting them; no sequences, no pending.
        try await PostgresDatabase.withConnection(location, logger: logger) { connection in
            for statement in [
                "DO $$ BEGIN FOR y IN 2000..2099 LOOP EXECUTE format('DROP SEQUENCE complaint_number_%s', y); END LOOP; END $$",
                "DROP TABLE statistics_pending",
                "DELETE FROM arrears_migrations WHERE name = '0008_no_hot_rows'",
                "INSERT INTO complaint_numbers (year, last) VALUES (2026, 41)",
                "INSERT INTO statistics_cells (province, dimension, key, figure, month, value) VALUES ('*', 'all', '', 'registered', '2026-11', 41)",
            ] {
                try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
            }
        }
        #expect(try await PostgresDatabase.migrate(location, logger: logger) == ["0008_no_hot_rows"])
        let store = PostgresComplaintStore(location, logger: logger, connections: 2)
        try await store.running {
            let (complaint, event) = Fixtures.registered(at: "2026-11-10T02:00:00Z")
            let stored = try await store.register(complaint, event: event, idempotency: nil).complaint
            #expect(stored.number == "ARR-2026-000042", "numbers continue from the counter, got \(stored.number)")
            let november = try await store.monthlyStatistics(try CSTMonth("2026-11"), visibleTo: Fixtures.nationalIntake, breakdowns: false)
            #expect(november.monthly.registered == 42, "the pending count is folded onto the old cell, got \(november.monthly.registered)")
        }
    }
}
