import ArrearsAPI
import ArrearsTestSupport
import Crypto
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// The respondent's silence, the 督办书 it earns and the request for information, over HTTP on both engines.
@Suite("Respondent feedback and the 督办书 over HTTP")
struct SupervisionNoticeTests {
    @Test(
        "Silent past 2026-11-11, the respondent shows on the overdue list with a 督办书 due; the numbered notice is kept, hashed, served and sent",
        arguments: HTTPHarness.Engine.available)
    func supervisionNotice(on engine: HTTPHarness.Engine) async throws {
        let harness = try await HTTPHarness.make(on: engine)
        try await harness.application().test(.router) { client in
            let id = try await fileComplaint(client, harness)
            harness.clock.set("2026-11-03T02:00:00Z")
            #expect(try await act(client, harness, "intake", id, "accept", version: 1).status == .ok)
            #expect(try await act(client, harness, "intake", id, "forward", version: 2, ["department": "ZJ-EDU"]).status == .ok)
            harness.clock.set("2026-11-04T02:00:00Z")
            let notice = try await act(
                client, harness, "handler", id, "notify-respondent", version: 3, ["method": "written_notice", "note": "浙教函〔2026〕88号"])
            let notified = try complaint(notice)
            let reply = try #require(notified.waiting?.first)
            #expect(reply.stage == .feedback && reply.dueOn == "2026-11-11" && reply.overdue == false)
            #expect(notified.respondentNotice?.method == .writtenNotice && notified.suggestedEscalation == nil)

            harness.clock.set("2026-11-12T02:00:00Z")
            let overdue = try decoded(
                Components.Schemas.ComplaintPage.self,
                try await client.execute(uri: "/v1/complaints?overdue=true", method: .get, headers: harness.headers("intake")))
            let listed = try #require(overdue.items.first { $0.id == id })
            #expect(listed.deadline?.overdue == false, "the handling period runs to 2026-12-03")
            #expect(listed.waiting?.first?.stage == .feedback && listed.waiting?.first?.overdue == true)
            let shown = try complaint(try await client.execute(uri: "/v1/complaints/\(id)", method: .get, headers: harness.headers("handler")))
            #expect(shown.suggestedEscalation == .supervisionNotice)

            harness.clock.set("2026-11-13T02:00:00Z")
            let escalated = try await act(
                client, harness, "handler", id, "escalate", version: 4, ["step": "supervision_notice", "text": "请于五个工作日内书面说明付款安排"])
            let pressed = try decoded(Components.Schemas.ComplaintDetail.self, escalated)
            let number = "\(pressed.complaint.number)-DB1"
            #expect(pressed.complaint.escalations?.map(\.documentNumber) == [number])
            #expect(pressed.complaint.waiting?.first?.dueOn == "2026-11-20", "the 督办书's new reply date")
            let event = try #require(pressed.events.last)
            #expect(event.kind == .escalated && event.detail.documentNumber == number)
            let file = try #require(event.detail.evidence)
            #expect(file._type == .textHtml && file.name == "督办书-\(number).html")

            // The complainant sees it among the complaint's files and can read it; its bytes are the hash the event holds.
            let listedFiles = try decoded(
                Components.Schemas.EvidenceList.self,
                try await client.execute(uri: "/v1/complaints/\(id)/evidence", method: .get, headers: harness.headers("sme")))
            #expect(listedFiles.items.map(\.id) == [file.id])
            let download = try await client.execute(uri: "/v1/complaints/\(id)/evidence/\(file.id)", method: .get, headers: harness.headers("sme"))
            #expect(download.status == .ok && download.headers[.contentType]?.hasPrefix("text/html") == true)
            #expect(download.headers[HTTPField.Name("Content-Security-Policy")!]?.contains("sandbox") == true)
            let html = String(buffer: download.body)
            let hex = SHA256.hash(data: Data(buffer: download.body)).map { String(format: "%02x", $0) }.joined()
            #expect(hex == file.sha256)
            for expected in [
                "<html lang=\"zh-CN\">", "督办书", number, "浙江省示例职业技术学院", "杭州示例建设有限公司", "ZJ-2025-0318", "¥456,000.00",
                "浙江省教育厅", "2026年11月4日", "2026年11月20日", "保障中小企业款项支付条例", "请于五个工作日内书面说明付款安排", "@media print",
            ] {
                #expect(html.contains(expected), "the 督办书 names \(expected)")
            }
            // The audit chain holds the event with the document's hash and still verifies.
            let audit = try decoded(
                Components.Schemas.AuditReport.self,
                try await client.execute(uri: "/v1/audit/verify", method: .get, headers: harness.headers("supervisor")))
            #expect(audit.intact)

            // The respondent hears of it through the notification gateway; the complainant of a request for information.
            #expect(
                try await act(client, harness, "handler", id, "request-information", version: 5, ["question": "请提供验收单原件扫描件", "workingDays": 3])
                    .status == .ok)
            let messages = try await harness.store.outboxMessages(state: nil, after: 0, limit: 100)
            let sent = try #require(messages.first { $0.notification.topic == "complaint.supervision-notice" })
            #expect(sent.notification.recipient == "respondent-of:\(pressed.complaint.number)")
            let data = try #require(
                (try JSONSerialization.jsonObject(with: Data(sent.notification.payload.utf8)) as? [String: Any])?["data"] as? [String: String])
            #expect(data["documentNumber"] == number && data["sha256"] == file.sha256 && data["replyBy"] == "2026-11-20")
            let asked = try #require(messages.first { $0.notification.topic == "complaint.information-requested" })
            #expect(asked.notification.recipient.hasPrefix("account:") && asked.notification.payload.contains("\"answerBy\":\"2026-11-18\""))
        }
    }

    @Test("The SME answers the request, asks for a review after 非常不满意, and a supervisor declines it with a reason it reads")
    func informationAndReview() async throws {
        let harness = try await HTTPHarness.make()
        try await harness.application().test(.router) { client in
            let id = try await fileComplaint(client, harness)
            harness.clock.set("2026-11-03T02:00:00Z")
            #expect(try await act(client, harness, "intake", id, "accept", version: 1).status == .ok)
            #expect(try await act(client, harness, "intake", id, "forward", version: 2, ["department": "ZJ-EDU"]).status == .ok)
            #expect(try await act(client, harness, "handler", id, "request-information", version: 3, ["question": "请提供验收单"]).status == .ok)
            #expect(try await act(client, harness, "handler", id, "answer-information", version: 4, ["answer": "x"]).status == .forbidden)
            let answered = try complaint(try await act(client, harness, "sme", id, "answer-information", version: 4, ["answer": "验收单已上传"]))
            #expect(answered.informationRequests?.first?.answer == "验收单已上传" && answered.waiting == nil)
            harness.clock.set("2026-11-20T02:00:00Z")
            #expect(
                try await act(
                    client, harness, "handler", id, "resolve", version: 5, ["outcome": "partly_paid", "amountPaid": 10_000_000, "summary": "已付部分"]
                )
                .status == .ok)
            #expect(try await act(client, harness, "sme", id, "rate", version: 6, ["rating": "very_dissatisfied", "comment": "余款未付"]).status == .ok)
            harness.clock.set("2026-11-23T02:00:00Z")
            let asked = try complaint(try await act(client, harness, "sme", id, "request-review", version: 7, ["facts": "对方承诺的余款至今未付"]))
            #expect(asked.state == .closed && asked.rating == .veryDissatisfied)
            #expect(asked.waiting?.first?.stage == .reviewRequest && asked.waiting?.first?.dueOn == "2026-12-14")
            let again = try await act(client, harness, "sme", id, "request-review", version: 8, ["facts": "再次申请"])
            #expect(again.status == .conflict)
            #expect(try problem(again).rules == ["review.already-requested"])
            let declined = try decoded(
                Components.Schemas.ComplaintDetail.self,
                try await act(client, harness, "supervisor", id, "decline-review", version: 8, ["reason": "余款已于11月24日到账"]))
            #expect(declined.complaint.reviewRequest?.declinedReason == "余款已于11月24日到账" && declined.complaint.waiting == nil)
            let seen = try decoded(
                Components.Schemas.ComplaintDetail.self,
                try await client.execute(uri: "/v1/complaints/\(id)", method: .get, headers: harness.headers("sme")))
            #expect(seen.events.suffix(2).map(\.kind) == [.reviewRequested, .reviewDeclined])
            let statistics = try decoded(
                Components.Schemas.MonthlyStatistics.self,
                try await client.execute(uri: "/v1/statistics/monthly?month=2026-11", method: .get, headers: harness.headers("supervisor")))
            #expect(statistics.monthly.ratings.veryDissatisfied == 1 && statistics.monthly.reviewsRequested == 1)
            #expect(statistics.monthly.reviewsDeclined == 1 && statistics.monthly.informationRequested == 1)
        }
    }
}
