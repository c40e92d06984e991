import ArgumentParser
import ArrearsSQLite
import Foundation

/// `arrearsd backup FILE`: a checked copy of the database and its evidence, taken while the server runs.
struct BackupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Copy the live database (SQLite's online backup API) and its evidence files to FILE and FILE's .evidence folder.",
        discussion: """
            The server keeps serving and writing; the copy is one consistent moment. It is checked before it is kept: SQLite's
            integrity check, every complaint's hash chain and the security log, and the SHA-256 of every evidence file.
            """)

    @OptionGroup var database: DatabaseOptions

    @Option(help: "The server's evidence folder (env ARREARS_EVIDENCE_DIR; default: the database file's name with .evidence).")
    var evidenceDir: String?

    @Argument(help: "The backup file to create; must not exist.") var file: String

    func run() async throws {
        let elapsed = Elapsed()
        let path = try database.path
        let evidence = evidenceDir ?? Environment.value("EVIDENCE_DIR") ?? SQLiteBackup.evidenceDirectory(beside: path)
        let summary = try await SQLiteBackup.backup(database: path, evidence: evidence, to: file)
        print("backed up \(path) to \(file) in \(elapsed.text) s: \(summary)")
    }
}

/// `arrearsd restore BACKUP`: a backup into a new database, checked against the backup.
struct RestoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore",
        abstract: "Restore a backup into a database file that does not exist yet (or is empty), with its evidence folder.",
        discussion: """
            Refuses a non-empty target and a backup made by a newer release. The restored database must match the backup's row
            counts, hash chains and evidence digests; an older backup is then migrated to this release's schema.
            """)

    @OptionGroup var database: DatabaseOptions

    @Option(help: "Where the evidence goes (default: the database file's name with .evidence).")
    var evidenceDir: String?

    @Argument(help: "The backup file.") var backup: String

    func run() async throws {
        guard FileManager.default.fileExists(atPath: backup) else { throw ValidationError("no such backup: \(backup)") }
        let path = try database.path
        let summary = try await SQLiteBackup.restore(backup: backup, to: path, evidence: evidenceDir)
        print("restored \(backup) into \(path): \(summary)")
    }
}
