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
}
