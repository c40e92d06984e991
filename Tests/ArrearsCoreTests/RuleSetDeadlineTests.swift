import ArrearsCore
import ArrearsTestSupport
import Foundation
import Testing

@Suite("Deadlines under the rule set in force when the complaint was received")
struct RuleSetDeadlineTests {
    let rules = Fixtures.rules
    let calendar = Fixtures.calendar

    @Test(
        "The rule set follows the date of receipt: the 2021 measures until 2025-05-31, decree 802 from 2025-06-01",
        arguments: [
            ("2019-04-15", "measures-2021"), ("2021-12-30", "measures-2021"), ("2025-05-31", "measures-2021"), ("2025-06-01", "decree-802"),
            ("2026-11-22", "decree-802"),
        ])
    func ruleSetByDate(received: String, expected: String) {
        #expect(rules.ruleSet(receivedOn: Fixtures.date(received)).id == expected)
    }

    /// Counted by hand on the State Council tables, start day excluded.
    @Test(
        "10 working days of review across Spring Festival, National Day and 调休 days, under both rule sets",
        arguments: [
            // 2023: National Day 09-29…10-06 (Mid-autumn 09-29); Saturday 10-07 and Sunday 10-08 are working days.
            ("2023-09-27", "2023-10-17", "measures-2021"),
            // 2024: Spring Festival 02-10…17; Sunday 02-18 is a working day.
            ("2024-02-08", "2024-02-28", "measures-2021"),
            // 2025: Spring Festival 01-28…02-04; Sunday 01-26 and Saturday 02-08 are working days.
            ("2025-01-24", "2025-02-13", "measures-2021"),
            // 2025: National Day and Mid-autumn 10-01…08; Sunday 09-28 and Saturday 10-11 are working days.
            ("2025-09-25", "2025-10-15", "decree-802"),
            // DOMAIN.md's worked examples, 2026.
            ("2026-09-24", "2026-10-15", "decree-802"),
            ("2026-02-12", "2026-03-04", "decree-802"),
            ("2026-04-30", "2026-05-18", "decree-802"),
        ])
    func review(start: String, due: String, ruleSet: String) {
        let set = rules.ruleSet(receivedOn: Fixtures.date(start))
        let deadline = rules.deadline(.review, under: set, from: Fixtures.date(start), on: calendar)
        #expect(deadline.dueOn == Fixtures.date(due))
        #expect(deadline.ruleSet == ruleSet)
        #expect(deadline.binding)
        #expect(deadline.unit == .workingDays && deadline.length == 10)
    }

    @Test(
        "30 days of handling: nominal and effective due date, under both rule sets",
        arguments: [
            // 2024-10-01 is National Day (10-01…07): the period ends on Tuesday 2024-10-08.
            ("2024-09-01", "2024-10-01", "2024-10-08", "measures-2021"),
            ("2026-09-01", "2026-10-01", "2026-10-08", "decree-802"),
            // Spring Festival 2026 runs 02-15…23.
            ("2026-01-16", "2026-02-15", "2026-02-24", "decree-802"),
            // 2025-02-22 is a plain Saturday: the next working day is Monday 02-24.
            ("2025-01-23", "2025-02-22", "2025-02-24", "measures-2021"),
        ])
    func handling(start: String, nominal: String, effective: String, ruleSet: String) {
        let set = rules.ruleSet(receivedOn: Fixtures.date(start))
        let deadline = rules.deadline(.handling, under: set, from: Fixtures.date(start), on: calendar)
        #expect(deadline.nominalDueOn == Fixtures.date(nominal))
        #expect(deadline.dueOn == Fixtures.date(effective))
        #expect(deadline.ruleSet == ruleSet)
    }

    @Test("Under the 2021 measures forwarding and handling are targets, and say so; under decree 802 they are limits")
    func targets() throws {
        let old = rules.ruleSet(receivedOn: Fixtures.date("2024-03-01"))
        let forward = rules.deadline(.forward, under: old, from: Fixtures.date("2024-03-01"), on: calendar)
        #expect(!forward.binding)
        #expect(calendar.reckoning(forward)?.binding == false)
        let new = rules.ruleSet(receivedOn: Fixtures.date("2026-03-02"))
        let limit = rules.deadline(.forward, under: new, from: Fixtures.date("2026-03-02"), on: calendar)
        #expect(limit.binding)
        #expect(limit.basis?.contains("第二十五条") == true)
    }

    @Test("A rule that counts the start day, or does not roll past holidays, is honoured as data")
    func ruleVariants() throws {
        var set = rules.ruleSet(receivedOn: Fixtures.date("2026-01-01"))
        set.stages["handling"]?.rollsForward = false
        let book = try RuleBook(ruleSets: [set])
        let fixed = book.deadline(.handling, under: book.ruleSets[0], from: Fixtures.date("2026-09-01"), on: calendar)
        #expect(fixed.dueOn == Fixtures.date("2026-10-01"), "no roll: the nominal day stands even on National Day")
        set.stages["review"]?.startDayCounts = true
        let counting = try RuleBook(ruleSets: [set])
        // Counting Thursday 09-24 itself as day one ends a day earlier than DOMAIN.md's 10-15.
        #expect(
            counting.deadline(.review, under: counting.ruleSets[0], from: Fixtures.date("2026-09-24"), on: calendar).dueOn
                == Fixtures.date("2026-10-14"))
    }

    @Test("The configurable periods take the operator's lengths; the statutory ones do not move")
    func configured() {
        let book = rules.configured([.supplement: 15, .rating: 20, .feedback: 7, .reviewRequest: 20, .review: 3, .handling: 5])
        let set = book.ruleSet(receivedOn: Fixtures.date("2026-01-05"))
        #expect(set.rule(.supplement).length == 15)
        #expect(set.rule(.rating).length == 20)
        #expect(set.rule(.feedback).length == 7 && set.rule(.reviewRequest).length == 20)
        #expect(set.rule(.review).length == 10 && set.rule(.handling).length == 30, "the law's periods are not the operator's to change")
    }

    @Test("A rule set without every stage is refused")
    func incomplete() throws {
        var set = rules.ruleSets[0]
        set.stages["forward"] = nil
        #expect(throws: InvalidValue.self) { try RuleBook(ruleSets: [set]) }
    }

    @Test("A complaint keeps the rule set it was received under, and every deadline names it")
    func recorded() throws {
        var filing = Fixtures.filing()
        filing.contracts[0].signedOn = Fixtures.date("2024-03-18")
        filing.contracts[0].deliveredOn = Fixtures.date("2024-09-30")
        let (complaint, event) = Fixtures.registered(filing, at: "2025-05-30T02:00:00Z")
        #expect(complaint.ruleSet == "measures-2021")
        #expect(event.detail.deadline?.ruleSet == "measures-2021")
        // Accepted after decree 802 came into force, the complaint still follows the measures it was received under.
        let (accepted, _) = try Fixtures.lifecycle.apply(
            .accept(note: nil), to: complaint, by: Fixtures.zhejiangIntake, at: Fixtures.instant("2025-06-03T02:00:00Z"))
        #expect(accepted.deadline?.ruleSet == "measures-2021")
        #expect(accepted.deadline?.binding == false)
    }
}
