import ArgumentParser
import ArrearsAPI
import ArrearsCore
import Foundation

/// `arrearsctl record-payment ID --amount 100000 --paid-on 2026-11-20 [--contract N] [--note T]`
struct RecordPayment: AsyncParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(abstract: Help.words("help.record-payment")) }
    @OptionGroup var target: TransitionTarget
    @Option(help: "Amount in yuan, e.g. 100000 or 100000.50.") var amount: String
    @Option(help: "The day the money arrived (YYYY-MM-DD, China Standard Time).") var paidOn: String
    @Option(help: "The contract number it pays towards (needed when the complaint names several).") var contract: String?
    @Option(help: "A note: the transfer's reference.") var note: String?

    func validate() throws {
        guard Fen(yuan: amount)?.value != nil else { throw ValidationError("--amount must be yuan with at most two decimals, e.g. 100000.50") }
        guard (try? CSTDate(paidOn)) != nil else { throw ValidationError("--paid-on must be a date, YYYY-MM-DD") }
    }

    func run() async throws {
        let fen = Fen(yuan: amount)!.value
        try await target.perform { client, id, tag in
            try await client.recordPayment(
                path: .init(complaintId: id), headers: .init(ifMatch: tag),
                body: .json(.init(contract: contract, amount: fen, paidOn: paidOn, note: note))
            ).ok
        }
    }
}

/// `arrearsctl payment-plan ID --instalment 2026-12-31=100000 --instalment 2027-01-31=100000 [--note T]`
struct PaymentPlanCommand: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "payment-plan", abstract: Help.words("help.payment-plan"))
    }
    @OptionGroup var target: TransitionTarget
    @Option(help: "An instalment as DATE=YUAN, e.g. 2026-12-31=100000; repeat in date order.") var instalment: [String]
    @Option(help: "A note: the agreement's reference.") var note: String?

    /// Each `DATE=YUAN` as the contract's date and fen.
    func instalments() throws -> [(dueOn: String, fen: Int64)] {
        try instalment.map { text in
            let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, (try? CSTDate(parts[0])) != nil, let fen = Fen(yuan: parts[1])?.value else {
                throw ValidationError("--instalment must be DATE=YUAN, e.g. 2026-12-31=100000, got \(text)")
            }
            return (parts[0], fen)
        }
    }

    func validate() throws { _ = try instalments() }

    func run() async throws {
        let planned = try instalments().map { Components.Schemas.PaymentPlanRequest.InstalmentsPayloadPayload(dueOn: $0.dueOn, amount: $0.fen) }
        try await target.perform { client, id, tag in
            try await client.agreePaymentPlan(
                path: .init(complaintId: id), headers: .init(ifMatch: tag), body: .json(.init(instalments: planned, note: note))
            ).ok
        }
    }
}
