import ArgumentParser
import ArrearsAPI
import ArrearsMessages
import Foundation
import OpenAPIRuntime

/// `arrearsctl export complaints`: the complaints in your scope as CSV.
struct Export: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            abstract: Help.words("help.export"), subcommands: [Complaints.self])
    }

    /// Streams the CSV to a file.
    struct Complaints: AsyncParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                abstract: Help.words("help.export-complaints"))
        }
        @Option(help: "First CST date of receipt, YYYY-MM-DD.") var from: String?
        @Option(help: "Last CST date of receipt, YYYY-MM-DD.") var to: String?
        @Flag(help: "Contact details in full (intake officers and supervisors only; logged).") var fullContacts = false
        @Option(name: .shortAndLong, help: "Where to write the CSV.") var output: String
        @OptionGroup var connection: ConnectionOptions

        func run() async throws {
            let rows = try await withAPI(connection) { client in
                let ok = try await client.exportComplaints(query: .init(from: from, to: to, contacts: fullContacts ? .full : .masked)).ok
                guard case let .csv(body) = ok.body else { return 0 }
                return max(try await BodyFile.write(body, to: output).newlines - 1, 0)
            }
            say(connection.words("cli.wrote.complaints", ["count": "\(rows)", "path": .text(output)]))
        }
    }
}
