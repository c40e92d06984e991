import Foundation

/// A calendar month in China Standard Time, the period statistics are published for.
public struct CSTMonth: Hashable, Sendable, Comparable, StringValue {
    public let year: Int
    public let month: Int

    init(validYear year: Int, month: Int) {
        self.year = year
        self.month = month
    }

    /// Parses exactly `YYYY-MM`.
    public init(_ text: String) throws(InvalidValue) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard text.utf8.count == 7, parts.count == 2, parts[0].count == 4, parts[1].count == 2,
            let year = Int(digits: parts[0]), let month = Int(digits: parts[1]), (1900...2999).contains(year), (1...12).contains(month)
        else {
            throw InvalidValue(rule: "month.format", facts: ["text": "\(text)"])
        }
        self.init(validYear: year, month: month)
    }

    public var firstDay: CSTDate { CSTDate(dayNumber: CSTDate.days(year: year, month: month, day: 1)) }

    public var lastDay: CSTDate {
        CSTDate(dayNumber: CSTDate.days(year: year, month: month, day: CSTDate.daysIn(month: month, year: year)))
    }

    public var next: CSTMonth { month == 12 ? CSTMonth(validYear: year + 1, month: 1) : CSTMonth(validYear: year, month: month + 1) }

    public init(checking text: String) throws(InvalidValue) { try self.init(text) }

    public var stringValue: String { "\(year.zeroPadded(4))-\(month.zeroPadded(2))" }

    public static func < (lhs: CSTMonth, rhs: CSTMonth) -> Bool { (lhs.year, lhs.month) < (rhs.year, rhs.month) }

}
