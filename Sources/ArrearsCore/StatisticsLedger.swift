/// One counted quantity of the published statistics (Schemas/statistics.md defines each in words; this enum and
/// `StatisticsLedger` are the only definition in code).
public enum Figure: String, Sendable, Codable, CaseIterable {
    case registered, accepted, rejected
    case rejectedNotInScope = "rejected_not_in_scope"
    case rejectedOtherBodyInvolved = "rejected_other_body_involved"
    case rejectedNotSME = "rejected_not_sme"
    case rejectedRepeatComplaint = "rejected_repeat_complaint"
    case rejectedOtherExclusion = "rejected_other_exclusion"
    case forwarded, returned, resolved
    case resolvedPaidInFull = "resolved_paid_in_full"
    case resolvedPartlyPaid = "resolved_partly_paid"
    case resolvedPaymentPlanAgreed = "resolved_payment_plan_agreed"
    case resolvedClaimNotSupported = "resolved_claim_not_supported"
    case resolvedReferredToCourt = "resolved_referred_to_court"
    case resolvedOther = "resolved_other"
    case withdrawn, lapsed, closed, reopened
    case ratedVerySatisfied = "rated_very_satisfied"
    case ratedSatisfied = "rated_satisfied"
    case ratedBasicallySatisfied = "rated_basically_satisfied"
    case ratedDissatisfied = "rated_dissatisfied"
    case ratedVeryDissatisfied = "rated_very_dissatisfied"
    /// Handling: notices served on respondents, their feedback recorded, supervision notices (督办书) issued, requests for
    /// information to complainants, requests for review after a poor rating and those declined.
    case respondentsNotified = "respondents_notified"
    case feedbackReceived = "feedback_received"
    case supervisionNotices = "supervision_notices"
    case informationRequested = "information_requested"
    case reviewsRequested = "reviews_requested"
    case reviewsDeclined = "reviews_declined"
    /// Money: payments recorded, in the month of the payment's date (追回金额); plans agreed; instalments paid after their day.
    case amountRecoveredFen = "amount_recovered_fen"
    case paymentPlans = "payment_plans"
    case instalmentsPaidLate = "instalments_paid_late"
    case amountClaimedFen = "amount_claimed_fen"
    case amountPaidFen = "amount_paid_fen"
    /// Changes in how many complaints are in each open state; summed to a month's end they give "open at month end by state".
    case inSubmitted = "in_submitted"
    case inNeedsSupplement = "in_needs_supplement"
    case inAccepted = "in_accepted"
    case inForwarded = "in_forwarded"
    case inResolved = "in_resolved"
    /// A stage ended (its next step was taken, or the complaint left it) after its due date, in the month it ended.
    case lateReview = "late_review"
    case lateSupplement = "late_supplement"
    case lateForward = "late_forward"
    case lateHandling = "late_handling"
    case lateRating = "late_rating"
    /// Changes in how many complaints wait past a stage's due date; summed to a month's end they give the complaints
    /// overdue in each stage on that day (+1 the day after the due date, -1 when the stage ends).
    case overdueReview = "overdue_review"
    case overdueSupplement = "overdue_supplement"
    case overdueForward = "overdue_forward"
    case overdueHandling = "overdue_handling"
    case overdueRating = "overdue_rating"

    /// The figure counting a rejection on this ground.
    public static func rejected(_ ground: RejectionGround) -> Figure {
        switch ground {
        case .notInScope: .rejectedNotInScope
        case .otherBodyInvolved: .rejectedOtherBodyInvolved
        case .notSME: .rejectedNotSME
        case .repeatComplaint: .rejectedRepeatComplaint
        case .otherExclusion: .rejectedOtherExclusion
        }
    }

    /// The figure counting results of this outcome.
    public static func resolved(_ outcome: ResolutionOutcome) -> Figure {
        switch outcome {
        case .paidInFull: .resolvedPaidInFull
        case .partlyPaid: .resolvedPartlyPaid
        case .paymentPlanAgreed: .resolvedPaymentPlanAgreed
        case .claimNotSupported: .resolvedClaimNotSupported
        case .referredToCourt: .resolvedReferredToCourt
        case .other: .resolvedOther
        }
    }

    /// The figure counting ratings of this level.
    public static func rated(_ satisfaction: Satisfaction) -> Figure {
        switch satisfaction {
        case .verySatisfied: .ratedVerySatisfied
        case .satisfied: .ratedSatisfied
        case .basicallySatisfied: .ratedBasicallySatisfied
        case .dissatisfied: .ratedDissatisfied
        case .veryDissatisfied: .ratedVeryDissatisfied
        }
    }

