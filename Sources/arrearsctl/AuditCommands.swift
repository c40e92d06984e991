import ArgumentParser
import ArrearsAPI

/// `arrearsctl audit verify`
struct Audit: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Check the event logs' hash chains.", subcommands: [Verify.self])

    /// Asks the server to walk the chains in your scope; exits 1 when a link is broken.
    struct Verify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Report the first broken link in the event chains you may see (supervisors, admins).")
        @Option(help: "Only this complaint (id or number).") var complaint: String?
        @OptionGroup var connection: ConnectionOptions

        func run() async throws {
            let report = try await withAPI(connection) { client in try await client.verifyAudit(query: .init(complaint: complaint)).ok.body.json }
            if connection.json {
                print(Rendering.json(report))
            } else if let broken = report.broken {
                print("audit chain BROKEN at \(broken.complaint) event \(broken.sequence): \(broken.reason)")
            } else {
                print("audit chain intact: \(report.complaints) complaints, \(report.events) events")
            }
            if !report.intact { throw ExitCode(1) }
        }
    }
}
