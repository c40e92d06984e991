import ArrearsCore
import ArrearsTestSupport
import Foundation
import Testing

/// Received Monday 2026-09-21, accepted 09-22 and forwarded to ZJ-EDU on Tuesday 2026-09-29 (CST).
func forwardedBeforeNationalDay() throws -> Complaint {
    let lifecycle = Fixtures.lifecycle
    var (complaint, _) = Fixtures.registered(at: "2026-09-21T01:30:00Z")
    complaint = try lifecycle.apply(.accept(note: nil), to: complaint, by: Fixtures.zhejiangIntake, at: Fixtures.instant("2026-09-22T02:00:00Z")).0
    return try lifecycle.apply(
        .forward(to: nil, note: nil), to: complaint, by: Fixtures.zhejiangIntake, at: Fixtures.instant("2026-09-29T02:00:00Z"),
        routing: Fixtures.routing
    ).0
}

@Suite("The respondent's feedback, the 督办书 and the escalation ladder")
struct RespondentFeedbackTests {
    let lifecycle = Fixtures.lifecycle
    let handler = Fixtures.educationHandler

    @Test("Notified on 2026-09-30, the respondent answers by 2026-10-13: National Day skipped, the make-up Saturday 10-10 counted")
    func feedbackClockAcrossNationalDay() throws {
        let forwarded = try forwardedBeforeNationalDay()
        let (notified, event) = try lifecycle.apply(
            .notifyRespondent(method: .writtenNotice, note: "浙教函〔2026〕88号"), to: forwarded, by: handler,
            at: Fixtures.instant("2026-09-30T02:00:00Z"))
        let reply = try #require(notified.waiting(for: .feedback))
        #expect(reply.unit == .workingDays && reply.length == 5 && reply.startedOn == Fixtures.date("2026-09-30"))
        #expect(reply.dueOn == Fixtures.date("2026-10-13"))
        #expect(event.kind == .respondentNotified && event.detail.serviceMethod == .writtenNotice && event.detail.waiting == reply)
        // The handling clock runs on beside it; the earliest date is what the overdue list and the stores index.
        #expect(notified.deadline?.stage == .handling && notified.deadline?.dueOn == Fixtures.date("2026-10-29"))
        #expect(notified.nextDue == Fixtures.date("2026-10-13"))
        #expect(notified.state == .forwarded)
        // Silent past its date: a 督办书 is suggested, not before.
        #expect(notified.suggestedEscalation(today: Fixtures.date("2026-10-13")) == nil)
        #expect(notified.suggestedEscalation(today: Fixtures.date("2026-10-14")) == .supervisionNotice)
        #expect(throws: TransitionError.notYet(rule: "respondent.already-notified", facts: ["servedOn": .date(Fixtures.date("2026-09-30"))])) {
            try lifecycle.apply(
                .notifyRespondent(method: .telephone, note: nil), to: notified, by: handler, at: Fixtures.instant("2026-10-08T02:00:00Z"))
        }
    }

    @Test("A 督办书 gives a new reply date and moves the ladder on: 约谈 is suggested next, never forced")
    func supervisionNoticeRestartsTheReplyClock() throws {
        var complaint = try forwardedBeforeNationalDay()
        complaint.number = "ARR-2026-000123"
        complaint = try lifecycle.apply(
            .notifyRespondent(method: .writtenNotice, note: nil), to: complaint, by: handler, at: Fixtures.instant("2026-09-30T02:00:00Z")
        ).0
        let number = IssuedDocument.nextSupervisionNoticeNumber(of: complaint)
        #expect(number == "ARR-2026-000123-DB1")
        let file = Evidence(
            id: EvidenceID("6b1f0c52-0d7e-4c59-a1f2-0c8e7d1f9a01"), complaintID: complaint.id, sha256: String(repeating: "cd", count: 32),
            type: .html, bytes: 4_096, name: "督办书-\(number).html", attachedBy: handler.account, attachedAt: Fixtures.instant("2026-10-15T02:00:00Z"))
        let (pressed, event) = try lifecycle.apply(
            .escalate(.supervisionNotice, text: "请于五个工作日内书面说明付款安排", document: IssuedDocument(number: number, file: file)), to: complaint,
            by: handler, at: Fixtures.instant("2026-10-15T02:00:00Z"))
        #expect(pressed.waiting(for: .feedback)?.dueOn == Fixtures.date("2026-10-22"))
        #expect(event.detail.documentNumber == number && event.detail.evidence == file)
        #expect(pressed.escalations.map(\.documentNumber) == [number])
        #expect(IssuedDocument.nextSupervisionNoticeNumber(of: pressed) == "ARR-2026-000123-DB2")
        #expect(pressed.suggestedEscalation(today: Fixtures.date("2026-10-23")) == .summons)
        // A notice numbered from a stale read is refused: another one took that number.
        #expect(throws: TransitionError.notYet(rule: "document.number-taken", facts: ["number": .text(number)])) {
            try lifecycle.apply(
                .escalate(.supervisionNotice, text: "再次督办", document: IssuedDocument(number: number, file: file)), to: pressed, by: handler,
                at: Fixtures.instant("2026-10-23T02:00:00Z"))
        }
        // Any rung may be taken out of order; the suggestion follows the highest taken.
        let ordered = try lifecycle.apply(
            .escalate(.publicNotice, text: "予以通报"), to: pressed, by: Fixtures.zhejiangIntake, at: Fixtures.instant("2026-10-23T02:00:00Z")
        ).0
        #expect(ordered.suggestedEscalation(today: Fixtures.date("2026-10-23")) == .rectificationOrder)
    }

    @Test("The feedback stops the clock; a return or a result stops every clock that waits on the department")
    func feedbackAndReturnStopTheClock() throws {
        let notified = try lifecycle.apply(
            .notifyRespondent(method: .email, note: nil), to: try forwardedBeforeNationalDay(), by: handler,
            at: Fixtures.instant("2026-09-30T02:00:00Z")
        ).0
        #expect(throws: TransitionError.notYet(rule: "respondent.not-notified")) {
            try lifecycle.apply(
                .recordFeedback(text: "x"), to: try forwardedBeforeNationalDay(), by: handler, at: Fixtures.instant("2026-10-09T02:00:00Z"))
        }
        let answered = try lifecycle.apply(
            .recordFeedback(text: "已安排12月底前支付首期款"), to: notified, by: handler, at: Fixtures.instant("2026-10-09T02:00:00Z")
        ).0
        #expect(answered.waiting.isEmpty && answered.respondentNotice?.feedback == "已安排12月底前支付首期款")
        #expect(answered.nextDue == answered.deadline?.dueOn)
        #expect(answered.suggestedEscalation(today: Fixtures.date("2026-12-01")) == nil)
        let returned = try lifecycle.apply(
            .returnToIntake(reason: "应由财政厅处理"), to: notified, by: handler, at: Fixtures.instant("2026-10-09T02:00:00Z")
        ).0
        #expect(returned.waiting.isEmpty)
        let forwardedAgain = try lifecycle.apply(
            .forward(to: try DepartmentID("ZJ-FIN"), overrideReason: "学院经费由财政厅直接拨付", note: nil), to: returned, by: Fixtures.zhejiangIntake,
            at: Fixtures.instant("2026-10-12T02:00:00Z"), routing: Fixtures.routing
        ).0
        // The new department notifies afresh.
        #expect(forwardedAgain.respondentNotice == nil)
    }
}
