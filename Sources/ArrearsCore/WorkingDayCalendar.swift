import Foundation

/// The Chinese working-day calendar (工作日): Monday–Friday, minus statutory holidays, plus the
/// weekend days made working days (调休), as published each year by the State Council General Office.
public struct WorkingDayCalendar: Sendable {
    /// How a listed day differs from the plain weekday rule.
    public enum Exception: String, Sendable {
        case holiday
        case workday
    }

    /// A listed day and its name (e.g. "National Day"), for explaining a due date.
    public struct ListedDay: Sendable, Equatable {
        public let date: CSTDate
        public let exception: Exception
        public let name: String
    }

    private let listed: [Int: ListedDay]
    /// The years the table covers; a count that runs past them cannot be trusted.
    public let years: ClosedRange<Int>

    /// Parses `date,kind,name` rows (kind `holiday` or `workday`); the years covered are those listed.
    public init(csv: String) throws(InvalidValue) {
        var rows = csv.split(whereSeparator: \.isNewline).makeIterator()
        guard let header = rows.next(), header.trimmingCharacters(in: .whitespaces) == "date,kind,name" else {
            throw InvalidValue(rule: "calendar.header")
        }
        var listed: [Int: ListedDay] = [:]
        var line = 1
        while let row = rows.next() {
            line += 1
            let fields = row.split(separator: ",", maxSplits: 2, omittingEmptySubsequences: false)
            guard fields.count == 3, let exception = Exception(rawValue: String(fields[1])) else {
                throw InvalidValue(rule: "calendar.row", facts: ["line": "\(line)"])
            }
            let date = try CSTDate(String(fields[0]))
            guard listed[date.dayNumber] == nil else {
                throw InvalidValue(rule: "calendar.duplicate", facts: ["date": "\(date)", "line": "\(line)"])
            }
            listed[date.dayNumber] = ListedDay(date: date, exception: exception, name: String(fields[2]))
        }
        try self.init(listed: listed)
    }

    init(listed: [Int: ListedDay]) throws(InvalidValue) {
        let years = Set(listed.values.map { $0.date.components.year })
        guard let first = years.min(), let last = years.max() else {
            throw InvalidValue(rule: "calendar.empty")
        }
        if let gap = (first...last).first(where: { !years.contains($0) }) {
            throw InvalidValue(rule: "calendar.gap", facts: ["first": "\(first)", "last": "\(last)", "gap": "\(gap)"])
        }
        self.listed = listed
        self.years = first...last
    }

    /// This calendar with the years `table` lists replaced by it (next year's State Council table, or a corrected one).
    /// Refuses a table with a year that lacks its fixed holidays (New Year's Day, National Day: a partial year) or that
    /// would leave a year out between the loaded ones.
    public func loading(_ table: WorkingDayCalendar) throws(InvalidValue) -> WorkingDayCalendar {
        for year in table.years {
            for (month, name) in [(1, "New Year's Day"), (10, "National Day")] {
                let day = try CSTDate(year: year, month: month, day: 1)
                guard table.listed[day.dayNumber]?.exception == .holiday else {
                    throw InvalidValue(
                        rule: "calendar.incomplete-year",
                        facts: ["year": "\(year)", "day": .date(day), "name": "\(name)"])
                }
            }
        }
        var merged = listed.filter { !table.years.contains($0.value.date.components.year) }
        merged.merge(table.listed) { _, new in new }
        return try WorkingDayCalendar(listed: merged)
    }

    public func covers(_ date: CSTDate) -> Bool { years.contains(date.components.year) }

    public func listedDay(_ date: CSTDate) -> ListedDay? { listed[date.dayNumber] }

    public func isWorkingDay(_ date: CSTDate) -> Bool {
        switch listed[date.dayNumber]?.exception {
        case .holiday: false
        case .workday: true
        case nil: !date.isWeekend
        }
    }

    /// The date `count` working days after `start`, counting on past the loaded years with weekends only (no holiday of
    /// a year whose table is not published yet is known); `provisional` when it had to.
    public func counting(workingDays count: Int, after start: CSTDate) -> (due: CSTDate, provisional: Bool) {
        var date = start
        var remaining = count
        while remaining > 0 {
            date = date.adding(days: 1)
            if isWorkingDay(date) { remaining -= 1 }
        }
        return (date, !covers(date))
    }

    /// N calendar days after `start`, rolled past a day off at the end (第二百零三条) — past the loaded years, past a
    /// weekend only; `provisional` when the end lies beyond them.
    public func counting(calendarDays count: Int, after start: CSTDate) -> (nominal: CSTDate, effective: CSTDate, provisional: Bool) {
        let nominal = start.adding(days: count)
        var effective = nominal
        while !isWorkingDay(effective) { effective = effective.adding(days: 1) }
        return (nominal, effective, !covers(effective))
    }

    /// The date `count` working days after `start`; the start day itself is not counted.
    public func adding(workingDays count: Int, to start: CSTDate) throws(CalendarError) -> CSTDate {
        var date = start
        var remaining = count
        while remaining > 0 {
            date = date.adding(days: 1)
            guard covers(date) else { throw CalendarError.beyondCalendar(date: date, lastYear: years.upperBound) }
            if isWorkingDay(date) { remaining -= 1 }
        }
        return date
    }

    /// N calendar days from `start` (start day not counted, 民法典 第二百零一条); when the last day is a
    /// statutory holiday or rest day the period ends on the next working day (第二百零三条).
    public func adding(calendarDays count: Int, to start: CSTDate) throws(CalendarError) -> (nominal: CSTDate, effective: CSTDate) {
        let nominal = start.adding(days: count)
        var effective = nominal
        while true {
            guard covers(effective) else { throw CalendarError.beyondCalendar(date: effective, lastYear: years.upperBound) }
            if isWorkingDay(effective) { break }
            effective = effective.adding(days: 1)
        }
        return (nominal, effective)
    }

    /// Working days strictly after `start` up to and including `end`.
    public func workingDays(after start: CSTDate, through end: CSTDate) throws(CalendarError) -> Int {
        guard start < end else { return 0 }
        var count = 0
        var date = start
        while date < end {
            date = date.adding(days: 1)
            guard covers(date) else { throw CalendarError.beyondCalendar(date: date, lastYear: years.upperBound) }
            if isWorkingDay(date) { count += 1 }
        }
        return count
    }
}

/// A date the calendar cannot answer for: the operator must load the next year's table.
public enum CalendarError: Error, Equatable, Sendable, CustomStringConvertible {
    case beyondCalendar(date: CSTDate, lastYear: Int)

    /// What the operator reads: the last year loaded and the day that could not be counted.
    public var message: Message {
        switch self {
        case let .beyondCalendar(date, lastYear): Message("calendar.beyond", ["lastYear": "\(lastYear)", "date": .date(date)])
        }
    }

    public var description: String { message.description }
}
