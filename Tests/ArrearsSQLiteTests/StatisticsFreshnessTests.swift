import ArrearsCore
import ArrearsSQLite
import ArrearsStore
import ArrearsTestSupport
import Foundation
import Testing

@Suite("Monthly statistics remembered between commits are never stale")
struct StatisticsFreshnessTests {
    @Test("Each registration is counted at once: this server's, and another process's writing the same file")
    func everyCommitSeen() async throws {
        let path = try scratchDatabasePath("fresh")
        let server = try SQLiteComplaintStore.open(path: path)
        let national = Actor(account: AccountID("admin"), role: .admin)
        let month = try CSTMonth("2026-11")
        func registered(_ store: SQLiteComplaintStore, at iso: String) async throws {
            let (complaint, event) = Fixtures.registered(at: iso)
            _ = try await store.register(complaint, event: event, idempotency: nil)
        }
        func counted() async throws -> Int { try await server.monthlyStatistics(month, visibleTo: national).monthly.registered }

        try await registered(server, at: "2026-11-02T01:00:00Z")
        #expect(try await counted() == 1)
        #expect(try await counted() == 1)
        // `arrearsd import` or a second server on the same file: a connection of its own, commits the server never made.
        let other = try SQLiteComplaintStore.open(path: path)
        try await registered(other, at: "2026-11-03T01:00:00Z")
        #expect(try await counted() == 2)
        try await registered(server, at: "2026-11-04T01:00:00Z")
        let concurrent = try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<16 { group.addTask { try await counted() } }
            return try await group.reduce(into: [Int]()) { $0.append($1) }
        }
        #expect(concurrent == Array(repeating: 3, count: 16), "every reading connection sees the third")
        #expect(try await server.monthlyStatistics(month, visibleTo: Fixtures.zhejiangSupervisor).monthly.registered == 3)
    }
}
