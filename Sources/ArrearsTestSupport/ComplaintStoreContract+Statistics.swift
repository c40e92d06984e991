import ArrearsCore
import ArrearsStore
import Foundation

extension ComplaintStoreContract {
    /// Takes a command on the complaint's current version, as an official would after reading it.
    func act(_ store: any ComplaintStore, _ id: ComplaintID, _ actor: Actor, _ iso: String, _ command: ComplaintCommand) async throws {
        let lifecycle = Fixtures.lifecycle
        let now = Fixtures.instant(iso)
        guard let current = try await store.complaint(id, visibleTo: actor) else {
            expect(false, "\(actor.account) cannot see \(id)")
            return
        }
        _ = try await store.transition(id, visibleTo: actor, expectedVersion: current.version) { complaint in
            try lifecycle.apply(command, to: complaint, by: actor, at: now)
        }
    }

    /// Six complaints over October and November 2026, two of them either side of a CST midnight;
    /// every figure below was counted by hand (see the comments).
    public func monthlyStatisticsCountedByHand() async throws {
        let store = try await makeStore()
        func file(_ iso: String, _ filing: ComplaintFiling = Fixtures.filing(), by actor: Actor = Fixtures.sme) async throws -> ComplaintID {
            let (complaint, event) = Fixtures.registered(filing, by: actor, at: iso)
            _ = try await store.register(complaint, event: event, idempotency: nil)
            return complaint.id
        }
        let intake = Fixtures.zhejiangIntake
        // C1: 2026-10-31 23:59 CST, October. C2: 2026-11-01 00:00 CST, November, one minute later in UTC terms.
        let c1 = try await file("2026-10-31T15:59:00Z")
        _ = try await file("2026-10-31T16:00:00Z")
        // C3: registered, accepted and forwarded in October; resolved (partly paid) and rated in November.
        let c3 = try await file("2026-10-15T02:00:00Z")
        try await act(store, c3, intake, "2026-10-16T02:00:00Z", .accept(note: nil))
        try await act(store, c3, intake, "2026-10-20T02:00:00Z", .forward(to: try DepartmentID("ZJ-EDU"), note: nil))
        try await act(
            store, c3, Fixtures.educationHandler, "2026-11-05T02:00:00Z",
            .resolve(outcome: .partlyPaid, amountPaid: Fixtures.fen(30_000_000), summary: "已支付3000万分"))
        try await act(store, c3, Fixtures.sme, "2026-11-06T02:00:00Z", .rate(.satisfied, comment: nil))
        // C1 accepted in November; C4 rejected and C5 withdrawn in November.
        try await act(store, c1, intake, "2026-11-02T02:00:00Z", .accept(note: nil))
        let c4 = try await file("2026-11-10T02:00:00Z")
        try await act(store, c4, intake, "2026-11-11T02:00:00Z", .reject(ground: .notSME, reason: "2024年营业收入超过标准"))
        let c5 = try await file("2026-11-12T02:00:00Z")
        try await act(store, c5, Fixtures.sme, "2026-11-13T02:00:00Z", .withdraw(reason: "已与对方达成和解"))
        // C6: a Shenzhen respondent, outside Zhejiang's scope.
        _ = try await file(
            "2026-11-20T02:00:00Z", Fixtures.filing(complainantCode: "91110108551385082Q", respondentRegion: "440300", level: .city),
            by: Fixtures.otherSME)

        let claim: Int64 = 45_600_000
        let october = try await store.monthlyStatistics(try CSTMonth("2026-10"), visibleTo: intake)
        var expected = StatisticsFigures()
        expected.registered = 2  // C1 (23:59 CST), C3
        expected.accepted = 1  // C3
        expected.forwarded = 1  // C3
        expected.openAtEnd = 2  // C1 submitted, C3 forwarded
        expected.openByState[.submitted] = 1
        expected.openByState[.forwarded] = 1
        // C3, received Thursday 10-15: accepted Friday 10-16 (1 working day), forwarded Tuesday 10-20 (10-16, 10-19, 10-20: 3).
        expected.timeToStep = [
            StepTime(step: .accepted, unit: .workingDays, count: 1, median: 1, p90: 1),
            StepTime(step: .forwarded, unit: .workingDays, count: 1, median: 3, p90: 3),
        ]
        expected.amountClaimed = Fixtures.fen(2 * claim)
        expect(october.monthly == expected, "October's month figures, got \(october.monthly)")
        expect(october.cumulative == expected, "October's cumulative equals its month (nothing earlier), got \(october.cumulative)")

        let november = try await store.monthlyStatistics(try CSTMonth("2026-11"), visibleTo: intake)
        var month = StatisticsFigures()
        month.registered = 3  // C2 (00:00 CST), C4, C5
        month.accepted = 1  // C1
        month.rejected = 1  // C4
        month.rejectedByGround[.notSME] = 1
        month.resolved = 1  // C3
        month.resolvedByOutcome[.partlyPaid] = 1
        month.closed = 1  // C3, by its rating
        month.ratings[.satisfied] = 1
        month.withdrawn = 1  // C5
        month.openAtEnd = 2  // C1 accepted, C2 submitted
        month.openByState[.accepted] = 1
        month.openByState[.submitted] = 1
        // Past due on 11-30: C2 (received Sunday 11-01) was due for review by 11-13; C1, accepted Monday 11-02, was due to
        // be forwarded by 11-16 (10 working days). Nothing ended late: C3's result (due 11-19) came 11-05, its rating 11-06.
        month.overdueAtEnd[.review] = 1
        month.overdueAtEnd[.forward] = 1
        // C1 accepted Monday 11-02 after a Saturday-night filing: 1 working day. C3: result 21 days after 10-15, rating 22.
        month.timeToStep = [
            StepTime(step: .accepted, unit: .workingDays, count: 1, median: 1, p90: 1),
            StepTime(step: .resolved, unit: .calendarDays, count: 1, median: 21, p90: 21),
            StepTime(step: .closed, unit: .calendarDays, count: 1, median: 22, p90: 22),
        ]
        month.amountClaimed = Fixtures.fen(3 * claim)
        month.amountPaid = Fixtures.fen(30_000_000)
        expect(november.monthly == month, "November's month figures, got \(november.monthly)")
        var cumulative = month
        cumulative.registered = 5
        cumulative.accepted = 2
        cumulative.forwarded = 1
        cumulative.amountClaimed = Fixtures.fen(5 * claim)
        cumulative.timeToStep = [
            StepTime(step: .accepted, unit: .workingDays, count: 2, median: 1, p90: 1),
            StepTime(step: .forwarded, unit: .workingDays, count: 1, median: 3, p90: 3),
            StepTime(step: .resolved, unit: .calendarDays, count: 1, median: 21, p90: 21),
            StepTime(step: .closed, unit: .calendarDays, count: 1, median: 22, p90: 22),
        ]
        expect(november.cumulative == cumulative, "cumulative to the end of November, got \(november.cumulative)")
        expect(november.province == Fixtures.region("330000"), "a provincial official's figures are its province's")

        // Breakdowns: C3 counted under its handling department from its forward on; every Zhejiang complaint has a
        // provincial public institution as respondent and a small construction firm as complainant.
        func breakdown(_ statistics: MonthlyStatistics, _ dimension: StatisticsDimension, _ key: String) -> StatisticsBreakdown? {
            statistics.breakdowns.first { $0.dimension == dimension && $0.key == key }
        }
        let education = breakdown(november, .department, "ZJ-EDU")
        expect(
            education?.monthly.resolved == 1 && education?.cumulative.forwarded == 1 && education?.cumulative.registered == 0,
            "ZJ-EDU: forwarded in October, resolved in November, got \(String(describing: education))")
        let notForwarded = breakdown(november, .department, "")
        expect(notForwarded?.cumulative.registered == 5, "registrations come before any department, got \(String(describing: notForwarded))")
        let institutions = breakdown(november, .respondentKind, "public_institution")
        // Breakdowns carry counts; times to each step are given for the whole scope only.
        var cumulativeCounts = cumulative
        cumulativeCounts.timeToStep = []
        var monthCounts = month
        monthCounts.timeToStep = []
        expect(institutions?.cumulative == cumulativeCounts, "all five are about a public institution")
        expect(breakdown(november, .industry, "construction")?.monthly == monthCounts, "all are construction firms")
        expect(breakdown(november, .size, "small")?.cumulative.registered == 5, "all declared small")
        expect(
            Set(november.breakdowns.filter { $0.dimension == .province }.map(\.key)) == ["330000"],
            "a provincial official's province breakdown has its province only")

        let national = try await store.monthlyStatistics(try CSTMonth("2026-11"), visibleTo: Fixtures.nationalIntake)
        expect(
            national.monthly.registered == 4 && national.province == nil,
            "national figures include Guangdong's C6, got \(national.monthly.registered)")
        expect(breakdown(national, .province, "440000")?.monthly.registered == 1, "C6 counts in Guangdong")
        expect(breakdown(national, .respondentLevel, "city")?.cumulative.registered == 1, "C6's respondent is city level")
        expect(national.registeredAndForwarded == 6, "six registered and passed on in all")
        let before = try await store.monthlyStatistics(try CSTMonth("2026-09"), visibleTo: intake)
        expect(before.cumulative == StatisticsFigures(), "nothing before the first complaint")
    }
}
