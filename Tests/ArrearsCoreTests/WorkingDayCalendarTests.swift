import ArrearsCore
import ArrearsTestSupport
import Testing

@Suite("Working days on the State Council holiday table")
struct WorkingDayCalendarTests {
    let calendar = Fixtures.calendar

    @Test(
        "10 working days, start day excluded (DOMAIN.md worked examples)",
        arguments: [
            ("2026-09-24", "2026-10-15"),  // skips Mid-autumn 09-25…27 and National Day 10-01…07, counts Saturday 10-10
            ("2026-02-12", "2026-03-04"),  // counts Saturday 02-14 and 02-28, skips Spring Festival 02-15…23
            ("2026-04-30", "2026-05-18"),  // skips Labour Day 05-01…05, counts Saturday 05-09
        ])
    func workingDays(start: String, due: String) throws {
        #expect(try calendar.adding(workingDays: 10, to: Fixtures.date(start)).description == due)
    }

    @Test(
        "30 calendar days: nominal end, and the effective one past a holiday",
        arguments: [
            ("2026-09-01", "2026-10-01", "2026-10-08"),
            ("2026-01-16", "2026-02-15", "2026-02-24"),
            ("2026-11-02", "2026-12-02", "2026-12-02"),
        ])
    func calendarDays(start: String, nominal: String, effective: String) throws {
        let result = try calendar.adding(calendarDays: 30, to: Fixtures.date(start))
        #expect(result.nominal.description == nominal)
        #expect(result.effective.description == effective)
    }

    @Test("A due date's counting is facts: the holidays skipped and the make-up days counted, by the calendar's names")
    func reckoning() throws {
        let rules = Fixtures.rules
        let set = rules.ruleSet(receivedOn: Fixtures.date("2026-09-24"))
        let review = try #require(calendar.reckoning(rules.deadline(.review, under: set, from: Fixtures.date("2026-09-24"), on: calendar)))
        #expect(review.due == Fixtures.date("2026-10-15"))
        #expect(review.skipped.map(\.holiday) == ["Mid-autumn Festival", "National Day"])
        #expect(review.skipped.map { "\($0.first)…\($0.last)" } == ["2026-09-25…2026-09-27", "2026-10-01…2026-10-07"])
        #expect(review.madeUpWorkdays.map(\.date) == [Fixtures.date("2026-10-10")])
        let handling = try #require(calendar.reckoning(rules.deadline(.handling, under: set, from: Fixtures.date("2026-09-01"), on: calendar)))
        #expect(handling.nominalDue == Fixtures.date("2026-10-01") && handling.due == Fixtures.date("2026-10-08"))
        #expect(handling.nominalDayOff == .holiday("National Day"))
        let plain = try #require(calendar.reckoning(rules.deadline(.handling, under: set, from: Fixtures.date("2026-11-02"), on: calendar)))
        #expect(plain.nominalDayOff == nil && plain.due == Fixtures.date("2026-12-02"))
    }

    @Test("A made-up working Saturday counts, a weekday holiday does not")
    func exceptions() {
        #expect(calendar.isWorkingDay(Fixtures.date("2026-10-10")))
        #expect(!calendar.isWorkingDay(Fixtures.date("2026-10-01")))
        #expect(!calendar.isWorkingDay(Fixtures.date("2026-10-11")))
        #expect(calendar.listedDay(Fixtures.date("2026-10-01"))?.name == "National Day")
    }

    @Test("A count that runs past the loaded calendar is an error, not a guess")
    func beyond() {
        #expect(throws: CalendarError.self) { try calendar.adding(workingDays: 10, to: Fixtures.date("2026-12-25")) }
    }

    @Test("A table that lists a day twice is refused")
    func duplicate() {
        let csv = "date,kind,name\n2027-01-01,holiday,New Year's Day\n2027-01-01,holiday,New Year's Day\n"
        do {
            _ = try WorkingDayCalendar(csv: csv)
            Issue.record("accepted a duplicate day")
        } catch {
            #expect(error.rule == "calendar.duplicate")
        }
    }

    @Test("Working days between two dates")
    func between() throws {
        #expect(try calendar.workingDays(after: Fixtures.date("2026-09-24"), through: Fixtures.date("2026-10-15")) == 10)
    }
}
