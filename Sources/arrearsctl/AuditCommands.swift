import ArgumentParser
import ArrearsAPI
import ArrearsMessages

/// `arrearsctl audit verify`
struct Audit: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            abstract: Help.words("help.audit"), subcommands: [Verify.self, Log.self])
    }

    /// Pages through the security log (admins, national supervisors).
    struct Log: AsyncParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                abstract: Help.words("help.audit-log"))
        }
        @Option(help: "Only entries after this sequence number.") var after: Int64 = 0
        @Option(help: "At most this many entries (1–1000).") var limit: Int = 100
        @Option(help: "Only entries about this account, complaint number, `routing vN` or `calendar YYYY`.") var subject: String?
        @OptionGroup var connection: ConnectionOptions

        func run() async throws {
            let page = try await withAPI(connection) { client in
                try await client.getSecurityLog(query: .init(after: after, limit: limit, subject: subject)).ok.body.json
            }
            if connection.json { return say(Rendering.json(page)) }
            let words = connection.words
            var table = TextTable(["sequence", "at", "actor", "action", "subject", "detail"].map { words("cli.column." + $0) })
            for entry in page.items {
                let detail = entry.detail.additionalProperties.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
                table.add([String(entry.sequence), words.instant(entry.at), entry.actor, entry.action.rawValue, entry.subject, detail])
            }
            say(page.items.isEmpty ? words("cli.log.empty") : table.render())
        }
    }

    /// Asks the server to walk the chains in your scope; exits 1 when a link is broken.
    struct Verify: AsyncParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                abstract: Help.words("help.audit-verify"))
        }
        @Option(help: "Only this complaint (id or number).") var complaint: String?
        @OptionGroup var connection: ConnectionOptions

        func run() async throws {
            let report = try await withAPI(connection) { client in try await client.verifyAudit(query: .init(complaint: complaint)).ok.body.json }
            if connection.json {
                say(Rendering.json(report))
            } else if let broken = report.broken {
                say(
                    connection.words(
                        "cli.audit.broken", ["complaint": .text(broken.complaint), "sequence": "\(broken.sequence)", "reason": .text(broken.reason)]))
            } else {
                let words = connection.words
                let log = (report.logEntries ?? 0) > 0 ? words("cli.audit.log-entries", ["count": "\(report.logEntries ?? 0)"]) : ""
                say(words("cli.audit.intact", ["complaints": "\(report.complaints)", "events": "\(report.events)"]) + log)
            }
            if !report.intact { throw ExitCode(1) }
        }
    }
}
