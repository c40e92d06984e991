import ArrearsCore
import ArrearsSQLite
import ArrearsStore
import ArrearsTestSupport
import Foundation
import Testing

@Suite("Queue lines' clocks remembered between reads follow every decision")
struct QueueClocksTests {
    @Test("A line read before and after acceptance is each time the summary of the complaint as stored")
    func followsDecisions() async throws {
        let store = try SQLiteComplaintStore.open(path: try scratchDatabasePath("clocks"))
        let (complaint, event) = Fixtures.registered(at: "2026-11-02T01:00:00Z")
        guard case let .created(stored) = try await store.register(complaint, event: event, idempotency: nil) else {
            Issue.record("not created")
            return
        }
        let everything = Actor(account: AccountID("admin"), role: .supervisor)
        let query = QueueQuery(states: [.submitted, .accepted], limit: 10)
        for _ in 0..<2 {
            #expect(try await store.queue(query, visibleTo: everything).items == [ComplaintSummary(stored)])
        }
        let accepted = try await store.transition(stored.id, visibleTo: everything, expectedVersion: 1) { current in
            try Fixtures.lifecycle.apply(.accept(note: nil), to: current, by: Fixtures.nationalIntake, at: Fixtures.instant("2026-11-03T02:00:00Z"))
        }
        #expect(accepted.deadline != stored.deadline, "acceptance starts another clock")
        #expect(try await store.queue(query, visibleTo: everything).items == [ComplaintSummary(accepted)])
    }
}
