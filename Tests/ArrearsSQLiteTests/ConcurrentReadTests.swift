import ArrearsCore
import ArrearsSQLite
import ArrearsStore
import ArrearsTestSupport
import Testing

@Suite("Concurrent reads")
struct ConcurrentReadTests {
    /// Far more readers at once than the pool has connections, through every read the HTTP layer
    /// uses: a read that blocked a thread instead of suspending used to hang the server this way.
    @Test("Thousands of concurrent lookups, histories and queue pages all finish", .timeLimit(.minutes(1)))
    func manyReaders() async throws {
        let store = try temporaryStore()
        let (complaint, event) = Fixtures.registered(at: "2026-11-02T01:30:00Z")
        _ = try await store.register(complaint, event: event, idempotency: nil)
        let found = try await withThrowingTaskGroup(of: Bool.self) { group in
            for index in 0..<3000 {
                group.addTask {
                    switch index % 3 {
                    case 0: try await store.complaint(complaint.id, visibleTo: Fixtures.sme) != nil
                    case 1: try await store.events(of: complaint.id, visibleTo: Fixtures.sme)?.count == 1
                    default: try await store.queue(QueueQuery(limit: 50), visibleTo: Fixtures.zhejiangIntake).items.count == 1
                    }
                }
            }
            return try await group.reduce(0) { $0 + ($1 ? 1 : 0) }
        }
        #expect(found == 3000)
    }
}
