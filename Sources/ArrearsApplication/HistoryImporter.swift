import ArrearsCore
import ArrearsStore
import Crypto
import Foundation

/// Turns historical complaints (`arrearsd import`) into complaints with their histories, through the same lifecycle a
/// live filing goes through: the intake department of the respondent's province registers and decides, the department
/// a complaint was forwarded to returns or resolves it.
public struct HistoryImporter: Sendable {
    let lifecycle: Lifecycle
    let routing: RoutingTable

    public init(lifecycle: Lifecycle, routing: RoutingTable) {
        self.lifecycle = lifecycle
        self.routing = routing
    }

    /// The id a record gets: the same external id always gives the same complaint, so a rerun adds nothing.
    public static func complaintID(_ externalId: String) -> ComplaintID {
        ComplaintID("import-" + HexDigest.hex(SHA256.hash(data: Data(externalId.utf8)).prefix(12)))
    }

    /// The complaint and its events, or why the record is refused. `steps[i]` are the officials' decisions in order, each
    /// after the one before; online filings belong to the SME's account, or to a placeholder for one it never opened.
    public func history(
        externalId: String, receivedAt: Date, filing: ComplaintFiling, steps: [(command: ComplaintCommand, at: Date)], smeAccount: AccountID?
    ) throws -> (Complaint, [ComplaintEvent]) {
        guard (1...200).contains(externalId.count) else {
            throw Refusal.invalid([FieldViolation(field: "externalId", rule: "import.external-id")])
        }
        let province = filing.respondent.intakeProvince
        let intake = Actor(account: AccountID("import-intake-" + (province?.code ?? "national")), role: .intake, province: province)
        let owner = filing.channel == .online ? smeAccount ?? AccountID("import-sme-" + filing.complainant.creditCode.text) : smeAccount
        let registrar = filing.channel == .online ? Actor(account: owner!, role: .sme, name: filing.complainant.name) : intake
        var (complaint, event) = try lifecycle.register(
            filing, id: Self.complaintID(externalId), complainantAccount: owner, by: registrar, at: receivedAt)
        var events = [event]
        let supervisor = Actor(account: AccountID("import-supervisor-" + (province?.code ?? "national")), role: .supervisor, province: province)
        for (index, step) in steps.enumerated() {
            // The department holding the case handles it; the complainant rates, withdraws and asks for review; a supervisor
            // reopens and declines a review; intake takes the rest.
            let actor: Actor =
                switch step.command {
                case .returnToIntake, .resolve, .acknowledge, .extend, .notifyRespondent, .recordFeedback, .requestInformation, .recordPayment,
                    .agreePaymentPlan:
                    try handler(of: complaint, step.command)
                case .rate, .withdraw, .requestReview: registrar.role == .sme ? registrar : intake
                case .reopen, .declineReview: supervisor
                default: intake
                }
            guard step.at > events[events.count - 1].at else {
                throw Refusal.invalid([
                    FieldViolation(field: "steps[\(index)].at", rule: "import.steps-in-order")
                ])
            }
            (complaint, event) = try lifecycle.apply(step.command, to: complaint, by: actor, at: step.at, routing: routing)
            events.append(event)
        }
        return (complaint, events)
    }

    /// The department a complaint was forwarded to, acting; before a forward the step is out of order.
    private func handler(of complaint: Complaint, _ command: ComplaintCommand) throws(Refusal) -> Actor {
        guard let department = complaint.handlingDepartment else {
            throw Refusal.illegalInState(command: command.name, state: complaint.state)
        }
        return Actor(account: AccountID("import-handler-" + department.rawValue), role: .handler, department: department)
    }
}
