import ArrearsCore
import ArrearsStore
import ArrearsTestSupport
import Foundation
import GRDB
import Testing

@testable import ArrearsSQLite

@Suite("Group commit")
struct GroupCommitTests {
    /// 120 filings at once, every fourth reusing one Idempotency-Key with a different body: the refused ones fail alone,
    /// inside the transaction they shared with accepted ones, and leave nothing behind; the accepted ones are all stored,
    /// numbered without a gap, and fewer transactions than filings carried them.
    @Test("Concurrent filings share transactions; a refused one rolls back alone")
    func sharedTransactions() async throws {
        let store = try temporaryStore()
        let first = Fixtures.registered(at: "2026-11-02T01:30:00Z")
        let claim = IdempotencyClaim(account: Fixtures.sme.account, key: "2026-11-02-a", fingerprint: "first-body")
        _ = try await store.register(first.0, event: first.1, idempotency: claim)

        let outcomes = try await withThrowingTaskGroup(of: (index: Int, number: String?).self) { group in
            for index in 0..<120 {
                group.addTask {
                    let (complaint, event) = Fixtures.registered(at: "2026-11-02T01:30:00Z")
                    let reused = index % 4 == 0
                    let key = reused ? IdempotencyClaim(account: claim.account, key: claim.key, fingerprint: "another-body") : nil
                    do {
                        return (index, try await store.register(complaint, event: event, idempotency: key).complaint.number)
                    } catch StoreError.idempotencyKeyReused {
                        return (index, nil)
                    }
                }
            }
            return try await group.reduce(into: [(index: Int, number: String?)]()) { $0.append($1) }
        }

        let refused = outcomes.filter { $0.number == nil }.map(\.index).sorted()
        #expect(refused == Array(stride(from: 0, to: 120, by: 4)), "exactly the 30 reused keys are refused")
        let numbers = outcomes.compactMap(\.number).sorted()
        #expect(numbers == (2...91).map { StoreCoding.complaintNumber(year: 2026, ordinal: $0) }, "90 stored, numbered 2…91 with no gap")
        var stored = 0
        var page = try await store.queue(QueueQuery(limit: 100), visibleTo: Fixtures.zhejiangIntake)
        stored += page.items.count
        while let next = page.nextCursor {
            page = try await store.queue(QueueQuery(after: next, limit: 100), visibleTo: Fixtures.zhejiangIntake)
            stored += page.items.count
        }
        #expect(stored == 91, "the first filing and the 90 accepted ones, nothing of the refused")
        let chains = try await store.auditReport(of: nil, visibleTo: nil)
        #expect(chains.complaints == 91 && chains.events == 91 && chains.broken == nil)

        let gauges = try await store.operationalGauges(today: CSTDate(year: 2026, month: 11, day: 2))
        let commits = try #require(gauges.commits)
        let writes = try #require(gauges.committedWrites)
        #expect(writes == 121, "every write went through the group commit, refused ones included")
        #expect(commits < writes, "\(writes) writes in \(commits) transactions: at least one transaction carried several")
    }

    /// A write that changed something and then failed leaves nothing, whether it ran alone (no savepoint: the whole
    /// transaction rolls back) or beside others (its savepoint rolls back, theirs commit).
    @Test("A write that fails after changing rows leaves none of them, alone or in company")
    func failedWriteLeavesNothing() async throws {
        struct Refused: Error {}
        let store = try temporaryStore()
        let insert = "INSERT INTO complaint_numbers (year, last) VALUES (?, 1)"
        await #expect(throws: Refused.self) {
            try await store.write { db in
                try db.execute(sql: insert, arguments: [1999])
                throw Refused()
            }
        }
        let outcomes = await withTaskGroup(of: Bool.self) { group in
            for year in 2001...2040 {
                group.addTask {
                    do {
                        try await store.write { db in
                            try db.execute(sql: insert, arguments: [year])
                            if year % 2 == 0 { throw Refused() }
                        }
                        return true
                    } catch { return false }
                }
            }
            return await group.reduce(into: [Bool]()) { $0.append($1) }
        }
        #expect(outcomes.filter { $0 }.count == 20)
        let years = try await store.writer.read { db in try Int.fetchAll(db, sql: "SELECT year FROM complaint_numbers ORDER BY year") }
        #expect(years == Array(stride(from: 2001, through: 2039, by: 2)), "only the odd years, and not 1999")
    }
}
