import ArrearsCore
import ArrearsStore
import Foundation

extension ComplaintStoreContract {
    /// A forwarded complaint leaves one message for its department in the outbox, in the same transaction; a claimed
    /// message is not handed out again while held; a failure waits for its retry time; the last failure makes it dead
    /// until an admin retries it; a passed deadline leaves one message for the supervisor however often it is looked for.
    public func outboxFollowsEventsAndDeliveries() async throws {
        let store = try await makeStore()
        let intake = Fixtures.zhejiangIntake
        let (complaint, event) = Fixtures.registered(at: "2026-11-02T01:30:00Z")
        _ = try await store.register(complaint, event: event, idempotency: nil)
        try await act(store, complaint.id, intake, "2026-11-03T02:00:00Z", .accept(note: nil))
        let none = try await store.outboxMessages(state: nil, after: 0, limit: 10)
        expect(none.isEmpty, "filing and accepting tell no one, got \(none.map(\.notification.topic))")
        try await act(store, complaint.id, intake, "2026-11-03T03:00:00Z", .forward(to: try DepartmentID("ZJ-EDU"), note: nil))
        let pending = try await store.outboxMessages(state: .pending, after: 0, limit: 10)
        expect(
            pending.map(\.notification.topic) == ["complaint.forwarded"] && pending.first?.notification.recipient == "department:ZJ-EDU",
            "forwarding leaves one message for ZJ-EDU, got \(pending.map(\.notification.recipient))")
        expect(pending.first?.notification.payload.contains("ARR-2026-000001") == true, "the message names the complaint")

        let now = Fixtures.instant("2026-11-03T03:00:01Z")
        let claimed = try await store.claimDueMessages(at: now, leaseUntil: now.addingTimeInterval(60), limit: 10)
        expect(claimed.count == 1, "the due message is claimed, got \(claimed.count)")
        let again = try await store.claimDueMessages(at: now.addingTimeInterval(1), leaseUntil: now.addingTimeInterval(61), limit: 10)
        expect(again.isEmpty, "a held message is not handed out twice, got \(again.count)")
        guard let message = claimed.first else { return }
        try await store.recordFailedDelivery(message.id, attempts: 1, error: "HTTP 503", retryAt: now.addingTimeInterval(30))
        let early = try await store.claimDueMessages(at: now.addingTimeInterval(10), leaseUntil: now.addingTimeInterval(70), limit: 10)
        expect(early.isEmpty, "a failed message waits for its retry time")
        let due = try await store.claimDueMessages(at: now.addingTimeInterval(31), leaseUntil: now.addingTimeInterval(91), limit: 10)
        expect(due.map(\.attempts) == [1] && due.first?.lastError == "HTTP 503", "retried after its time, with its attempt counted")
        try await store.recordFailedDelivery(message.id, attempts: 2, error: "HTTP 503", retryAt: nil)
        let dead = try await store.outboxMessages(state: .dead, after: 0, limit: 10)
        expect(dead.map(\.id) == [message.id], "given up after the last attempt")
        let later = try await store.claimDueMessages(at: now.addingTimeInterval(3600), leaseUntil: now.addingTimeInterval(3660), limit: 10)
        expect(later.isEmpty, "a dead message is not sent by itself")
        let retried = try await store.retryMessage(message.id, at: now.addingTimeInterval(3600), by: .machineOperator)
        expect(retried, "an admin puts a dead message back in line")
        let back = try await store.claimDueMessages(at: now.addingTimeInterval(3601), leaseUntil: now.addingTimeInterval(3661), limit: 10)
        expect(back.map(\.id) == [message.id], "and it is sent again")
        try await store.recordDelivered(message.id, attempts: 3, at: now.addingTimeInterval(3602))
        let delivered = try await store.retryMessage(message.id, at: now.addingTimeInterval(3700), by: .machineOperator)
        expect(!delivered, "a delivered message cannot be retried")

        // The department's clock (due 2026-12-..): a month later the deadline has passed.
        let dueOn = try await store.complaint(complaint.id, visibleTo: intake)?.deadline?.dueOn
        guard let dueOn else {
            expect(false, "a forwarded complaint has a running deadline")
            return
        }
        let after = dueOn.adding(days: 2)
        let written = try await store.enqueueOverdueNotifications(today: after, at: after.startInstant)
        let rewritten = try await store.enqueueOverdueNotifications(today: after.adding(days: 1), at: after.adding(days: 1).startInstant)
        let overdue = try await store.outboxMessages(state: .pending, after: 0, limit: 10).filter { $0.notification.topic == "complaint.overdue" }
        expect(written == 1 && rewritten == 0, "one overdue message per deadline, written \(written) then \(rewritten)")
        expect(
            overdue.first?.notification.recipient == "supervisor:330000", "for Zhejiang's supervisor, got \(overdue.map(\.notification.recipient))")
        let early2 = try await store.enqueueOverdueNotifications(today: dueOn, at: dueOn.startInstant)
        expect(early2 == 0, "nothing is overdue on its last day")
    }
}
