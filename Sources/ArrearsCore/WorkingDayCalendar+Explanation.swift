import Foundation

extension WorkingDayCalendar {
    /// Says how a working-day due date was counted, e.g. "10 working days from 2026-09-24 (not
    /// counted); skipped 2026-09-25…27 Mid-autumn Festival, 2026-10-01…07 National Day; counted
    /// Saturday 2026-10-10 (National Day make-up working day)".
    public func explainWorkingDays(_ count: Int, from start: CSTDate, due: CSTDate) -> String {
        var text = "\(count) working days from \(start) (not counted)"
        var skipped: [ListedDay] = []
        var counted: [ListedDay] = []
        var date = start.adding(days: 1)
        while date <= due {
            if let listed = listedDay(date) {
                if listed.exception == .holiday { skipped.append(listed) } else { counted.append(listed) }
            }
            date = date.adding(days: 1)
        }
        if !skipped.isEmpty { text += "; skipped " + Self.ranges(skipped).joined(separator: ", ") }
        if !counted.isEmpty {
            text += "; counted " + counted.map { "\(Self.weekdayName($0.date)) \($0.date) (\($0.name) make-up working day)" }.joined(separator: ", ")
        }
        return text + "; due \(due)"
    }

    /// Says how a calendar-day due date was counted and, when it fell on a day off, where it moved.
    public func explainCalendarDays(_ count: Int, from start: CSTDate, nominal: CSTDate, effective: CSTDate) -> String {
        var text = "\(count) days from \(start) (not counted): \(nominal)"
        guard nominal != effective else { return text }
        let reason = listedDay(nominal).map { "\($0.name) holiday" } ?? "\(Self.weekdayName(nominal)), a rest day"
        text += " is a day off (\(reason)), so the period ends on the next working day, \(effective) (民法典 第二百零三条)"
        return text
    }

    /// Consecutive holidays of one name as "2026-10-01…07 National Day".
    static func ranges(_ days: [ListedDay]) -> [String] {
        var groups: [[ListedDay]] = []
        for day in days {
            if let last = groups.last?.last, last.name == day.name, last.date.adding(days: 1) == day.date {
                groups[groups.count - 1].append(day)
            } else {
                groups.append([day])
            }
        }
        return groups.map { group in
            let first = group[0].date
            let last = group[group.count - 1].date
            guard first != last else { return "\(first) \(group[0].name)" }
            let end = first.month == last.month ? last.components.day.zeroPadded(2) : String(last.description.dropFirst(5))
            return "\(first)…\(end) \(group[0].name)"
        }
    }

    static func weekdayName(_ date: CSTDate) -> String {
        ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"][date.isoWeekday - 1]
    }
}
