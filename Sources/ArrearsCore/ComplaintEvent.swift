import Foundation

/// What happened to a complaint; the event log is the record.
public enum ComplaintEventKind: String, Sendable, Codable, CaseIterable {
    case submitted
    case supplementRequested = "supplement_requested"
    case supplemented
    case accepted
    case rejected
    case forwarded
    case returned
    case resolved
    case rated
    case closed
    case lapsed
    case withdrawn
    case reopened
    /// The handling department confirms it has the materials.
    case acknowledged
    /// A handling department head approved a longer handling period.
    case extended
    /// Pressure on the respondent: supervision notice, summons, public notice, order to rectify, listed supervision.
    case escalated
    /// An intake officer linked the complaint to another as its duplicate.
    case markedDuplicate = "marked_duplicate"
    /// The complainant, or an intake officer on its behalf, attached a file as evidence.
    case evidenceAttached = "evidence_attached"
    /// A provisional clock counted again once its year's holiday table was loaded (工作日历更新后重新计算期限).
    case deadlineRecounted = "deadline_recounted"
    /// A progress note (办理进展), for officials only or for the complainant too.
    case noted
    /// The handling department served notice on the respondent (通知被投诉人); the feedback clock started.
    case respondentNotified = "respondent_notified"
    /// The respondent's feedback (被投诉人反馈) was recorded.
    case feedbackReceived = "feedback_received"
    /// The handling department asked the complainant for information (补充说明).
    case informationRequested = "information_requested"
    /// The complainant answered the request for information.
    case informationAnswered = "information_answered"
    /// After a poor rating the complainant asked for a review (申请复核).
    case reviewRequested = "review_requested"
    /// A supervisor declined the request for review (不予复核), with a reason.
    case reviewDeclined = "review_declined"
    /// The respondent paid towards a contract (收到还款).
    case paymentRecorded = "payment_recorded"
    /// The respondent agreed a payment plan (还款计划).
    case paymentPlanAgreed = "payment_plan_agreed"
}

/// The particulars an event carries, whichever apply to its kind.
public struct EventDetail: Sendable, Codable, Equatable {
    public var text: String?
    public var ground: RejectionGround?
    public var department: DepartmentID?
    public var outcome: ResolutionOutcome?
    public var amountPaid: Fen?
    public var amountClaimed: Fen?
    public var rating: Satisfaction?
    public var deadline: Deadline?
    public var escalation: EscalationStep?
    /// Extension days approved by this event.
    public var days: Int?
    /// The handling department head who approved an extension.
    public var approvedBy: String?
    /// The routing rule a forward followed.
    public var rule: String?
    /// Why a forward did not follow the routing rule.
    public var overrideReason: String?
    /// The other complaint a duplicate link names, by number.
    public var related: String?
    /// The file an `evidence_attached` event added, or the document an escalation issued.
    public var evidence: Evidence?
    /// For a note: whether the complainant reads it too (nil or false: officials only).
    public var visibleToComplainant: Bool?
    /// How the notice was served on the respondent.
    public var serviceMethod: ServiceMethod?
    /// The side clock this event started or restarted (feedback, information, review request).
    public var waiting: Deadline?
    /// The number of the document an escalation issued (a 督办书's), whose file is `evidence`.
    public var documentNumber: String?
    /// The payment a `payment_recorded` event added.
    public var payment: Payment?
    /// The plan a `payment_plan_agreed` event put in force.
    public var plan: PaymentPlan?
    /// Instalments of the plan this payment settled after their due date.
    public var instalmentsPaidLate: Int?

    public init(
        text: String? = nil, ground: RejectionGround? = nil, department: DepartmentID? = nil, outcome: ResolutionOutcome? = nil,
        amountPaid: Fen? = nil, amountClaimed: Fen? = nil, rating: Satisfaction? = nil, deadline: Deadline? = nil
    ) {
        self.text = text
        self.ground = ground
        self.department = department
        self.outcome = outcome
        self.amountPaid = amountPaid
        self.amountClaimed = amountClaimed
        self.rating = rating
        self.deadline = deadline
    }
}

/// One entry in a complaint's append-only history: who, when, what, why.
public struct ComplaintEvent: Sendable, Codable, Equatable {
    public let complaintID: ComplaintID
    /// The complaint's version after this event: 1 for the registration, then 2, 3, …
    public let sequence: Int
    public let kind: ComplaintEventKind
    public let from: ComplaintState?
    public let to: ComplaintState
    public let actor: AccountID
    /// The actor's name when the event was written; kept so the history reads the same after renames.
    public let actorName: String?
    public let role: Role
    public let at: Date
    public let detail: EventDetail

    /// Whether the complainant's own view shows the event: every event but an officials-only note.
    public var isShownToComplainant: Bool { kind != .noted || detail.visibleToComplainant == true }

    public init(
        complaintID: ComplaintID, sequence: Int, kind: ComplaintEventKind, from: ComplaintState?, to: ComplaintState,
        actor: AccountID, actorName: String? = nil, role: Role, at: Date, detail: EventDetail
    ) {
        self.complaintID = complaintID
        self.sequence = sequence
        self.kind = kind
        self.from = from
        self.to = to
        self.actor = actor
        self.actorName = actorName
        self.role = role
        self.at = at
        self.detail = detail
    }

    /// The CST date statistics count this event on.
    public var on: CSTDate { CSTDate(at) }

    /// +1 when the complaint became open, −1 when it stopped being open: summed to a date, "open at that date".
    public var openDelta: Int { (to.isOpen ? 1 : 0) - ((from?.isOpen ?? false) ? 1 : 0) }
}
