/// How a due date was counted (期限计算): the facts a reader can check against the holiday table — the day the count
/// starts from (not counted), the holidays skipped, the make-up working days counted (调休), and for calendar days the
/// last day before and after rolling past a day off. The edges word it in the reader's language.
public struct DueDateReckoning: Sendable, Equatable {
    /// A run of consecutive listed holidays of one name, e.g. 2026-10-01…07 National Day.
    public struct HolidaySpan: Sendable, Equatable {
        /// The holiday's name as the calendar table gives it (e.g. `National Day`).
        public let holiday: String
        public let first: CSTDate
        public let last: CSTDate
    }

    /// Why a calendar-day period's last day was not a working day.
    public enum DayOff: Sendable, Equatable {
        /// A statutory holiday, by the calendar's name for it.
        case holiday(String)
        /// A Saturday or Sunday that is not a make-up working day.
        case restDay
    }

    public let unit: ClockUnit
    public let length: Int
    /// The day the clock started; the count begins the day after (民法典 第二百零一条).
    public let start: CSTDate
    /// The last day to act.
    public let due: CSTDate
    /// Working days: the holidays between the start and the due date, which were not counted.
    public let skipped: [HolidaySpan]
    /// Working days: weekend days made working days between the start and the due date, which were counted.
    public let madeUpWorkdays: [WorkingDayCalendar.ListedDay]
    /// Calendar days: the N-th day, before any rolling.
    public let nominalDue: CSTDate?
    /// Calendar days: why the N-th day was a day off, so the period ran to the next working day (第二百零三条).
    public let nominalDayOff: DayOff?
    /// False for a target the legal text does not fix as a limit.
    public let binding: Bool
    /// The rule set the clock follows.
    public let ruleSet: String?
    /// The first year the count ran into without its holiday table (counted with weekends only), if any.
    public let provisionalFrom: Int?
}

extension WorkingDayCalendar {
    /// How `deadline` was counted, from its start and due dates and this table; nil when it has no due date or the table
    /// does not reach its days. Derived on reading, so stored records keep only the dates.
    public func reckoning(_ deadline: Deadline) -> DueDateReckoning? {
        guard let due = deadline.dueOn else { return nil }
        return reckoning(
            deadline.unit, deadline.length, from: deadline.startedOn, due: due, nominal: deadline.nominalDueOn, binding: deadline.binding,
            ruleSet: deadline.ruleSet)
    }

    /// How a period of `length` units from `start` came to end on `due` (for calendar days, `nominal` before rolling);
    /// nil when the table does not reach the start.
    public func reckoning(
        _ unit: ClockUnit, _ length: Int, from start: CSTDate, due: CSTDate, nominal: CSTDate?, binding: Bool = true, ruleSet: String? = nil
    ) -> DueDateReckoning? {
        guard covers(start) else { return nil }
        let provisionalFrom = covers(due) ? nil : years.upperBound + 1
        switch unit {
        case .workingDays:
            var holidays: [ListedDay] = []
            var madeUp: [ListedDay] = []
            var date = start.adding(days: 1)
            while date <= due {
                if let listed = listedDay(date) {
                    if listed.exception == .holiday { holidays.append(listed) } else { madeUp.append(listed) }
                }
                date = date.adding(days: 1)
            }
            return DueDateReckoning(
                unit: .workingDays, length: length, start: start, due: due, skipped: Self.spans(holidays), madeUpWorkdays: madeUp,
                nominalDue: nil, nominalDayOff: nil, binding: binding, ruleSet: ruleSet, provisionalFrom: provisionalFrom)
        case .calendarDays:
            let nominal = nominal ?? due
            let dayOff: DueDateReckoning.DayOff? = nominal == due ? nil : listedDay(nominal).map { .holiday($0.name) } ?? .restDay
            return DueDateReckoning(
                unit: .calendarDays, length: length, start: start, due: due, skipped: [], madeUpWorkdays: [], nominalDue: nominal,
                nominalDayOff: dayOff, binding: binding, ruleSet: ruleSet, provisionalFrom: provisionalFrom)
        }
    }

    /// Consecutive holidays of one name grouped into spans.
    static func spans(_ days: [ListedDay]) -> [DueDateReckoning.HolidaySpan] {
        var spans: [DueDateReckoning.HolidaySpan] = []
        for day in days {
            if let last = spans.last, last.holiday == day.name, last.last.adding(days: 1) == day.date {
                spans[spans.count - 1] = .init(holiday: last.holiday, first: last.first, last: day.date)
            } else {
                spans.append(.init(holiday: day.name, first: day.date, last: day.date))
            }
        }
        return spans
    }
}
