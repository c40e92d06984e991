import ArrearsCore
import ArrearsStore
import Foundation
import GRDB

/// Opens the SQLite file the way Arrears needs it (WAL, full fsync on commit) and runs the
/// migrations shipped in Schemas/sqlite, which are the only copy of the schema.
public enum SQLiteDatabase {
    /// Opens (creating if needed) a database file as a pool: one writer, concurrent readers.
    public static func open(path: String) throws -> DatabasePool {
        try DatabasePool(path: path, configuration: durable())
    }

    /// Every connection that writes: FULL, so a commit is on disk before the response goes out, and an acknowledged
    /// write survives power loss, not only a process crash.
    static func durable() -> Configuration {
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA synchronous = FULL") }
        return configuration
    }

    /// The migration files of Schemas/sqlite, embedded in the binary at build time (Package.swift
    /// lists them) so a deployed `arrearsd` needs no files beside it. Never edit one once released.
    public static let migrations: [(name: String, sql: String)] = [
        ("0001_complaints", String(decoding: PackageResources._001_complaints_sql, as: UTF8.self)),
        ("0002_reference_and_parties", String(decoding: PackageResources._002_reference_and_parties_sql, as: UTF8.self)),
        ("0003_audit_chain", String(decoding: PackageResources._003_audit_chain_sql, as: UTF8.self)),
        ("0004_sign_in", String(decoding: PackageResources._004_sign_in_sql, as: UTF8.self)),
        ("0005_evidence", String(decoding: PackageResources._005_evidence_sql, as: UTF8.self)),
        ("0006_security_log", String(decoding: PackageResources._006_security_log_sql, as: UTF8.self)),
        ("0007_statistics", String(decoding: PackageResources._007_statistics_sql, as: UTF8.self)),
        ("0008_statistics_durations", String(decoding: PackageResources._008_statistics_durations_sql, as: UTF8.self)),
        ("0009_statistics_publications", String(decoding: PackageResources._009_statistics_publications_sql, as: UTF8.self)),
        ("0010_statistics_by_scope", String(decoding: PackageResources._010_statistics_by_scope_sql, as: UTF8.self)),
        ("0011_export_columns", String(decoding: PackageResources._011_export_columns_sql, as: UTF8.self)),
        ("0012_statistics_cells_by_key", String(decoding: PackageResources._012_statistics_cells_by_key_sql, as: UTF8.self)),
        ("0013_outbox", String(decoding: PackageResources._013_outbox_sql, as: UTF8.self)),
        ("0014_one_sme_per_credit_code", String(decoding: PackageResources._014_one_sme_per_credit_code_sql, as: UTF8.self)),
        ("0015_sme_verification", String(decoding: PackageResources._015_sme_verification_sql, as: UTF8.self)),
        ("0016_issued_documents", String(decoding: PackageResources._016_issued_documents_sql, as: UTF8.self)),
        ("0017_search", String(decoding: PackageResources._017_search_sql, as: UTF8.self)),
        ("0018_filing_drafts", String(decoding: PackageResources._018_filing_drafts_sql, as: UTF8.self)),
    ]

    static func migrator() throws -> DatabaseMigrator {
        var migrator = DatabaseMigrator()
        for (name, sql) in migrations {
            migrator.registerMigration(name) { db in
                try db.execute(sql: sql)
                // Derived cells for the events a database already holds.
                if name == "0010_statistics_by_scope" { try StatisticsCells.rebuild(db) }
                // The search terms of the complaints a database already holds.
                if name == "0017_search" {
                    let rows = try Row.fetchCursor(db, sql: "SELECT seq, body FROM complaints")
                    while let row = try rows.next() {
                        let complaint = try StoreCoding.decode(Complaint.self, from: row["body"] as String)
                        try SQLiteComplaintStore.index(complaint, seq: row["seq"], in: db)
                    }
                }
            }
        }
        return migrator
    }

    /// Applies the migrations not yet applied; refuses a database a newer Arrears has migrated.
    public static func migrate(_ writer: any DatabaseWriter) throws {
        let migrator = try migrator()
        if try writer.read({ try migrator.hasBeenSuperseded($0) }) {
            throw SchemaError.newerThanThisRelease
        }
        try migrator.migrate(writer)
    }

    /// Whether every shipped migration has been applied.
    public static func isCurrent(_ reader: any DatabaseReader) throws -> Bool {
        try reader.read { try isCurrent($0) }
    }

    /// The same, inside a read the caller already holds.
    public static func isCurrent(_ db: Database) throws -> Bool {
        try migrator().hasCompletedMigrations(db)
    }
}
