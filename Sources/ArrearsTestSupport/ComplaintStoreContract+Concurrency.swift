import ArrearsCore
import ArrearsStore
import Foundation

extension ComplaintStoreContract {
    /// Twelve retries of one filing with the same Idempotency-Key at the same moment (a client whose connection dropped,
    /// several servers behind a balancer): one complaint is created, every other retry is given that same complaint.
    public func concurrentRetriesCreateOneComplaint() async throws {
        let store = try await makeStore()
        let claim = IdempotencyClaim(account: Fixtures.sme.account, key: "retry-2026-11-02", fingerprint: "same-body")
        let outcomes = try await withThrowingTaskGroup(of: Registration.self) { group in
            for _ in 0..<12 {
                group.addTask {
                    let (complaint, event) = Fixtures.registered(at: "2026-11-02T01:30:00Z")
                    return try await store.register(complaint, event: event, idempotency: claim)
                }
            }
            return try await group.reduce(into: [Registration]()) { $0.append($1) }
        }
        let created = outcomes.filter { if case .created = $0 { true } else { false } }
        expect(created.count == 1, "exactly one retry creates the complaint, got \(created.count)")
        expect(Set(outcomes.map(\.complaint.id)).count == 1, "every retry answers with the same complaint, got \(Set(outcomes.map(\.complaint.id)))")
        let page = try await store.queue(QueueQuery(), visibleTo: Fixtures.sme)
        expect(page.items.count == 1, "one complaint stored, got \(page.items.count)")
    }

    /// Twenty filings at the same moment get twenty different numbers, with no gap.
    public func concurrentFilingsGetDistinctNumbers() async throws {
        let store = try await makeStore()
        let numbers = try await withThrowingTaskGroup(of: String.self) { group in
            for _ in 0..<20 {
                group.addTask {
                    let (complaint, event) = Fixtures.registered(at: "2026-11-02T01:30:00Z")
                    return try await store.register(complaint, event: event, idempotency: nil).complaint.number
                }
            }
            return try await group.reduce(into: [String]()) { $0.append($1) }
        }
        let expected = (1...20).map { StoreCoding.complaintNumber(year: 2026, ordinal: $0) }
        expect(numbers.sorted() == expected, "ARR-2026-000001 … 000020 once each, got \(numbers.sorted())")
    }
}
