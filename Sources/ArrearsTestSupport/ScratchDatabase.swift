import ArrearsPostgres
import Foundation
import Logging
import PostgresNIO

/// A PostgreSQL server for tests, named by `ARREARS_TEST_POSTGRES_URL` (`.ci/run` starts a throwaway one); without it the
/// PostgreSQL tests are reported as skipped, never passed.
public enum ScratchDatabase {
    public static let url = ProcessInfo.processInfo.environment["ARREARS_TEST_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 }
    public static let skipped = "set ARREARS_TEST_POSTGRES_URL to a PostgreSQL server to run these (bash .ci/run starts one)"
    public static let logger = Logger(label: "arrears-tests")

    /// A new, empty database on the test server, for one test.
    public static func make() async throws -> PostgresLocation {
        let server = try PostgresLocation(url: url ?? "")
        let name = "arrears_test_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        try await PostgresDatabase.withConnection(server, logger: logger) { connection in
            try await connection.query(PostgresQuery(unsafeSQL: "CREATE DATABASE \(name)"), logger: logger)
        }
        return server.database(name)
    }

    /// A migrated store on a new database, its pool running for as long as the test process does (a test has no service
    /// group to run it in, and its database is thrown away with the cluster).
    public static func store() async throws -> PostgresComplaintStore {
        let store = try await PostgresComplaintStore.open(try await make(), logger: logger, connections: 8)
        Task { try await store.run() }
        return store
    }
}
