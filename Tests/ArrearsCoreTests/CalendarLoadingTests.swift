import ArrearsCore
import ArrearsTestSupport
import Testing

@Suite("Loading next year's holiday table")
struct CalendarLoadingTests {
    /// A table shaped like the State Council's for 2027 (its real dates are published each November).
    static let year2027 = Fixtures.table2027

    @Test("A deadline past the shipped table becomes countable once the next year is loaded")
    func extend() throws {
        #expect(throws: CalendarError.self) { try Fixtures.calendar.adding(workingDays: 10, to: Fixtures.date("2026-12-25")) }
        let loaded = try Fixtures.calendar.loading(WorkingDayCalendar(csv: Self.year2027))
        #expect(loaded.years == 2004...2027)
        // From Friday 2026-12-25: 12-28…31 (4), 2027-01-01 is a holiday, 01-04…08 (9), 01-11 (10).
        #expect(try loaded.adding(workingDays: 10, to: Fixtures.date("2026-12-25")) == Fixtures.date("2027-01-11"))
        #expect(loaded.isWorkingDay(Fixtures.date("2027-02-20")))
    }

    @Test("A partial year, a year that leaves a gap, or a date twice is refused")
    func refused() throws {
        let partial = Self.year2027.split(separator: "\n").filter { !$0.hasPrefix("2027-10-01") }.joined(separator: "\n")
        do {
            _ = try Fixtures.calendar.loading(WorkingDayCalendar(csv: partial))
            Issue.record("a year without National Day was loaded")
        } catch {
            #expect(error.rule == "calendar.incomplete-year")
        }
        let gap = Self.year2027.replacingOccurrences(of: "2027-", with: "2028-")
        do {
            _ = try Fixtures.calendar.loading(WorkingDayCalendar(csv: gap))
            Issue.record("2028 was loaded without 2027")
        } catch {
            #expect(error.rule == "calendar.gap")
        }
        #expect(throws: InvalidValue.self) { try WorkingDayCalendar(csv: Self.year2027 + "2027-10-07,holiday,National Day\n") }
    }

    @Test("A corrected table for a loaded year replaces that year whole")
    func replace() throws {
        let corrected = "date,kind,name\n2026-01-01,holiday,New Year's Day\n2026-10-01,holiday,National Day\n"
        let loaded = try Fixtures.calendar.loading(WorkingDayCalendar(csv: corrected))
        #expect(loaded.isWorkingDay(Fixtures.date("2026-10-02")), "the old 2026 holidays are gone")
        #expect(!loaded.isWorkingDay(Fixtures.date("2025-10-02")), "other years are untouched")
    }
}
