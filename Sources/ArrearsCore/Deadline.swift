/// The stage a legal clock runs for.
public enum DeadlineStage: String, Sendable, Codable, CaseIterable {
    /// Review by the intake department, from receipt (or from the supplement's receipt).
    case review
    /// The complainant's supplement period, from the request.
    case supplement
    /// Forwarding to the handling department, from acceptance.
    case forward
    /// The handling department's result and written feedback, from forwarding.
    case handling
    /// The complainant's rating period, from the result.
    case rating
    /// 被投诉人反馈: the respondent's time to answer, from the handling department's notice (or a 督办书's new reply date).
    case feedback
    /// 补充说明: the complainant's time to answer a handling department's request for information.
    case information
    /// 复核: a supervisor's time to decide a complainant's request for review after a poor rating.
    case reviewRequest = "review_request"

    /// The clocks that run beside the state's own (`Complaint.waiting`): they wait on someone's answer, and never stop
    /// the state's clock.
    public var isSideClock: Bool { [.feedback, .information, .reviewRequest].contains(self) }
}

/// How a clock counts.
public enum ClockUnit: String, Sendable, Codable {
    /// 工作日: on the working-day calendar.
    case workingDays = "working_days"
    /// 日: calendar days, rolled past a holiday at the end.
    case calendarDays = "calendar_days"
}

/// A running legal clock on a complaint, and when it runs out.
public struct Deadline: Sendable, Codable, Equatable {
    public let stage: DeadlineStage
    public let unit: ClockUnit
    public let length: Int
    /// The day the clock started; it is not counted.
    public let startedOn: CSTDate
    /// The last day to act (for calendar days: after rolling past holidays). Nil when the calendar does not reach it.
    public var dueOn: CSTDate?
    /// For calendar-day clocks: the last day before rolling past holidays.
    public var nominalDueOn: CSTDate?
    /// Why there is no due date (records from before provisional counting; new ones always have a date).
    public var problem: Message?
    /// Counted past the loaded holiday tables with weekends only: the date moves when that year's table is loaded.
    public var provisional: Bool = false
    /// The rule set that set this deadline (e.g. `decree-802`); nil on records written before rule sets were recorded.
    public var ruleSet: String?
    /// False for a target the legal text does not fix as a limit.
    public var binding: Bool
    /// The provision the length comes from.
    public var basis: String?

    public init(
        stage: DeadlineStage, unit: ClockUnit, length: Int, startedOn: CSTDate, dueOn: CSTDate?, nominalDueOn: CSTDate?, problem: Message?,
        ruleSet: String? = nil, binding: Bool = true, basis: String? = nil
    ) {
        self.stage = stage
        self.unit = unit
        self.length = length
        self.startedOn = startedOn
        self.dueOn = dueOn
        self.nominalDueOn = nominalDueOn
        self.problem = problem
        self.ruleSet = ruleSet
        self.binding = binding
        self.basis = basis
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        stage = try c.decode(DeadlineStage.self, forKey: .stage)
        unit = try c.decode(ClockUnit.self, forKey: .unit)
        length = try c.decode(Int.self, forKey: .length)
        startedOn = try c.decode(CSTDate.self, forKey: .startedOn)
        dueOn = try c.decodeIfPresent(CSTDate.self, forKey: .dueOn)
        nominalDueOn = try c.decodeIfPresent(CSTDate.self, forKey: .nominalDueOn)
        // Records from before problems kept facts hold an English sentence; it is shown as it stands.
        if let recorded = try? c.decodeIfPresent(String.self, forKey: .problem) {
            problem = Message("recorded.text", ["text": .text(recorded)])
        } else {
            problem = try c.decodeIfPresent(Message.self, forKey: .problem)
        }
        // Records written before explanations were derived on reading also hold an English `explanation`; it is not read.
        ruleSet = try c.decodeIfPresent(String.self, forKey: .ruleSet)
        // Records from before rule sets were recorded only held binding deadlines.
        binding = try c.decodeIfPresent(Bool.self, forKey: .binding) ?? true
        basis = try c.decodeIfPresent(String.self, forKey: .basis)
        provisional = try c.decodeIfPresent(Bool.self, forKey: .provisional) ?? false
    }

    /// Past due when today is after the last day to act.
    public func isOverdue(today: CSTDate) -> Bool {
        guard let dueOn else { return false }
        return today > dueOn
    }
}
