import ArgumentParser

/// The officials' CLI: a client of the Arrears HTTP API, acting with the signed-in official's token.
@main
struct Arrearsctl: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "arrearsctl",
        abstract: "Work the complaint queue of Arrears (违约拖欠中小企业款项登记(投诉)平台) from a terminal.",
        discussion: """
            Exit codes: 0 done; 64 usage error; 65 the server refused (4xx, the problem is printed); \
            69 the server could not be reached or failed (5xx).
            """,
        subcommands: [
            Login.self, Logout.self, Whoami.self, AccountAdmin.self, Queue.self, Overdue.self, Show.self,
            Accept.self, Reject.self, RequestSupplement.self, Supplement.self, Forward.self, Return.self,
            Resolve.self, Rate.self, Close.self, Withdraw.self, Reopen.self, Acknowledge.self, Extend.self, Escalate.self,
            MarkDuplicate.self, EvidenceFiles.self, ContactDetails.self, Route.self, SizeTest.self, Stats.self, Export.self, Audit.self,
            Webhooks.self,
        ])
}
