import ArrearsCore
import ArrearsStore
import Foundation

extension ComplaintStoreContract {
    /// Thirty-four Zhejiang complaints over September, October and November 2026, each figure counted by hand from the
    /// 2026 holiday table (Mid-Autumn 9-25…27, National Day 10-1…7, make-up working days 9-20 and 10-10). Every complaint
    /// claims ¥456,000.00.
    public func threeMonthsCountedByHand() async throws {
        let store = try await makeStore()
        let intake = Fixtures.zhejiangIntake
        let handler = Fixtures.educationHandler
        let sme = Fixtures.sme
        func file(_ iso: String, _ count: Int) async throws -> [ComplaintID] {
            var ids: [ComplaintID] = []
            for _ in 0..<count {
                let (complaint, event) = Fixtures.registered(at: iso)
                _ = try await store.register(complaint, event: event, idempotency: nil)
                ids.append(complaint.id)
            }
            return ids
        }
        func each(_ ids: ArraySlice<ComplaintID>, _ actor: Actor, _ iso: String, _ command: ComplaintCommand) async throws {
            for id in ids { try await act(store, id, actor, iso, command) }
        }
        let education = try DepartmentID("ZJ-EDU")
        // S1–S10: Thursday 9-10 10:00 CST. Eight accepted Friday 9-11 (1 working day), forwarded Monday 9-14 (2 working
        // days from receipt; the forward clock ran to 9-24), resolved Monday 10-12 (32 days; handling due 10-14) — six paid
        // in full, two partly (¥100,000 each) — and rated Tuesday 10-20 (40 days; rating due 10-27). Two rejected 9-11.
        let s = try await file("2026-09-10T02:00:00Z", 10)
        try await each(s[0..<8], intake, "2026-09-11T02:00:00Z", .accept(note: nil))
        try await each(s[0..<8], intake, "2026-09-14T02:00:00Z", .forward(to: education, note: nil))
        try await each(
            s[0..<6], handler, "2026-10-12T02:00:00Z", .resolve(outcome: .paidInFull, amountPaid: Fixtures.fen(45_600_000), summary: "已全额支付"))
        try await each(
            s[6..<8], handler, "2026-10-12T02:00:00Z", .resolve(outcome: .partlyPaid, amountPaid: Fixtures.fen(10_000_000), summary: "已付10万元"))
        try await each(s[0..<6], sme, "2026-10-20T02:00:00Z", .rate(.satisfied, comment: nil))
        try await each(s[6..<8], sme, "2026-10-20T02:00:00Z", .rate(.dissatisfied, comment: nil))
        try await act(store, s[8], intake, "2026-09-11T02:00:00Z", .reject(ground: .notSME, reason: "营业收入超过标准"))
        try await act(store, s[9], intake, "2026-09-11T02:00:00Z", .reject(ground: .repeatComplaint, reason: "同一事项已有处理结果"))
        // S11–S12: Wednesday 9-30 23:59 CST, September. Accepted Friday 10-9 (2 working days: 10-8, 10-9); the forward
        // clock ran 10-10 (a Saturday working day) … 10-22, and they were never forwarded.
        let late = try await file("2026-09-30T15:59:00Z", 2)
        try await each(late[...], intake, "2026-10-09T02:00:00Z", .accept(note: nil))
        // O1–O2: Thursday 10-1 00:00 CST, October, one minute after S11–S12; never reviewed (review due 10-20).
        _ = try await file("2026-09-30T16:00:00Z", 2)
        // O3–O12: Thursday 10-15; accepted Friday 10-16 (1 working day); forwarded Monday 11-2, past the forward clock's
        // 10-30 (12 working days from receipt); handling then runs to 12-2.
        let o = try await file("2026-10-15T02:00:00Z", 10)
        try await each(o[...], intake, "2026-10-16T02:00:00Z", .accept(note: nil))
        try await each(o[...], intake, "2026-11-02T02:00:00Z", .forward(to: education, note: nil))
        // N1–N10: Tuesday 11-3; five withdrawn 11-4; five never reviewed (review due 11-17).
        let n = try await file("2026-11-03T02:00:00Z", 10)
        try await each(n[0..<5], sme, "2026-11-04T02:00:00Z", .withdraw(reason: "已和解"))

        let claim: Int64 = 45_600_000
        let paid: Int64 = 6 * claim + 2 * 10_000_000
        func times(_ list: [(StatisticsStep, ClockUnit, Int, Int, Int)]) -> [StepTime] {
            list.map { StepTime(step: $0.0, unit: $0.1, count: $0.2, median: $0.3, p90: $0.4) }
        }

        var september = StatisticsFigures()
        september.registered = 12
        september.accepted = 8
        september.rejected = 2
        september.rejectedByGround[.notSME] = 1
        september.rejectedByGround[.repeatComplaint] = 1
        september.forwarded = 8
        september.openByState[.forwarded] = 8  // S1–S8
        september.openByState[.submitted] = 2  // S11–S12
        september.openAtEnd = 10
        september.amountClaimed = Fixtures.fen(12 * claim)
        september.timeToStep = times([(.accepted, .workingDays, 8, 1, 1), (.forwarded, .workingDays, 8, 2, 2)])
        let sep = try await store.monthlyStatistics(try CSTMonth("2026-09"), visibleTo: intake)
        expect(sep.monthly == september, "September, got \(sep.monthly)")
        expect(sep.cumulative == september, "September's cumulative is its month, got \(sep.cumulative)")

        var october = StatisticsFigures()
        october.registered = 12  // O1–O12
        october.accepted = 12  // S11–S12, O3–O12
        october.resolved = 8
        october.resolvedByOutcome[.paidInFull] = 6
        october.resolvedByOutcome[.partlyPaid] = 2
        october.closed = 8
        october.ratings[.satisfied] = 6
        october.ratings[.dissatisfied] = 2
        october.openByState[.submitted] = 2  // O1–O2
        october.openByState[.accepted] = 12  // S11–S12, O3–O12
        october.openAtEnd = 14
        october.overdueAtEnd[.review] = 2  // O1–O2, due 10-20
        october.overdueAtEnd[.forward] = 12  // S11–S12 due 10-22, O3–O12 due 10-30
        october.amountClaimed = Fixtures.fen(12 * claim)
        october.amountPaid = Fixtures.fen(paid)
        // Accepted: ten after 1 working day, two after 2: median 1, 90th percentile (11th of 12) 2.
        october.timeToStep = times([(.accepted, .workingDays, 12, 1, 2), (.resolved, .calendarDays, 8, 32, 32), (.closed, .calendarDays, 8, 40, 40)])
        let oct = try await store.monthlyStatistics(try CSTMonth("2026-10"), visibleTo: intake)
        expect(oct.monthly == october, "October, got \(oct.monthly)")
        var octoberToDate = october
        octoberToDate.registered = 24
        octoberToDate.accepted = 20
        octoberToDate.rejected = 2
        octoberToDate.rejectedByGround = september.rejectedByGround
        octoberToDate.forwarded = 8
        octoberToDate.amountClaimed = Fixtures.fen(24 * claim)
        // Accepted: eighteen after 1 working day, two after 2: the 18th of 20 is still 1.
        octoberToDate.timeToStep = times([
            (.accepted, .workingDays, 20, 1, 1), (.forwarded, .workingDays, 8, 2, 2), (.resolved, .calendarDays, 8, 32, 32),
            (.closed, .calendarDays, 8, 40, 40),
        ])
        expect(oct.cumulative == octoberToDate, "to the end of October, got \(oct.cumulative)")

        var november = StatisticsFigures()
        november.registered = 10
        november.forwarded = 10  // O3–O12, first forwards
        november.withdrawn = 5
        november.openByState[.submitted] = 7  // O1–O2, N6–N10
        november.openByState[.accepted] = 2  // S11–S12
        november.openByState[.forwarded] = 10  // O3–O12
        november.openAtEnd = 19
        november.completedLate[.forward] = 10  // O3–O12 forwarded after 10-30
        november.overdueAtEnd[.review] = 7  // O1–O2, N6–N10 (due 11-17)
        november.overdueAtEnd[.forward] = 2  // S11–S12
        november.amountClaimed = Fixtures.fen(10 * claim)
        november.timeToStep = times([(.forwarded, .workingDays, 10, 12, 12)])
        let nov = try await store.monthlyStatistics(try CSTMonth("2026-11"), visibleTo: intake)
        expect(nov.monthly == november, "November, got \(nov.monthly)")
        var novemberToDate = november
        novemberToDate.registered = 34
        novemberToDate.accepted = 20
        novemberToDate.rejected = 2
        novemberToDate.rejectedByGround = september.rejectedByGround
        novemberToDate.forwarded = 18
        novemberToDate.resolved = 8
        novemberToDate.resolvedByOutcome = october.resolvedByOutcome
        novemberToDate.closed = 8
        novemberToDate.ratings = october.ratings
        novemberToDate.amountClaimed = Fixtures.fen(34 * claim)
        novemberToDate.amountPaid = Fixtures.fen(paid)
        // Forwarded: eight after 2 working days, ten after 12: the 9th of 18 is 12.
        novemberToDate.timeToStep = times([
            (.accepted, .workingDays, 20, 1, 1), (.forwarded, .workingDays, 18, 12, 12), (.resolved, .calendarDays, 8, 32, 32),
            (.closed, .calendarDays, 8, 40, 40),
        ])
        expect(nov.cumulative == novemberToDate, "to the end of November, got \(nov.cumulative)")
        expect(nov.registeredAndForwarded == 34, "34 registered and passed on")
    }
}
