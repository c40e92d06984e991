import Foundation

/// A complaint's current state: the filing, where it stands, who holds it and the clock that runs on it.
public struct Complaint: Sendable, Codable, Equatable {
    public let id: ComplaintID
    /// The human-facing number (e.g. `ARR-2026-000123`), given by the store when it is registered.
    public var number: String
    public let filing: ComplaintFiling
    /// The SME account the complaint belongs to; nil when an official registered it for an SME without one.
    public let complainantAccount: AccountID?
    public let registeredBy: AccountID
    public let receivedAt: Date
    public var state: ComplaintState
    /// Grows by one with every event; what `If-Match` is checked against.
    public var version: Int
    public var updatedAt: Date
    public var deadline: Deadline?
    public var handlingDepartment: DepartmentID?
    public var rejection: Rejection?
    public var resolution: Resolution?
    public var rating: Satisfaction?
    public var closure: ClosureReason?
    /// The rule set the complaint's deadlines follow, chosen by its date of receipt; nil on records from before rule sets.
    public var ruleSet: String?
    /// Every forward to a handling department, oldest first; the last one not returned holds the complaint.
    public var hops: [Hop]
    /// What the eligibility checks found at registration, for the intake officer's review.
    public var findings: [EligibilityFinding]
    /// The number of the complaint an intake officer linked this one to as its duplicate.
    public var duplicateOf: String?
    /// Clocks that wait on someone's answer beside the state's own (`DeadlineStage.isSideClock`), at most one per stage:
    /// the respondent's feedback, the complainant's information, a supervisor's review decision.
    public var waiting: [Deadline]
    /// The notice served on the respondent on the current forward, and its feedback.
    public var respondentNotice: RespondentNotice?
    /// Questions to the complainant and its answers, oldest first.
    public var informationRequests: [InformationRequest]
    /// The complainant's request for review after a poor rating, while it waits or once declined.
    public var reviewRequest: ReviewRequest?
    /// Every escalation taken, oldest first.
    public var escalations: [Escalation]
    /// Payments the respondent made while the complaint was handled, in the order recorded.
    public var payments: [Payment]
    /// The payment plan in force, if one was agreed (a later one replaces it).
    public var paymentPlan: PaymentPlan?

    public init(
        id: ComplaintID, number: String, filing: ComplaintFiling, complainantAccount: AccountID?, registeredBy: AccountID, receivedAt: Date,
        state: ComplaintState, version: Int, updatedAt: Date, deadline: Deadline?, ruleSet: String? = nil, findings: [EligibilityFinding] = []
    ) {
        self.id = id
        self.number = number
        self.filing = filing
        self.complainantAccount = complainantAccount
        self.registeredBy = registeredBy
        self.receivedAt = receivedAt
        self.state = state
        self.version = version
        self.updatedAt = updatedAt
        self.deadline = deadline
        self.ruleSet = ruleSet
        self.hops = []
        self.findings = findings
        self.waiting = []
        self.informationRequests = []
        self.escalations = []
        self.payments = []
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(ComplaintID.self, forKey: .id)
        number = try c.decode(String.self, forKey: .number)
        filing = try c.decode(ComplaintFiling.self, forKey: .filing)
        complainantAccount = try c.decodeIfPresent(AccountID.self, forKey: .complainantAccount)
        registeredBy = try c.decode(AccountID.self, forKey: .registeredBy)
        receivedAt = try c.decode(Date.self, forKey: .receivedAt)
        state = try c.decode(ComplaintState.self, forKey: .state)
        version = try c.decode(Int.self, forKey: .version)
        updatedAt = try c.decode(Date.self, forKey: .updatedAt)
        deadline = try c.decodeIfPresent(Deadline.self, forKey: .deadline)
        handlingDepartment = try c.decodeIfPresent(DepartmentID.self, forKey: .handlingDepartment)
        rejection = try c.decodeIfPresent(Rejection.self, forKey: .rejection)
        resolution = try c.decodeIfPresent(Resolution.self, forKey: .resolution)
        rating = try c.decodeIfPresent(Satisfaction.self, forKey: .rating)
        closure = try c.decodeIfPresent(ClosureReason.self, forKey: .closure)
        ruleSet = try c.decodeIfPresent(String.self, forKey: .ruleSet)
        // Records written before hops and findings were kept have none.
        hops = try c.decodeIfPresent([Hop].self, forKey: .hops) ?? []
        findings = try c.decodeIfPresent([EligibilityFinding].self, forKey: .findings) ?? []
        duplicateOf = try c.decodeIfPresent(String.self, forKey: .duplicateOf)
        // Records written before side clocks were kept have none.
        waiting = try c.decodeIfPresent([Deadline].self, forKey: .waiting) ?? []
        respondentNotice = try c.decodeIfPresent(RespondentNotice.self, forKey: .respondentNotice)
        informationRequests = try c.decodeIfPresent([InformationRequest].self, forKey: .informationRequests) ?? []
        reviewRequest = try c.decodeIfPresent(ReviewRequest.self, forKey: .reviewRequest)
        escalations = try c.decodeIfPresent([Escalation].self, forKey: .escalations) ?? []
        payments = try c.decodeIfPresent([Payment].self, forKey: .payments) ?? []
        paymentPlan = try c.decodeIfPresent(PaymentPlan.self, forKey: .paymentPlan)
    }

    /// The hop that holds the complaint now: the last forward, unless it was returned.
    public var currentHop: Hop? { hops.last.flatMap { $0.state == .returned ? nil : $0 } }

    /// Every clock running now: the state's own, then those waiting on an answer.
    public var clocks: [Deadline] { (deadline.map { [$0] } ?? []) + waiting }

    /// The earliest last day to act on any running clock: what the stores index, what "overdue" means.
    public var nextDue: CSTDate? { clocks.compactMap(\.dueOn).min() }

    /// Starts a side clock, replacing one of the same stage.
    mutating func start(_ clock: Deadline) {
        waiting.removeAll { $0.stage == clock.stage }
        waiting.append(clock)
    }

    /// Stops the side clocks of these stages.
    mutating func stop(_ stages: DeadlineStage...) { waiting.removeAll { stages.contains($0.stage) } }

    /// The side clock of `stage`, if it runs.
    public func waiting(for stage: DeadlineStage) -> Deadline? { waiting.first { $0.stage == stage } }

    /// The escalation to suggest now: when the respondent's feedback is overdue, the next rung of the ladder after those
    /// taken on the current forward (a 督办书 first).
    public func suggestedEscalation(today: CSTDate) -> EscalationStep? {
        guard let feedback = waiting(for: .feedback), feedback.isOverdue(today: today), let hop = currentHop else { return nil }
        return EscalationStep.suggested(after: escalations.filter { $0.hop == hop.number }.map(\.step))
    }

    /// The CST date of receipt, from which the review clock runs.
    public var receivedOn: CSTDate { CSTDate(receivedAt) }

    /// The province whose intake has the complaint; nil for the national intake.
    public var intakeProvince: RegionCode? { filing.respondent.intakeProvince }
}

/// Why a complaint was not accepted.
public struct Rejection: Sendable, Codable, Equatable {
    public let ground: RejectionGround
    public let reason: String
}

/// The handling department's result.
public struct Resolution: Sendable, Codable, Equatable {
    public let outcome: ResolutionOutcome
    public let amountPaid: Fen
    public let summary: String
    public let resolvedOn: CSTDate
}
