import ArgumentParser
import ArrearsCore
import ArrearsMessages
import ArrearsStore

/// `arrearsd audit verify`: the hash chains checked on the database file itself, server running or not.
struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit", abstract: "Check the event logs' hash chains.", subcommands: [Verify.self])

    /// Exits 1 and names the first broken link when a stored event was changed, dropped or reordered.
    struct Verify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Walk every complaint's event chain (or one's) and report the first broken link.")

        @OptionGroup var database: DatabaseOptions

        @Option(help: "Only this complaint (id or number).")
        var complaint: String?

        func run() async throws {
            let complaint = complaint.map { ComplaintID($0) }
            let report = try await database.withStore { try await $0.auditReport(of: complaint, visibleTo: nil) }
            if let broken = report.broken {
                print("audit chain BROKEN at \(broken.complaint) event \(broken.sequence): \(Wording(.english)(broken.reason))")
                throw ExitCode(1)
            }
            let unchained = report.unchained > 0 ? "; \(report.unchained) events predate the chain" : ""
            let log = report.logEntries > 0 ? "; security log \(report.logEntries) entries" : ""
            print("audit chain intact: \(report.complaints) complaints, \(report.events) events\(unchained)\(log)")
        }
    }
}
