import ArrearsCore
import ArrearsStore
import Foundation

extension ComplaintStoreContract {
    /// Two complaints handled through November and December 2026 with notices, a 督办书, payments, a plan, a request for
    /// information and a review; every figure counted by hand, and the overdue list holding the silent respondent.
    public func handlingCountedByHand() async throws {
        let store = try await makeStore()
        let intake = Fixtures.zhejiangIntake
        let handler = Fixtures.educationHandler
        func file(_ iso: String) async throws -> ComplaintID {
            let (complaint, event) = Fixtures.registered(at: iso)
            _ = try await store.register(complaint, event: event, idempotency: nil)
            return complaint.id
        }
        // H1: forwarded 11-03, respondent notified 11-04 (reply by 11-11), silent: a 督办书 on 11-13 (reply by 11-20);
        // ¥100,000 paid on 11-28 but recorded 12-02; a plan on 12-02 for two instalments of ¥100,000 (12-31, 2027-01-29).
        let h1 = try await file("2026-11-02T01:30:00Z")
        try await act(store, h1, intake, "2026-11-03T02:00:00Z", .accept(note: nil))
        try await act(store, h1, intake, "2026-11-03T03:00:00Z", .forward(to: try DepartmentID("ZJ-EDU"), note: nil))
        try await act(store, h1, handler, "2026-11-04T02:00:00Z", .notifyRespondent(method: .writtenNotice, note: nil))
        let silent = try await store.queue(QueueQuery(overdueOn: Fixtures.date("2026-11-12")), visibleTo: intake)
        expect(silent.items.map(\.id) == [h1], "the silent respondent is on the overdue list, got \(silent.items.map(\.number))")
        expect(silent.items.first?.waiting.first?.stage == .feedback, "by its feedback clock")
        try await act(store, h1, handler, "2026-11-13T02:00:00Z", .escalate(.supervisionNotice, text: "请于五个工作日内书面说明付款安排"))
        try await act(
            store, h1, handler, "2026-12-02T02:00:00Z",
            .recordPayment(contract: nil, amount: Fixtures.fen(10_000_000), paidOn: Fixtures.date("2026-11-28"), note: "网银转账"))
        try await act(
            store, h1, handler, "2026-12-02T03:00:00Z",
            .agreePaymentPlan(
                instalments: [
                    PlannedInstalment(dueOn: Fixtures.date("2026-12-31"), amount: Fixtures.fen(10_000_000)),
                    PlannedInstalment(dueOn: Fixtures.date("2027-01-29"), amount: Fixtures.fen(10_000_000)),
                ], note: nil))
        try await act(
            store, h1, handler, "2026-12-04T02:00:00Z", .requestInformation(question: "请提供2025年12月的验收单", workingDays: 5))
        // H2: resolved 11-20, rated 非常不满意 11-21, review asked 11-23, declined 12-01.
        let h2 = try await file("2026-11-02T01:40:00Z")
        try await act(store, h2, intake, "2026-11-03T02:00:00Z", .accept(note: nil))
        try await act(store, h2, intake, "2026-11-03T03:00:00Z", .forward(to: try DepartmentID("ZJ-EDU"), note: nil))
        try await act(store, h2, handler, "2026-11-05T02:00:00Z", .notifyRespondent(method: .telephone, note: nil))
        try await act(store, h2, handler, "2026-11-06T02:00:00Z", .recordFeedback(text: "已安排付款"))
        try await act(
            store, h2, handler, "2026-11-20T02:00:00Z", .resolve(outcome: .claimNotSupported, amountPaid: nil, summary: "双方对验收结论有争议"))
        try await act(store, h2, Fixtures.sme, "2026-11-21T02:00:00Z", .rate(.veryDissatisfied, comment: "未核实验收单"))
        try await act(store, h2, Fixtures.sme, "2026-11-23T02:00:00Z", .requestReview(facts: "验收单可证明已验收"))
        try await act(store, h2, Fixtures.zhejiangSupervisor, "2026-12-01T02:00:00Z", .declineReview(reason: "验收争议应通过诉讼解决"))

        let november = try await store.monthlyStatistics(try CSTMonth("2026-11"), visibleTo: intake).monthly
        expect(november.respondentsNotified == 2, "H1 and H2 notified in November, got \(november.respondentsNotified)")
        expect(november.feedbackReceived == 1, "H2 answered")
        expect(november.supervisionNotices == 1, "H1's 督办书")
        expect(november.ratings[.veryDissatisfied] == 1 && november.reviewsRequested == 1, "H2 rated and asked")
        expect(
            november.amountRecovered == Fixtures.fen(10_000_000), "H1's ¥100,000 paid 11-28, recorded in December, got \(november.amountRecovered)")
        expect(november.paymentPlans == 0 && november.reviewsDeclined == 0 && november.informationRequested == 0, "nothing of December")
        let december = try await store.monthlyStatistics(try CSTMonth("2026-12"), visibleTo: intake).monthly
        expect(december.amountRecovered == .zero, "recorded in December, paid in November")
        expect(december.paymentPlans == 1 && december.informationRequested == 1 && december.reviewsDeclined == 1, "December's, got \(december)")
    }
}
