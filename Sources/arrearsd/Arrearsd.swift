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
            let words = Wording.terminal
            let text = lines.map { words($0.message) + ($0.rule.map { " [\($0)]" } ?? "") }.joined(separator: "\n")
            FileHandle.standardError.write(Data((text + "\n").utf8))
            Foundation.exit(65)
        }
    }

    /// The messages a domain error carries, each with the rule it names, or nil for any other error.
    static func refusal(_ error: any Error) -> [(message: Message, rule: String?)]? {
        func violation(_ v: FieldViolation) -> (Message, String?) {
            (Message("detail.violation", ["field": .text(v.field), "message": .message(v.message)]), v.rule)
        }
        switch error {
        case let error as InvalidValue: return [(error.message, error.rule)]
        case let error as FieldViolation: return [violation(error)]
        case let error as ValidationFailure: return error.violations.map(violation)
        case let error as CalendarError: return [(error.message, nil)]
        case let error as StoreError: return [(error.message, nil)]
        case let error as Refusal: return [(error.message, error.code)] + error.violations.map(violation)
        default: return nil
        }
    }
}
