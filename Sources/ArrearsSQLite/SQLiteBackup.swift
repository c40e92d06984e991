import ArrearsStore
import Foundation
import GRDB

/// Copies of a database and its evidence files, taken while the server runs, and their restoration into an empty place;
/// each copy is checked (SQLite's integrity check, row counts, every hash chain, every evidence file's digest) before it
/// is reported good.
public enum SQLiteBackup {
    /// The tables whose row counts a backup and its restoration must agree on.
    public static let countedTables = [
        "complaints", "complaint_events", "accounts", "sessions", "idempotency_keys", "evidence", "security_log", "statistics_publications",
        "routing_tables", "calendar_imports",
    ]

    /// What a checked copy holds.
    public struct Summary: Sendable, Equatable, CustomStringConvertible {
        public var counts: [String: Int] = [:]
        public var audit = AuditReport()
        public var evidenceFiles = 0
        public var evidenceBytes: Int64 = 0

        public var description: String {
            let tables = SQLiteBackup.countedTables.map { "\($0) \(counts[$0] ?? 0)" }.joined(separator: ", ")
            return "\(tables); audit chains intact (\(audit.complaints) complaints, \(audit.events) events, security log \(audit.logEntries)); "
                + "\(evidenceFiles) evidence files (\(evidenceBytes) bytes) match their SHA-256"
        }
    }

    /// What went wrong with a copy; the copy is removed.
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    /// The evidence folder that goes with a database file: its name with `.evidence` for the extension.
    public static func evidenceDirectory(beside database: String) -> String {
        URL(fileURLWithPath: database).deletingPathExtension().appendingPathExtension("evidence").path
    }

    /// Copies the live database at `source` (SQLite's online backup API, one consistent snapshot; writers are not
    /// stopped) to `destination`, which must not exist, then the evidence files its rows name, then checks the copy.
    /// The copy appears under its name only when checked.
    public static func backup(database source: String, evidence sourceEvidence: String, to destination: String) async throws -> Summary {
        guard !FileManager.default.fileExists(atPath: destination) else { throw Failure(description: "\(destination) exists; choose a new name") }
        let live = try DatabasePool(path: source, configuration: readOnly())
        return try await copy(from: live, evidence: sourceEvidence, to: destination)
    }

    /// Restores a backup into `destination`, which must not exist or be an empty database, with its evidence beside it
    /// (or in `evidence`); refuses a backup of a newer schema; checks the result against the backup.
    public static func restore(backup: String, to destination: String, evidence: String? = nil) async throws -> Summary {
        if FileManager.default.fileExists(atPath: destination) {
            let tables = try await DatabaseQueue(path: destination, configuration: readOnly()).read { db in
                try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master WHERE type = 'table'") ?? 0
            }
            guard tables == 0 else { throw Failure(description: "\(destination) already holds a database; restore into a new file") }
            try FileManager.default.removeItem(atPath: destination)
        }
        let source = try DatabaseQueue(path: backup, configuration: readOnly())
        if try await source.read({ try SQLiteDatabase.migrator().hasBeenSuperseded($0) }) { throw SchemaError.newerThanThisRelease }
        let expected = try await check(source, evidence: evidenceDirectory(beside: backup))
        let summary = try await copy(from: source, evidence: evidenceDirectory(beside: backup), to: destination, evidenceTo: evidence)
        guard summary.counts == expected.counts, summary.evidenceFiles == expected.evidenceFiles else {
            throw Failure(description: "the restored database differs from the backup: \(summary.counts) against \(expected.counts)")
        }
        // An older backup is brought to this release's schema.
        let restored = try SQLiteDatabase.open(path: destination)
        try SQLiteDatabase.migrate(restored)
        return summary
    }

    static func readOnly() -> Configuration {
        var configuration = SQLiteDatabase.durable()
        configuration.readonly = true
        return configuration
    }

    /// Backs up into `<destination>.partial`, copies the evidence, checks both, then renames into place.
    static func copy(
        from source: some DatabaseReader, evidence sourceEvidence: String, to destination: String, evidenceTo: String? = nil
    ) async throws -> Summary {
        let partial = destination + ".partial"
        let targetEvidence = evidenceTo ?? evidenceDirectory(beside: destination)
        try? FileManager.default.removeItem(atPath: partial)
        do {
            let copy = try DatabaseQueue(path: partial, configuration: SQLiteDatabase.durable())
            try source.backup(to: copy)
            // One self-contained file (the live database's WAL mode came with its pages).
            try await copy.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA journal_mode = DELETE") }
            // The evidence rows of the snapshot: their files were on disk before their rows committed.
            let digests = try await copy.read { db in try String.fetchSet(db, sql: "SELECT DISTINCT sha256 FROM evidence") }
            let vault = try EvidenceVault(directory: targetEvidence)
            for digest in digests.sorted() {
                let target = vault.location(sha256: digest)
                guard !FileManager.default.fileExists(atPath: target.path) else { continue }
                try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
                try FileManager.default.copyItem(
                    at: EvidenceVault.location(sha256: digest, in: URL(fileURLWithPath: sourceEvidence, isDirectory: true)), to: target)
            }
            let summary = try await check(copy, evidence: targetEvidence)
            try copy.close()
            try FileManager.default.moveItem(atPath: partial, toPath: destination)
            return summary
        } catch {
            try? FileManager.default.removeItem(atPath: partial)
            throw error
        }
    }

    /// Integrity, counts, hash chains and evidence digests of a database.
    static func check(_ database: some DatabaseWriter, evidence: String) async throws -> Summary {
        var summary = Summary()
        let (integrity, counts, digests) = try await database.read { db in
            (
                try String.fetchAll(db, sql: "PRAGMA quick_check"),
                try Dictionary(uniqueKeysWithValues: countedTables.map { ($0, try Int.fetchOne(db, sql: "SELECT count(*) FROM \($0)") ?? 0) }),
                try String.fetchSet(db, sql: "SELECT DISTINCT sha256 FROM evidence")
            )
        }
        guard integrity == ["ok"] else { throw Failure(description: "SQLite's integrity check failed: \(integrity.prefix(5))") }
        summary.counts = counts
        summary.audit = try await SQLiteComplaintStore(database).auditReport(of: nil, visibleTo: nil)
        if let broken = summary.audit.broken { throw Failure(description: "audit chain broken at \(broken)") }
        for digest in digests {
            let file = EvidenceVault.location(sha256: digest, in: URL(fileURLWithPath: evidence, isDirectory: true))
            guard let data = FileManager.default.contents(atPath: file.path), HexDigest.sha256(data) == digest else {
                throw Failure(description: "evidence \(digest) is missing or does not match its SHA-256 (\(file.path))")
            }
            summary.evidenceFiles += 1
            summary.evidenceBytes += Int64(data.count)
        }
        return summary
    }
}
