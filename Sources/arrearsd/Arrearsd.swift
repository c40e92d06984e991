import ArgumentParser

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
}
