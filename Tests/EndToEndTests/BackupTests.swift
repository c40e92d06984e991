import ArrearsTestSupport
import AsyncHTTPClient
import Foundation
import NIOCore
import Testing

/// `arrearsd backup` while a real server files complaints, and `arrearsd restore` into a new file.
@Suite("Backup and restore of a running server's database", .serialized)
struct BackupTests {
    @Test("A backup taken during a burst of filings holds every complaint acknowledged before it and a consistent moment; restored, it verifies")
    func backupWhileFiling() async throws {
        let (server, token) = try ServerProcess.startedForExampleSME(["--submissions-per-minute", "0"])
        let (directory, database) = (server.directory, server.database)
        defer { server.stop() }
        for _ in 0..<20 { #expect(try await server.file(token: token).status == 201) }
        let environment = [
            "ARREARS_CONFIG": directory.appendingPathComponent("ctl.json").path, "ARREARS_SERVER": server.baseURL, "ARREARS_TOKEN": token,
            // The English locale: what an official who asked for English reads.
            "LANG": "en_US.UTF-8", "LC_ALL": "",
        ]
        let scan = directory.appendingPathComponent("验收报告.pdf")
        let pdf = EvidenceSamples.pdf(padding: 50_000)
        try Data(pdf).write(to: scan)
        let attached = try Binaries.run("arrearsctl", ["evidence", "attach", "ARR-2026-000001", scan.path], environment: environment, in: directory)
        #expect(attached.status == 0, "\(attached.error)")

        // Filings keep arriving while the backup runs.
        let filing = Task {
            var created = 0
            for _ in 0..<60 where try await server.file(token: token).status == 201 { created += 1 }
            return created
        }
        let backupFile = directory.appendingPathComponent("nightly.sqlite").path
        let backup = try Binaries.run("arrearsd", ["backup", "--database", database, backupFile], in: directory)
        let createdDuring = try await filing.value
        #expect(backup.status == 0, "\(backup.error)")
        #expect(createdDuring == 60)
        let copied = try #require(Self.count("complaints", in: backup.output))
        #expect((20...80).contains(copied), "at least the 20 acknowledged before: \(backup.output)")
        #expect(
            Self.count("complaint_events", in: backup.output) == copied + 1,
            "each complaint with its registration, none half-written, and the evidence attachment")
        #expect(backup.output.contains("audit chains intact") && backup.output.contains("1 evidence files (\(pdf.count) bytes)"), "\(backup.output)")
        #expect(!FileManager.default.fileExists(atPath: backupFile + ".partial"))

        let again = try Binaries.run("arrearsd", ["backup", "--database", database, backupFile], in: directory)
        #expect(again.status != 0 && again.error.contains("exists"), "a backup never overwrites: \(again.error)")

        let restoredFile = directory.appendingPathComponent("restored.sqlite").path
        let restored = try Binaries.run("arrearsd", ["restore", "--database", restoredFile, backupFile], in: directory)
        #expect(restored.status == 0, "\(restored.error)")
        #expect(Self.count("complaints", in: restored.output) == copied && restored.output.contains("1 evidence files"), "\(restored.output)")
        let verified = try Binaries.run("arrearsd", ["audit", "verify", "--database", restoredFile], in: directory)
        #expect(verified.status == 0 && verified.output.contains("audit chain intact: \(copied) complaints"), "\(verified.output)")
        let twice = try Binaries.run("arrearsd", ["restore", "--database", database, backupFile], in: directory)
        #expect(twice.status != 0 && twice.error.contains("already holds a database"), "never over a live database: \(twice.error)")

        // The restored platform serves the evidence byte for byte.
        let second = ServerProcess(directory: directory, database: restoredFile)
        try second.start()
        defer { second.stop() }
        let copy = directory.appendingPathComponent("copy.pdf").path
        let evidenceID = try #require(attached.output.split(separator: "\n").first?.split(separator: " ").last.map(String.init))
        var restoredEnvironment = environment
        restoredEnvironment["ARREARS_SERVER"] = second.baseURL
        let fetched = try Binaries.run(
            "arrearsctl", ["evidence", "get", "ARR-2026-000001", evidenceID, "-o", copy], environment: restoredEnvironment, in: directory)
        #expect(fetched.status == 0, "\(fetched.error)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: copy)) == Data(contentsOf: scan))
    }

    /// The count the summary gives a table: "complaints 42, …".
    static func count(_ table: String, in summary: String) -> Int? {
        guard let range = summary.range(of: "[ :]\(table) (\\d+)", options: .regularExpression) else { return nil }
        return Int(summary[range].split(separator: " ").last ?? "")
    }
}
