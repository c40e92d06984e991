import Foundation

/// A calendar date in China Standard Time (UTC+8), the dates the law counts in, whatever the server's zone.
public struct CSTDate: Hashable, Sendable, Comparable, StringValue {
    /// Seconds east of UTC; China has one zone and no daylight saving.
    public static let utcOffset = 8 * 3600

    /// Days since 1970-01-01 (a CST date), which makes counting and weekdays plain arithmetic.
    public let dayNumber: Int

    public init(dayNumber: Int) {
        self.dayNumber = dayNumber
    }

    public init(year: Int, month: Int, day: Int) throws(InvalidValue) {
        guard (1900...2999).contains(year), (1...12).contains(month),
            (1...Self.daysIn(month: month, year: year)).contains(day)
        else {
            throw InvalidValue(rule: "date.invalid", facts: ["year": "\(year)", "month": "\(month)", "day": "\(day)"])
        }
        self.dayNumber = Self.days(year: year, month: month, day: day)
    }

    /// Parses exactly `YYYY-MM-DD`.
    public init(_ text: String) throws(InvalidValue) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard text.utf8.count == 10, parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let year = Int(digits: parts[0]), let month = Int(digits: parts[1]), let day = Int(digits: parts[2])
        else {
            throw InvalidValue(rule: "date.format", facts: ["text": "\(text)"])
        }
        try self.init(year: year, month: month, day: day)
    }

    /// The CST date on which an instant falls.
    public init(_ instant: Date) {
        let seconds = Int(instant.timeIntervalSince1970.rounded(.down)) + Self.utcOffset
        self.dayNumber = Int((Double(seconds) / 86_400).rounded(.down))
    }

    /// The instant this date begins in China (00:00 CST).
    public var startInstant: Date {
        Date(timeIntervalSince1970: TimeInterval(dayNumber * 86_400 - Self.utcOffset))
    }

    public var components: (year: Int, month: Int, day: Int) { Self.civil(dayNumber) }

    /// ISO weekday: 1 Monday … 7 Sunday.
    public var isoWeekday: Int { ((dayNumber % 7) + 7 + 3) % 7 + 1 }

    public var isWeekend: Bool { isoWeekday >= 6 }

    public func adding(days: Int) -> CSTDate { CSTDate(dayNumber: dayNumber + days) }

    public func days(until other: CSTDate) -> Int { other.dayNumber - dayNumber }

    public var month: CSTMonth {
        let c = components
        return CSTMonth(validYear: c.year, month: c.month)
    }

    public init(checking text: String) throws(InvalidValue) { try self.init(text) }

    public var stringValue: String {
        let c = components
        return "\(c.year.zeroPadded(4))-\(c.month.zeroPadded(2))-\(c.day.zeroPadded(2))"
    }

    public static func < (lhs: CSTDate, rhs: CSTDate) -> Bool { lhs.dayNumber < rhs.dayNumber }

    static func isLeap(_ year: Int) -> Bool { (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    // Howard Hinnant's days-from-civil and its inverse: exact for the proleptic Gregorian calendar.
    static func days(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func civil(_ days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
