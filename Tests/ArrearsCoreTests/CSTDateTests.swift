import ArrearsCore
import ArrearsTestSupport
import Foundation
import Testing

@Suite("China Standard Time dates")
struct CSTDateTests {
    @Test(
        "An instant falls on its China date, whatever the server's zone",
        arguments: [
            ("2026-11-30T15:59:59Z", "2026-11-30"),
            ("2026-11-30T16:00:00Z", "2026-12-01"),
            ("2026-12-31T16:00:00Z", "2027-01-01"),
            ("1969-12-31T16:00:00Z", "1970-01-01"),
        ])
    func instantToDate(instant: String, date: String) {
        #expect(CSTDate(Fixtures.instant(instant)).description == date)
    }

    @Test("Weekdays are right: 2026-10-01 is a Thursday, 2026-10-10 a Saturday")
    func weekdays() {
        #expect(Fixtures.date("2026-10-01").isoWeekday == 4)
        #expect(Fixtures.date("2026-10-10").isoWeekday == 6)
        #expect(Fixtures.date("2024-02-29").isoWeekday == 4)
    }

    @Test(
        "Malformed and impossible dates are refused",
        arguments: ["2026-02-29", "2026-13-01", "2026-1-01", "26-01-01", "2026/01/01", "2026-01-01T00:00"])
    func refused(text: String) {
        #expect(throws: InvalidValue.self) { try CSTDate(text) }
    }

    @Test("Months have their first and last days")
    func months() throws {
        let february = try CSTMonth("2024-02")
        #expect(february.firstDay.description == "2024-02-01")
        #expect(february.lastDay.description == "2024-02-29")
        #expect(try CSTMonth("2026-12").next.description == "2027-01")
        #expect(throws: InvalidValue.self) { try CSTMonth("2026-13") }
    }

    @Test("A date's start instant is its midnight in China")
    func startInstant() {
        #expect(Fixtures.date("2026-11-01").startInstant == Fixtures.instant("2026-10-31T16:00:00Z"))
    }
}