    /// The figure counting stages that ended late; nil for side clocks, which the ledger does not follow (their events
    /// are counted instead).
    public static func late(_ stage: DeadlineStage) -> Figure? {
        switch stage {
        case .review: .lateReview
        case .supplement: .lateSupplement
        case .forward: .lateForward
        case .handling: .lateHandling
        case .rating: .lateRating
        case .feedback, .information, .reviewRequest: nil
        }
    }

    /// The figure holding the change in complaints waiting past a stage's due date; nil for side clocks.
    public static func overdue(_ stage: DeadlineStage) -> Figure? {
        switch stage {
        case .review: .overdueReview
        case .supplement: .overdueSupplement
        case .forward: .overdueForward
        case .handling: .overdueHandling
        case .rating: .overdueRating
        case .feedback, .information, .reviewRequest: nil
        }
    }

    /// The figure holding the change in complaints in an open state; nil for states that are not open.
    public static func inState(_ state: ComplaintState) -> Figure? {
        switch state {
        case .submitted: .inSubmitted
        case .needsSupplement: .inNeedsSupplement
        case .accepted: .inAccepted
        case .forwarded: .inForwarded
        case .resolved: .inResolved
        case .closed, .rejected, .withdrawn: nil
        }
    }
}

/// The dimensions the figures are broken down by (besides the province every figure is kept per).
public enum StatisticsDimension: String, Sendable, Codable, CaseIterable {
    case all
    /// The intake province; "" for complaints about central-level respondents (national intake).
    case province
    case respondentKind = "respondent_kind"
    case respondentLevel = "respondent_level"
    case department
    case industry
    case size
}

/// The steps whose time from receipt is measured (median and 90th percentile).
public enum StatisticsStep: String, Sendable, Codable, CaseIterable {
    case accepted, forwarded, resolved, closed

    /// The stage whose end is this step, whose rule gives the unit the time is counted in.
    public var stage: DeadlineStage {
        switch self {
        case .accepted: .review
        case .forwarded: .forward
        case .resolved: .handling
        case .closed: .rating
        }
    }
}

/// What one event adds: figures, each in the month it belongs to (an overdue clock counts from the day after its due
/// date, which may be a later month), and the time from receipt to the step it takes, if it is one that is measured.
public struct LedgerContribution: Sendable, Equatable {
    public var figures: [Entry] = []
    public var duration: Duration?

    /// One figure's change in one month.
    public struct Entry: Sendable, Equatable {
        public let month: CSTMonth
        public let figure: Figure
        public let value: Int64
        /// Whose key a change that can move between keys belongs to: the complaint as it was (leaving a state or a
        /// clock), as it is after the event (entering one), or the event itself (counts). Only the handling department
        /// changes during a complaint's life, and this keeps each department's open and overdue counts whole.
        public let side: Side

        public init(month: CSTMonth, figure: Figure, value: Int64, side: Side) {
            self.month = month
            self.figure = figure
            self.value = value
            self.side = side
        }
    }

    /// See `Entry.side`.
    public enum Side: Sendable, Equatable {
        case before, after, event
    }

    /// Days from receipt to a step, counted as the rule of the stage it ends counts them.
    public struct Duration: Sendable, Equatable {
        public let step: StatisticsStep
        public let unit: ClockUnit
        public let days: Int
    }
}

/// How each event changes the figures. Counting from events, on the event's CST date, is what makes a published month
/// reproducible: nothing but new events changes a figure, and events are never edited.
public enum StatisticsLedger {
    /// What `event` adds to the figures. `priorForwards` is how many times the complaint was forwarded before it, so a
    /// complaint forwarded again after a return is not counted as forwarded twice.
    public static func contribution(
        of event: ComplaintEvent, receivedOn: CSTDate, previousDeadline: Deadline?, priorForwards: Int, calendar: WorkingDayCalendar
    ) -> LedgerContribution {
        var contribution = LedgerContribution()
        let month = event.on.month
        for (figure, value) in counts(of: event, priorForwards: priorForwards) {
            contribution.figures.append(.init(month: month, figure: figure, value: value, side: .event))
        }
        // Money recovered counts when it was paid, which may be a month before it was recorded.
        if let payment = event.detail.payment {
            contribution.figures.append(.init(month: payment.paidOn.month, figure: .amountRecoveredFen, value: payment.amount.value, side: .event))
        }
        if event.from != event.to {
            if let from = event.from, let figure = Figure.inState(from) {
                contribution.figures.append(.init(month: month, figure: figure, value: -1, side: .before))
            }
            if let figure = Figure.inState(event.to) { contribution.figures.append(.init(month: month, figure: figure, value: 1, side: .after)) }
        }
        // Clocks: the one before the event, and the one it leaves running. A clock counts as overdue from the day after
        // its due date; a clock that ends (or is replaced, as by an extension) takes that back.
        let next = event.detail.deadline
        if let previous = previousDeadline, previous != next, let due = previous.dueOn, let late = Figure.late(previous.stage),
            let overdue = Figure.overdue(previous.stage)
        {
            let overdueFrom = due.adding(days: 1)
            // A recount replaces a clock no one completed: past its date it stops counting as overdue, but no stage was late.
            if event.on > due, event.kind == .deadlineRecounted {
                contribution.figures.append(.init(month: month, figure: overdue, value: -1, side: .before))
            } else if event.on > due {
                contribution.figures.append(.init(month: month, figure: late, value: 1, side: .before))
                contribution.figures.append(.init(month: month, figure: overdue, value: -1, side: .before))
            } else {
                contribution.figures.append(.init(month: overdueFrom.month, figure: overdue, value: -1, side: .before))
            }
        }
        if let next, next != previousDeadline, let due = next.dueOn, let overdue = Figure.overdue(next.stage) {
            contribution.figures.append(.init(month: due.adding(days: 1).month, figure: overdue, value: 1, side: .after))
        }
        if let step = measuredStep(event), let previous = previousDeadline, previous.stage == step.stage {
            let days: Int? =
                switch previous.unit {
                case .calendarDays: receivedOn.days(until: event.on)
                case .workingDays: try? calendar.workingDays(after: receivedOn, through: event.on)
                }
            if let days { contribution.duration = .init(step: step, unit: previous.unit, days: days) }
        }
        return contribution
    }

