import ArrearsCore
import ArrearsStore
import Foundation
import Logging
import PostgresNIO

/// Runs the migrations shipped in Schemas/postgres, which are the only copy of the PostgreSQL schema, and says whether a
/// database is current. Several `arrearsd` processes may start at once: an advisory lock lets one migrate at a time.
public enum PostgresDatabase {
    /// The migration files, embedded in the binary at build time (Package.swift lists them). Never edit one once released.
    public static let migrations: [(name: String, sql: String)] = [
        ("0001_schema", String(decoding: PackageResources._001_schema_sql, as: UTF8.self)),
        ("0002_outbox", String(decoding: PackageResources._002_outbox_sql, as: UTF8.self)),
        ("0003_one_sme_per_credit_code", String(decoding: PackageResources._003_one_sme_per_credit_code_sql, as: UTF8.self)),
        ("0004_sme_verification", String(decoding: PackageResources._004_sme_verification_sql, as: UTF8.self)),
        ("0005_issued_documents", String(decoding: PackageResources._005_issued_documents_sql, as: UTF8.self)),
        ("0006_search", String(decoding: PackageResources._006_search_sql, as: UTF8.self)),
        ("0007_filing_drafts", String(decoding: PackageResources._007_filing_drafts_sql, as: UTF8.self)),
        ("0008_no_hot_rows", String(decoding: PackageResources._008_no_hot_rows_sql, as: UTF8.self)),
    ]

    /// The advisory lock key migrations hold ("ARRE" in ASCII).
    static let migrationLock: Int64 = 0x4152_5245

    /// Applies the migrations not yet applied, each in its own transaction with its record; refuses a database a newer
    /// Arrears has migrated. Returns the names applied now.
    @discardableResult
    public static func migrate(_ location: PostgresLocation, logger: Logger) async throws -> [String] {
        try await withConnection(try await primary(of: location, logger: logger), logger: logger) { connection in
            try await connection.query(
                "CREATE TABLE IF NOT EXISTS arrears_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())",
                logger: logger)
            try await connection.query("SELECT pg_advisory_lock(\(migrationLock))", logger: logger)
            do {
                let applied = try await appliedMigrations(connection, logger: logger)
                let shipped = Set(migrations.map(\.name))
                guard applied.isSubset(of: shipped) else { throw SchemaError.newerThanThisRelease }
                var now: [String] = []
                for (name, sql) in migrations where !applied.contains(name) {
                    try await connection.withTransaction(logger: logger) { connection in
                        for statement in statements(sql) {
                            try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
                        }
                        try await connection.query("INSERT INTO arrears_migrations (name) VALUES (\(name))", logger: logger)
                        if name == "0006_search" { try await fillSearchTerms(connection, logger: logger) }
                    }
                    now.append(name)
                }
                try await connection.query("SELECT pg_advisory_unlock(\(migrationLock))", logger: logger)
                return now
            } catch {
                if !connection.isClosed { _ = try? await connection.query("SELECT pg_advisory_unlock(\(migrationLock))", logger: logger) }
                throw error
            }
        }
    }

    /// The one host of a location, or of several the one that accepts writes (refused when none does).
    public static func primary(of location: PostgresLocation, logger: Logger) async throws -> PostgresLocation {
        guard location.hosts.count > 1 else { return location }
        guard let primary = await PrimaryPool.primary(among: location, logger: logger) else {
            throw PostgresLocationError("none of \(location.hosts.map(\.description).joined(separator: ", ")) accepts writes (no primary)")
        }
        return location.only(primary)
    }

    /// The search terms of the complaints stored before they were kept, in the migration's transaction.
    static func fillSearchTerms(_ connection: PostgresConnection, logger: Logger) async throws {
        var after: Int64 = 0
        while true {
            var batch: [(Int64, String)] = []
            for try await (seq, body) in try await connection.query(
                "SELECT seq, body FROM complaints WHERE seq > \(after) ORDER BY seq LIMIT 1000", logger: logger
            ).decode((Int64, String).self) {
                let complaint = try StoreCoding.decode(Complaint.self, from: body)
                batch.append((seq, SearchTerms.tsvector(SearchTerms.document(of: complaint))))
            }
            guard let last = batch.last else { return }
            try await connection.query(
                """
                UPDATE complaints SET search = filled.terms::tsvector
                FROM unnest(\(batch.map(\.0))::bigint[], \(batch.map(\.1))::text[]) AS filled (seq, terms)
                WHERE complaints.seq = filled.seq
                """, logger: logger)
            after = last.0
        }
    }

    /// The migrations a database records as applied (none when it has never been migrated).
    static func appliedMigrations(_ connection: PostgresConnection, logger: Logger) async throws -> Set<String> {
        let exists = try await connection.query("SELECT to_regclass('arrears_migrations') IS NOT NULL", logger: logger).collect()
        guard try exists.first?.decode(Bool.self) == true else { return [] }
        var names: Set<String> = []
        for try await name in try await connection.query("SELECT name FROM arrears_migrations", logger: logger).decode(String.self) {
            names.insert(name)
        }
        return names
    }

    /// Whether every shipped migration, and nothing newer, has been applied.
    static func isCurrent(_ connection: PostgresConnection, logger: Logger) async throws -> Bool {
        try await appliedMigrations(connection, logger: logger) == Set(migrations.map(\.name))
    }

    /// One connection, opened and closed around `body`: it fails at once with the server's message, where a pooled
    /// client retries for a minute first (STACK.md).
    public static func withConnection<T: Sendable>(
        _ location: PostgresLocation, logger: Logger, connectTimeout: TimeAmount = .seconds(10), _ body: (PostgresConnection) async throws -> T
    ) async throws -> T {
        var configuration = try location.connectionConfiguration()
        configuration.options.connectTimeout = connectTimeout
        let connection = try await PostgresConnection.connect(configuration: configuration, id: 1, logger: logger)
        do {
            let result = try await body(connection)
            try await connection.close()
            return result
        } catch {
            try? await connection.close()
            throw error
        }
    }

    /// A migration file as single statements: the extended protocol postgres-nio speaks takes one at a time. A statement
    /// ends with a line ending in `;`, unless the line is inside a `$$` function body.
    static func statements(_ sql: String) -> [String] {
        var statements: [String] = []
        var current = ""
        var inBody = false
        for line in sql.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if current.isEmpty && (trimmed.isEmpty || trimmed.hasPrefix("--")) { continue }
            current += line + "\n"
            if line.components(separatedBy: "$$").count % 2 == 0 { inBody.toggle() }
            if !inBody && trimmed.hasSuffix(";") {
                statements.append(current)
                current = ""
            }
        }
        if !current.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { statements.append(current) }
        return statements
    }
}
