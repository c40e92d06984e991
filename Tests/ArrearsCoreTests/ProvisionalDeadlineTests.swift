import ArrearsCore
import ArrearsTestSupport
import Testing

/// A clock that runs past the loaded holiday tables is never blank: counted with weekends only, marked provisional, and
/// definite once that year's table is loaded.
@Suite("Clocks past the loaded holiday tables")
struct ProvisionalDeadlineTests {
    let rules = Fixtures.rules
    let calendar = Fixtures.calendar

    static let table2027 = Fixtures.table2027

    func deadline(_ stage: DeadlineStage, from start: String, on calendar: WorkingDayCalendar) -> Deadline {
        let date = Fixtures.date(start)
        return rules.deadline(stage, under: rules.ruleSet(receivedOn: date), from: date, on: calendar)
    }

    @Test("Handling forwarded on 2026-12-10: 30 days end on Saturday 2027-01-09, provisionally Monday 2027-01-11")
    func handlingIntoNextYear() throws {
        let handling = deadline(.handling, from: "2026-12-10", on: calendar)
        #expect(handling.nominalDueOn == Fixtures.date("2027-01-09") && handling.dueOn == Fixtures.date("2027-01-11"))
        #expect(handling.provisional && handling.problem == nil, "a date, marked provisional, never a blank")
        let definite = deadline(.handling, from: "2026-12-10", on: try calendar.loading(WorkingDayCalendar(csv: Self.table2027)))
        #expect(definite.dueOn == Fixtures.date("2027-01-11") && !definite.provisional)
    }

    @Test("Review from 2026-12-24 counts 2027-01-01 as a working day until the 2027 table says it is New Year's Day")
    func reviewAcrossNewYear() throws {
        let review = deadline(.review, from: "2026-12-24", on: calendar)
        #expect(review.dueOn == Fixtures.date("2027-01-07") && review.provisional)
        let loaded = try calendar.loading(WorkingDayCalendar(csv: Self.table2027))
        let definite = deadline(.review, from: "2026-12-24", on: loaded)
        #expect(definite.dueOn == Fixtures.date("2027-01-08") && !definite.provisional, "New Year's Day is skipped: one day later")
        let reckoning = try #require(loaded.reckoning(definite))
        #expect(reckoning.skipped.map(\.holiday) == ["New Year's Day"] && reckoning.provisionalFrom == nil)
        #expect(try #require(calendar.reckoning(review)).provisionalFrom == 2027)
    }

    @Test("A clock inside the loaded years is not provisional")
    func insideTheTable() {
        #expect(!deadline(.review, from: "2026-09-24", on: calendar).provisional)
        #expect(!deadline(.handling, from: "2026-11-02", on: calendar).provisional)
    }
}
