/// A decision or action on a complaint, with the inputs the law requires for it.
public enum ComplaintCommand: Sendable, Equatable {
    /// Intake asks the complainant for missing material (补正); the review clock stops.
    case requestSupplement(items: String)
    /// The complainant supplies it; the review clock starts again.
    case supplement(material: String)
    /// Intake accepts the complaint (正式受理).
    case accept(note: String?)
    /// Intake does not accept it, on a ground (不予受理).
    case reject(ground: RejectionGround, reason: String)
    /// Intake forwards it to the handling department (转交): the one the routing rules pick, unless the officer names another
    /// and says why.
    case forward(to: DepartmentID?, overrideReason: String? = nil, note: String?)
    /// The handling department confirms it has the materials.
    case acknowledge(note: String?)
    /// A handling department head approves a longer handling period; never beyond the rule's maximum (90 days in all).
    case extend(days: Int, approvedBy: String, reason: String)
    /// Pressure on the respondent, recorded with its text; a supervision notice carries the document issued for it and
    /// gives the respondent a new reply date.
    case escalate(EscalationStep, text: String, document: IssuedDocument? = nil)
    /// The handling department records that it served notice on the respondent; the feedback clock starts.
    case notifyRespondent(method: ServiceMethod, note: String?)
    /// The handling department records the respondent's answer; the feedback clock stops.
    case recordFeedback(text: String)
    /// The handling department asks the complainant for information, with its own clock (the rule's length unless
    /// `workingDays` is given, never past the rule's maximum).
    case requestInformation(question: String, workingDays: Int?)
    /// The complainant (or intake on its behalf) answers the open request for information.
    case answerInformation(answer: String)
    /// After a poor rating, the complainant asks for a review with new facts; a supervisor's clock starts.
    case requestReview(facts: String)
    /// A supervisor declines a request for review, with the reason the complainant reads.
    case declineReview(reason: String)
    /// A progress note; the state and clocks do not change.
    case note(text: String, visibleToComplainant: Bool)
    /// Intake links the complaint to an earlier one as its duplicate; both histories are kept.
    case markDuplicate(of: String, note: String?)
    /// The complainant, or an intake officer on its behalf, attaches a file as evidence (its content already stored).
    case attachEvidence(Evidence)
    /// The handling department gives it back as not its own, for re-routing.
    case returnToIntake(reason: String)
    /// The handling department records the result and the amount paid so far (by default, the payments recorded).
    case resolve(outcome: ResolutionOutcome, amountPaid: Fen?, summary: String)
    /// The handling department records a payment towards a contract (the only one when `contract` is nil).
    case recordPayment(contract: String?, amount: Fen, paidOn: CSTDate, note: String?)
    /// The handling department records the payment plan the respondent agreed: amounts and due dates, in order.
    case agreePaymentPlan(instalments: [PlannedInstalment], note: String?)
    /// The complainant rates the result, which closes the complaint.
    case rate(Satisfaction, comment: String?)
    /// An official closes a complaint whose rating or supplement period has run out.
    case close(note: String?)
    /// The complainant withdraws (撤回) before a result.
    case withdraw(reason: String)
    /// A supervisor reopens a closed complaint after a poor rating, accepting a request for review if one waits.
    case reopen(reason: String)

    /// The stable name used in URLs, errors and the transition table.
    public var name: String {
        switch self {
        case .requestSupplement: "request-supplement"
        case .supplement: "supplement"
        case .accept: "accept"
        case .reject: "reject"
        case .forward: "forward"
        case .returnToIntake: "return"
        case .resolve: "resolve"
        case .rate: "rate"
        case .close: "close"
        case .withdraw: "withdraw"
        case .reopen: "reopen"
        case .acknowledge: "acknowledge"
        case .extend: "extend"
        case .escalate: "escalate"
        case .note: "note"
        case .notifyRespondent: "notify-respondent"
        case .recordFeedback: "record-feedback"
        case .requestInformation: "request-information"
        case .answerInformation: "answer-information"
        case .requestReview: "request-review"
        case .declineReview: "decline-review"
        case .recordPayment: "record-payment"
        case .agreePaymentPlan: "payment-plan"
        case .markDuplicate: "mark-duplicate"
        case .attachEvidence: "attach-evidence"
        }
    }
}

/// One instalment as the handling department enters it.
public struct PlannedInstalment: Sendable, Equatable {
    public let dueOn: CSTDate
    public let amount: Fen

    public init(dueOn: CSTDate, amount: Fen) {
        self.dueOn = dueOn
        self.amount = amount
    }
}
