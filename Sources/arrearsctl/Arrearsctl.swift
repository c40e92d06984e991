import ArgumentParser
import ArrearsMessages

/// The officials' CLI: a client of the Arrears HTTP API, acting with the signed-in official's token.
@main
struct Arrearsctl: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "arrearsctl",
            abstract: Help.words("help.arrearsctl"),
            discussion: Help.words("help.arrearsctl.exit-codes"),
            subcommands: [
                Login.self, Logout.self, Whoami.self, AccountAdmin.self, Queue.self, Overdue.self, Search.self, Show.self,
                Accept.self, Reject.self, RequestSupplement.self, Supplement.self, Forward.self, Return.self,
                Resolve.self, Rate.self, Close.self, Withdraw.self, Reopen.self, Acknowledge.self, Extend.self, Escalate.self, Note.self,
                NotifyRespondent.self, RecordFeedback.self, RequestInformation.self, AnswerInformation.self, RequestReview.self, DeclineReview.self,
                RecordPayment.self, PaymentPlanCommand.self,
                MarkDuplicate.self, EvidenceFiles.self, ContactDetails.self, Route.self, SizeTest.self, Due.self, Stats.self, Export.self, Audit.self,
                Webhooks.self,
            ])
    }
}