    /// The measured step an event takes, if any.
    static func measuredStep(_ event: ComplaintEvent) -> StatisticsStep? {
        switch event.kind {
        case .accepted: .accepted
        case .forwarded: .forwarded
        case .resolved: .resolved
        case .rated, .closed: .closed
        default: nil
        }
    }

    /// The counts of the event's own month.
    static func counts(of event: ComplaintEvent, priorForwards: Int) -> [Figure: Int64] {
        var figures: [Figure: Int64] = [:]
        let detail = event.detail
        switch event.kind {
        case .submitted:
            figures[.registered] = 1
            figures[.amountClaimedFen] = detail.amountClaimed?.value ?? 0
        case .accepted: figures[.accepted] = 1
        case .rejected:
            figures[.rejected] = 1
            if let ground = detail.ground { figures[Figure.rejected(ground)] = 1 }
        case .forwarded where priorForwards == 0: figures[.forwarded] = 1
        case .returned: figures[.returned] = 1
        case .resolved:
            figures[.resolved] = 1
            if let outcome = detail.outcome { figures[Figure.resolved(outcome)] = 1 }
            figures[.amountPaidFen] = detail.amountPaid?.value ?? 0
        case .withdrawn: figures[.withdrawn] = 1
        case .lapsed: figures[.lapsed] = 1
        case .rated:
            figures[.closed] = 1
            if let rating = detail.rating { figures[Figure.rated(rating)] = 1 }
        case .closed: figures[.closed] = 1
        case .reopened: figures[.reopened] = 1
        case .respondentNotified: figures[.respondentsNotified] = 1
        case .feedbackReceived: figures[.feedbackReceived] = 1
        case .escalated where detail.escalation == .supervisionNotice: figures[.supervisionNotices] = 1
        case .informationRequested: figures[.informationRequested] = 1
        case .reviewRequested: figures[.reviewsRequested] = 1
        case .reviewDeclined: figures[.reviewsDeclined] = 1
        case .paymentPlanAgreed: figures[.paymentPlans] = 1
        case .paymentRecorded: figures[.instalmentsPaidLate] = Int64(detail.instalmentsPaidLate ?? 0)
        default: break
        }
        return figures.filter { $0.value != 0 }
    }

    /// The key of each dimension a change is counted under: its respondent, its complainant, and a handling department —
    /// for the event's own counts the one named on it, else the one holding the complaint after it; for leaving a state or
    /// clock the one holding it before; for entering one the one after (none before a forward).
    public static func keys(
        of filing: ComplaintFiling, event: ComplaintEvent, side: LedgerContribution.Side, departmentBefore: DepartmentID?,
        departmentAfter: DepartmentID?
    ) -> [StatisticsDimension: String] {
        let department: DepartmentID? =
            switch side {
            case .event: event.detail.department ?? departmentAfter
            case .before: departmentBefore
            case .after: departmentAfter
            }
        return [
            .all: "",
            .province: filing.respondent.intakeProvince?.code ?? "",
            .respondentKind: filing.respondent.kind.rawValue,
            .respondentLevel: filing.respondent.level.rawValue,
            .department: department?.rawValue ?? "",
            .industry: filing.complainant.industry.rawValue,
            .size: filing.complainant.declaredSize.rawValue,
        ]
    }
}
