/// Where a complaint stands in its lifecycle (DOMAIN.md "Lifecycle").
public enum ComplaintState: String, Sendable, Codable, CaseIterable {
    /// 已登记, awaiting review
    case submitted
    /// 待补正
    case needsSupplement = "needs_supplement"
    /// 正式受理
    case accepted
    /// 已转交
    case forwarded
    /// 已办结 / 形成处理结果
    case resolved
    /// 已结案 (rated, rating period over, or lapsed)
    case closed
    /// 不予受理
    case rejected
    /// 撤回
    case withdrawn

    /// States nobody needs to act on any more; a supervisor's reopen is the one way back.
    public var isTerminal: Bool {
        switch self {
        case .closed, .rejected, .withdrawn: true
        default: false
        }
    }

    /// Counted as open in "open at month end".
    public var isOpen: Bool { !isTerminal }
}

/// A ground for not accepting a complaint (不予受理), as the 2021 measures list them.
public enum RejectionGround: String, Sendable, Codable, CaseIterable {
    /// 1. not a debt from an organ/institution/large enterprise buying from an SME
    case notInScope = "not_in_scope"
    /// 2. a court, arbitration body, another department or a mediator already has it
    case otherBodyInvolved = "other_body_involved"
    /// 3. not an SME at signing, or no contract with the respondent
    case notSME = "not_sme"
    /// 4. a result was already given and nothing new is presented
    case repeatComplaint = "repeat_complaint"
    /// 5. other statutory exclusion; false or malicious complaint
    case otherExclusion = "other_exclusion"
}

/// The result a handling department reached (处理结果).
public enum ResolutionOutcome: String, Sendable, Codable, CaseIterable {
    case paidInFull = "paid_in_full"
    case partlyPaid = "partly_paid"
    case paymentPlanAgreed = "payment_plan_agreed"
    case claimNotSupported = "claim_not_supported"
    case referredToCourt = "referred_to_court"
    case other
}

/// The complainant's rating of the result on the national 政务服务"好差评" five levels (国办发〔2019〕51号).
public enum Satisfaction: String, Sendable, Codable, CaseIterable {
    /// 非常满意
    case verySatisfied = "very_satisfied"
    /// 满意 (the three-level scale's `satisfied`, same code and meaning)
    case satisfied
    /// 基本满意
    case basicallySatisfied = "basically_satisfied"
    /// 不满意
    case dissatisfied
    /// 非常不满意
    case veryDissatisfied = "very_dissatisfied"

    /// 差评: a rating that lets the complainant ask for a review and a supervisor reopen.
    public var isPoor: Bool { self == .dissatisfied || self == .veryDissatisfied }
}

/// Why a complaint was closed.
public enum ClosureReason: String, Sendable, Codable, CaseIterable {
    case rated
    /// The rating period ended without a rating.
    case ratingPeriodEnded = "rating_period_ended"
    /// Supplements were asked for and did not come in time.
    case lapsed
}
