import ArrearsCore
import ArrearsSQLite
import ArrearsStore
import ArrearsTestSupport
import Foundation
import Testing

@Suite("Statistics kept as events happen are the ones the event log implies")
struct StatisticsRebuildTests {
    func store() throws -> SQLiteComplaintStore {
        return try SQLiteComplaintStore.open(path: try scratchDatabasePath("stats"))
    }

    @Test("400 imported histories: every month's figures and breakdowns are the same after recomputing from the log")
    func imported() async throws {
        let store = try store()
        let platform = SyntheticPlatform(
            seed: 11, count: 400, from: try CSTMonth("2020-01"), to: try CSTMonth("2020-12"), lifecycle: Fixtures.lifecycle,
            regions: try ShippedReferenceData.regions(), routing: try ShippedReferenceData.routing())
        for (month, indices) in platform.monthRanges {
            _ = try await store.importHistories(try indices.map { try platform.history($0, in: month) })
        }
        let national = Actor(account: AccountID("admin"), role: .admin)
        var before: [MonthlyStatistics] = []
        for month in platform.months { before.append(try await store.monthlyStatistics(month, visibleTo: national)) }
        #expect(before.last?.cumulative.registered == 400)
        #expect((before.last?.breakdowns.filter { $0.dimension == .province }.count ?? 0) > 20)
        // Open and overdue counts are whole under every key, departments included, which complaints move between.
        for statistics in before {
            for breakdown in statistics.breakdowns {
                let stocks = Array(breakdown.cumulative.openByState.values) + Array(breakdown.cumulative.overdueAtEnd.values)
                #expect(stocks.allSatisfy { $0 >= 0 }, "\(statistics.month) \(breakdown.dimension) \(breakdown.key): \(breakdown.cumulative)")
            }
        }
        let departments = before.last?.breakdowns.filter { $0.dimension == .department }.reduce(0) { $0 + $1.cumulative.openAtEnd }
        #expect(departments == before.last?.cumulative.openAtEnd, "open complaints add up across departments (and 'not forwarded yet')")
        try await store.rebuildStatistics()
        for (index, month) in platform.months.enumerated() {
            #expect(try await store.monthlyStatistics(month, visibleTo: national) == before[index], "\(month)")
        }
    }

    @Test("Live decisions — forwarded, returned, forwarded again, resolved, rated — count as the log says: one forward, one return")
    func live() async throws {
        let store = try store()
        let (complaint, event) = Fixtures.registered(at: "2026-11-02T01:30:00Z")
        _ = try await store.register(complaint, event: event, idempotency: nil)
        let steps: [(Actor, String, ComplaintCommand)] = [
            (Fixtures.zhejiangIntake, "2026-11-03T02:00:00Z", .accept(note: nil)),
            (Fixtures.zhejiangIntake, "2026-11-04T02:00:00Z", .forward(to: try DepartmentID("ZJ-FIN"), note: nil)),
            (Fixtures.financeHandler, "2026-11-05T02:00:00Z", .returnToIntake(reason: "应由教育厅处理")),
            (Fixtures.zhejiangIntake, "2026-11-06T02:00:00Z", .forward(to: try DepartmentID("ZJ-EDU"), note: nil)),
            (Fixtures.educationHandler, "2026-11-20T02:00:00Z", .resolve(outcome: .paidInFull, amountPaid: Fixtures.fen(45_600_000), summary: "已付清")),
            (Fixtures.sme, "2026-11-21T02:00:00Z", .rate(.basicallySatisfied, comment: nil)),
        ]
        for (actor, iso, command) in steps {
            let current = try #require(try await store.complaint(complaint.id, visibleTo: actor))
            _ = try await store.transition(complaint.id, visibleTo: actor, expectedVersion: current.version) { complaint in
                try Fixtures.lifecycle.apply(command, to: complaint, by: actor, at: Fixtures.instant(iso))
            }
        }
        let month = try CSTMonth("2026-11")
        let live = try await store.monthlyStatistics(month, visibleTo: Fixtures.zhejiangSupervisor)
        #expect(live.monthly.forwarded == 1 && live.monthly.returned == 1 && live.monthly.resolvedByOutcome[.paidInFull] == 1)
        #expect(live.monthly.ratings[.basicallySatisfied] == 1 && live.monthly.closed == 1 && live.monthly.openAtEnd == 0)
        let finance = live.breakdowns.first { $0.dimension == .department && $0.key == "ZJ-FIN" }?.monthly
        #expect(finance?.returned == 1 && finance?.resolved == 0, "the return counts for the department that returned it")
        let education = live.breakdowns.first { $0.dimension == .department && $0.key == "ZJ-EDU" }?.monthly
        #expect(education?.resolved == 1 && education?.amountPaid == Fixtures.fen(45_600_000))
        try await store.rebuildStatistics()
        #expect(try await store.monthlyStatistics(month, visibleTo: Fixtures.zhejiangSupervisor) == live)
    }
}
