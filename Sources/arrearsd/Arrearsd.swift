import ArgumentParser
import ArrearsApplication
import ArrearsCore
import ArrearsMessages
import ArrearsStore
import Foundation

/// The server binary: serves the API and does the operator's work on the server's own machine.
@main
struct Arrearsd: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "arrearsd",
        abstract: "Arrears, the payment-arrears complaint platform (违约拖欠中小企业款项登记(投诉)平台): server and operator tasks.",
        subcommands: [
            Serve.self, Migrate.self, AccountCommand.self, CalendarCommand.self, RoutingCommand.self, AuditCommand.self, SeedCommand.self,
            ImportCommand.self, BackupCommand.self, RestoreCommand.self, ConfigCommand.self,
        ],
        defaultSubcommand: Serve.self)

    /// Runs the command; a refusal of the domain (a table that breaks a rule, a value an operator typed) is printed in
    /// the operator's words and exits 65, like arrearsctl's refusals. Everything else is argument-parser's to report.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var command = command as? any AsyncParsableCommand {
                try await command.run()
            } else {
                try command.run()
            }
        } catch {
            guard let lines = refusal(error) else { exit(withError: error) }
            FileHandle.standardError.write(Data((lines.map { Wording.terminal($0) }.joined(separator: "\n") + "\n").utf8))
            Foundation.exit(65)
        }
    }

    /// The messages a domain error carries, or nil for any other error.
    static func refusal(_ error: any Error) -> [Message]? {
        switch error {
        case let error as InvalidValue: [error.message]
        case let error as FieldViolation: [Message("detail.violation", ["field": .text(error.field), "message": .message(error.message)])]
        case let error as ValidationFailure:
            error.violations.map { Message("detail.violation", ["field": .text($0.field), "message": .message($0.message)]) }
        case let error as CalendarError: [error.message]
        case let error as StoreError: [error.message]
        case let error as Refusal: [error.message] + error.violations.map(\.message)
        default: nil
        }
    }
}
