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
    public let dueOn: CSTDate?
    /// For calendar-day clocks: the last day before rolling past holidays.
    public let nominalDueOn: CSTDate?
    /// Why there is no due date, for the operator to act on.
    public let problem: String?
    /// How the due date was counted, in words a complainant can check against the holiday table.
    public let explanation: String?

    public init(
        stage: DeadlineStage, unit: ClockUnit, length: Int, startedOn: CSTDate, dueOn: CSTDate?, nominalDueOn: CSTDate?, problem: String?,
        explanation: String? = nil
    ) {
        self.stage = stage
        self.unit = unit
        self.length = length
        self.startedOn = startedOn
        self.dueOn = dueOn
        self.nominalDueOn = nominalDueOn
        self.problem = problem
        self.explanation = explanation
    }

    /// Past due when today is after the last day to act.
    public func isOverdue(today: CSTDate) -> Bool {
        guard let dueOn else { return false }
        return today > dueOn
    }
}

/// The clock lengths in force (DOMAIN.md "Counting days"); the configurable ones have defaults here.
public struct DeadlinePolicy: Sendable, Equatable {
    public var reviewWorkingDays = 10
    public var supplementWorkingDays = 10
    public var forwardWorkingDays = 10
    public var handlingCalendarDays = 30
    public var ratingCalendarDays = 15

    public init() {}

    /// The clock for a stage started on `start`, counted on `calendar`.
    public func deadline(_ stage: DeadlineStage, from start: CSTDate, on calendar: WorkingDayCalendar) -> Deadline {
        let (unit, length): (ClockUnit, Int) =
            switch stage {
            case .review: (.workingDays, reviewWorkingDays)
            case .supplement: (.workingDays, supplementWorkingDays)
            case .forward: (.workingDays, forwardWorkingDays)
            case .handling: (.calendarDays, handlingCalendarDays)
            case .rating: (.calendarDays, ratingCalendarDays)
            }
        do throws(CalendarError) {
            switch unit {
            case .workingDays:
                let due = try calendar.adding(workingDays: length, to: start)
                return Deadline(
                    stage: stage, unit: unit, length: length, startedOn: start, dueOn: due, nominalDueOn: nil, problem: nil,
                    explanation: calendar.explainWorkingDays(length, from: start, due: due))
            case .calendarDays:
                let (nominal, effective) = try calendar.adding(calendarDays: length, to: start)
                return Deadline(
                    stage: stage, unit: unit, length: length, startedOn: start, dueOn: effective, nominalDueOn: nominal, problem: nil,
                    explanation: calendar.explainCalendarDays(length, from: start, nominal: nominal, effective: effective))
            }
        } catch {
            return Deadline(stage: stage, unit: unit, length: length, startedOn: start, dueOn: nil, nominalDueOn: nil, problem: error.description)
        }
    }
}
