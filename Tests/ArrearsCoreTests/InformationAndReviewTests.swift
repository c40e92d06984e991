import ArrearsCore
import ArrearsTestSupport
import Foundation
import Testing

@Suite("Requests for information and requests for review")
struct InformationAndReviewTests {
    let lifecycle = Fixtures.lifecycle
    let handler = Fixtures.educationHandler

    @Test("Three working days asked on 2026-09-30 end on the make-up Saturday 2026-10-10; one open request at a time; the answer stops the clock")
    func informationRequest() throws {
        let forwarded = try forwardedBeforeNationalDay()
        let at = Fixtures.instant("2026-09-30T02:00:00Z")
        let (asked, event) = try lifecycle.apply(.requestInformation(question: "请提供2025年12月的验收单", workingDays: 3), to: forwarded, by: handler, at: at)
        #expect(asked.state == .forwarded && asked.deadline == forwarded.deadline)
        #expect(asked.waiting(for: .information)?.dueOn == Fixtures.date("2026-10-10"))
        #expect(event.detail.days == 3 && asked.informationRequests.map(\.number) == [1])
        #expect(throws: TransitionError.notYet(rule: "information.request-open", facts: ["number": "1"])) {
            try lifecycle.apply(.requestInformation(question: "再补充一份", workingDays: nil), to: asked, by: handler, at: at)
        }
        #expect(
            throws: TransitionError.invalidInput(
                FieldViolation(field: "workingDays", rule: "information.days-range", facts: ["days": "31", "limit": "30"]))
        ) {
            try lifecycle.apply(.requestInformation(question: "请提供验收单", workingDays: 31), to: forwarded, by: handler, at: at)
        }
        let answered = try lifecycle.apply(
            .answerInformation(answer: "验收单已作为证据上传"), to: asked, by: Fixtures.sme, at: Fixtures.instant("2026-10-09T02:00:00Z")
        ).0
        #expect(answered.waiting.isEmpty && answered.informationRequests[0].answer == "验收单已作为证据上传")
        #expect(throws: TransitionError.notYet(rule: "information.none-open")) {
            try lifecycle.apply(.answerInformation(answer: "再答一次"), to: answered, by: Fixtures.sme, at: Fixtures.instant("2026-10-09T03:00:00Z"))
        }
        // Without a number the rule set's ten working days: 10-08 … 10-21 with 10-10 worked.
        let byDefault = try lifecycle.apply(.requestInformation(question: "请提供发票", workingDays: nil), to: answered, by: handler, at: at).0
        #expect(byDefault.waiting(for: .information)?.dueOn == Fixtures.date("2026-10-20"))
    }

    @Test("After 非常不满意, a review asked on Thursday 12-10 must be decided by Thursday 2026-12-31 (15 working days)")
    func reviewClockAfterPoorRating() throws {
        let closed = try complaint(in: .closed, rating: .veryDissatisfied)
        let (asked, event) = try lifecycle.apply(
            .requestReview(facts: "对方承诺的首期款至今未付"), to: closed, by: Fixtures.sme, at: Fixtures.instant("2026-12-10T02:00:00Z"))
        #expect(asked.state == .closed && asked.deadline == nil)
        let clock = try #require(asked.waiting(for: .reviewRequest))
        #expect(clock.unit == .workingDays && clock.length == 15 && clock.dueOn == Fixtures.date("2026-12-31"))
        #expect(event.detail.waiting == clock && asked.nextDue == Fixtures.date("2026-12-31"))
        #expect(throws: TransitionError.notYet(rule: "review.already-requested", facts: ["requestedOn": .date(Fixtures.date("2026-12-10"))])) {
            try lifecycle.apply(.requestReview(facts: "再次申请"), to: asked, by: Fixtures.sme, at: Fixtures.instant("2026-12-11T02:00:00Z"))
        }
        let declined = try lifecycle.apply(
            .declineReview(reason: "首期款已于12月28日到账"), to: asked, by: Fixtures.zhejiangSupervisor, at: Fixtures.instant("2026-12-29T02:00:00Z")
        ).0
        #expect(declined.waiting.isEmpty && declined.reviewRequest?.declinedReason == "首期款已于12月28日到账")
        #expect(throws: TransitionError.notYet(rule: "review.none-waiting")) {
            try lifecycle.apply(
                .declineReview(reason: "x"), to: declined, by: Fixtures.zhejiangSupervisor, at: Fixtures.instant("2026-12-30T02:00:00Z"))
        }
        // Accepting is reopening: the complaint goes back to intake and the request is settled.
        let reopened = try lifecycle.apply(
            .reopen(reason: "首期款未付，重新办理"), to: asked, by: Fixtures.zhejiangSupervisor, at: Fixtures.instant("2026-12-14T02:00:00Z")
        ).0
        #expect(reopened.state == .accepted && reopened.reviewRequest == nil && reopened.waiting.isEmpty)
    }

    @Test("非常满意, 满意 or 基本满意 gives no review and no reopening; 不满意 and 非常不满意 do")
    func onlyPoorRatingsAreReviewed() throws {
        for rating in [Satisfaction.verySatisfied, .satisfied, .basicallySatisfied] {
            let closed = try complaint(in: .closed, rating: rating)
            #expect(throws: TransitionError.notYet(rule: "review.requires-poor-rating")) {
                try lifecycle.apply(.requestReview(facts: "不服"), to: closed, by: Fixtures.sme, at: Fixtures.instant("2026-12-10T02:00:00Z"))
            }
            #expect(throws: TransitionError.notYet(rule: "reopen.requires-dissatisfied")) {
                try lifecycle.apply(.reopen(reason: "x"), to: closed, by: Fixtures.zhejiangSupervisor, at: Fixtures.instant("2026-12-10T02:00:00Z"))
            }
        }
        #expect(Satisfaction.allCases.map(\.rawValue) == ["very_satisfied", "satisfied", "basically_satisfied", "dissatisfied", "very_dissatisfied"])
        #expect(Satisfaction.allCases.filter(\.isPoor) == [.dissatisfied, .veryDissatisfied])
    }

    @Test("A review asked on 2026-12-24 is due 2027-01-14 provisionally, 2027-01-15 once the 2027 table makes New Year's Day a holiday")
    func reviewClockRecounted() throws {
        let closed = try complaint(in: .closed, rating: .dissatisfied)
        let asked = try lifecycle.apply(
            .requestReview(facts: "首期款至今未付"), to: closed, by: Fixtures.sme, at: Fixtures.instant("2026-12-24T02:00:00Z")
        ).0
        #expect(asked.waiting(for: .reviewRequest)?.provisional == true)
        #expect(asked.waiting(for: .reviewRequest)?.dueOn == Fixtures.date("2027-01-14"))
        let next = Lifecycle(
            rules: Fixtures.rules, calendar: try Fixtures.calendar.loading(WorkingDayCalendar(csv: Fixtures.table2027)), sizes: Fixtures.sizes)
        let (recounted, event) = try #require(next.recount(asked, by: Fixtures.admin, at: Fixtures.instant("2026-12-25T02:00:00Z")))
        let clock = try #require(recounted.waiting(for: .reviewRequest))
        #expect(!clock.provisional && clock.dueOn == Fixtures.date("2027-01-15"))
        #expect(event.kind == .deadlineRecounted && event.detail.waiting == clock)
    }
}
