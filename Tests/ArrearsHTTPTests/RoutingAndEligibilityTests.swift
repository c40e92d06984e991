import ArrearsAPI
import ArrearsTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

@Suite("Routing, hops, extensions, eligibility and duplicates over HTTP")
struct RoutingAndEligibilityTests {

    @Test("The dry run names the department and rule; a forward without a department follows it; an override needs a reason")
    func routing() async throws {
        let harness = try await HTTPHarness.make()
        try await harness.application().test(.router) { client in
            let id = try await fileComplaint(client, harness)
            #expect(try await act(client, harness, "intake", id, "accept", version: 1).status == .ok)
            let dryRun = try await client.execute(uri: "/v1/complaints/\(id)/route", method: .get, headers: harness.headers("intake"))
            #expect(dryRun.status == .ok)
            let decision = try decoded(Components.Schemas.RouteDecision.self, dryRun)
            #expect(decision.department?.id == "ZJ-EDU")
            #expect(decision.rule?.id == "zj-education-institutions")
            #expect(decision.routingVersion == 0)
            let smeAsks = try await client.execute(uri: "/v1/complaints/\(id)/route", method: .get, headers: harness.headers("sme"))
            #expect(smeAsks.status == .forbidden)

            let refused = try await act(client, harness, "intake", id, "forward", version: 2, ["department": "ZJ-FIN"])
            #expect(refused.status == .unprocessableContent)
            #expect(String(buffer: refused.body).contains("forward.override-needs-reason"))
            let forwarded = try await act(client, harness, "intake", id, "forward", version: 2)
            #expect(forwarded.status == .ok)
            let hops = try complaint(forwarded).hops ?? []
            #expect(hops.count == 1 && hops.first?.department == "ZJ-EDU" && hops.first?.routedBy == "zj-education-institutions")
            #expect(hops.first?.state == .sent)
        }
    }

    @Test("Forwarded and returned twice shows three hops; an extension to day 91 is refused")
    func hopsAndExtension() async throws {
        let harness = try await HTTPHarness.make()
        try await harness.application().test(.router) { client in
            let id = try await fileComplaint(client, harness)
            var version = 1
            func step(_ account: String, _ command: String, _ body: [String: Any] = [:]) async throws -> TestResponse {
                let response = try await act(client, harness, account, id, command, version: version, body)
                if response.status == .ok { version += 1 }
                return response
            }
            #expect(try await step("intake", "accept").status == .ok)
            for _ in 0..<2 {
                #expect(try await step("intake", "forward").status == .ok)
                #expect(try await step("handler", "return", ["reason": "学院经费属财政直接拨付，非本厅主管"]).status == .ok)
            }
            let third = try await step("intake", "forward")
            #expect(third.status == .ok)
            #expect(try complaint(third).hops?.map(\.state) == [.returned, .returned, .sent])
            #expect(try await step("handler", "acknowledge", ["note": "材料已收到"]).status == .ok)
            let extended = try await step("handler", "extend", ["days": 60, "approvedBy": "浙江省教育厅 张处长", "reason": "需第三方审计结算"])
            #expect(extended.status == .ok)
            #expect(try complaint(extended).deadline?.length == 90)
            let day91 = try await step("handler", "extend", ["days": 1, "approvedBy": "浙江省教育厅 张处长", "reason": "再延一天"])
            #expect(day91.status == .unprocessableContent)
            #expect(String(buffer: day91.body).contains("handling.extension-beyond-limit"))
            let escalated = try await step("supervisor", "escalate", ["step": "listed_supervision", "text": "省级挂牌督办"])
            #expect(escalated.status == .ok)
            let intakeListing = try await step("intake", "escalate", ["step": "listed_supervision", "text": "挂牌"])
            #expect(intakeListing.status == .forbidden)
            let kinds = try decoded(Components.Schemas.ComplaintDetail.self, escalated).events.map(\.kind)
            #expect(kinds.suffix(3) == [.acknowledged, .extended, .escalated])
        }
    }

    @Test("The size test classifies and explains; a missing measure is named")
    func sizeTest() async throws {
        let harness = try await HTTPHarness.make()
        try await harness.application().test(.router) { client in
            let payload = try JSONSerialization.data(withJSONObject: ["industry": "software", "employees": 120, "annualRevenue": 999_999_999])
            let response = try await client.execute(
                uri: "/v1/size-test", method: .post, headers: harness.headers("sme"), body: ByteBuffer(bytes: payload))
            #expect(response.status == .ok)
            let result = try decoded(Components.Schemas.SizeTestResult.self, response)
            // 999,999,999 fen is one fen under 1,000万元, the medium revenue floor: small.
            #expect(result.size == .small && result.sme)
            let missing = try await client.execute(
                uri: "/v1/size-test", method: .post, headers: harness.headers("sme"),
                body: ByteBuffer(bytes: try JSONSerialization.data(withJSONObject: ["industry": "industry", "employees": 50])))
            #expect(missing.status == .unprocessableContent)
            #expect(String(buffer: missing.body).contains("size-test.measure-required"))
        }
    }

    @Test("A second complaint on the same contract is flagged, and intake can link it as a duplicate")
    func duplicates() async throws {
        let harness = try await HTTPHarness.make()
        try await harness.application().test(.router) { client in
            let first = try await fileComplaint(client, harness)
            let second = try await client.execute(uri: "/v1/complaints", method: .post, headers: harness.headers("sme"), body: filingJSON())
            #expect(second.status == .created)
            let filed = try complaint(second)
            #expect(filed.findings?.map(\.code) == ["duplicate.possible"])
            #expect(filed.findings?.first?.related == "ARR-2026-000001")
            let id = filed.id
            let linked = try await act(client, harness, "intake", id, "mark-duplicate", version: 1, ["of": "ARR-2026-000001"])
            #expect(linked.status == .ok)
            #expect(try complaint(linked).duplicateOf == "ARR-2026-000001")
            let unknown = try await act(client, harness, "intake", first, "mark-duplicate", version: 1, ["of": "ARR-2026-999999"])
            #expect(unknown.status == .unprocessableContent)
            // Both histories are kept.
            let original = try await client.execute(uri: "/v1/complaints/\(first)", method: .get, headers: harness.headers("intake"))
            #expect(try decoded(Components.Schemas.ComplaintDetail.self, original).events.count == 1)
        }
    }

    @Test("Each contract shows its days overdue and the default interest to date")
    func latePayment() async throws {
        let harness = try await HTTPHarness.make()
        try await harness.application().test(.router) { client in
            let id = try await fileComplaint(client, harness)
            let response = try await client.execute(uri: "/v1/complaints/\(id)", method: .get, headers: harness.headers("sme"))
            let late = try complaint(response).latePayments?.first
            // Due 2025-10-30; on 2026-11-02 (the harness's today) 368 days late: ¥228 × 368 = ¥83,904.00.
            #expect(late?.dueOn == "2025-10-30")
            #expect(late?.daysOverdue == 368)
            #expect(late?.interest == 8_390_400)
        }
    }

    @Test("Supervisors and admins verify the audit chain over HTTP; an SME may not")
    func auditVerify() async throws {
        let harness = try await HTTPHarness.make()
        try await harness.application().test(.router) { client in
            _ = try await fileComplaint(client, harness)
            let supervisor = try await client.execute(uri: "/v1/audit/verify", method: .get, headers: harness.headers("supervisor"))
            #expect(supervisor.status == .ok)
            let report = try decoded(Components.Schemas.AuditReport.self, supervisor)
            #expect(report.intact && report.events == 1)
            let admin = try await client.execute(uri: "/v1/audit/verify?complaint=ARR-2026-000001", method: .get, headers: harness.headers("admin"))
            #expect(try decoded(Components.Schemas.AuditReport.self, admin).complaints == 1)
            let sme = try await client.execute(uri: "/v1/audit/verify", method: .get, headers: harness.headers("sme"))
            #expect(sme.status == .forbidden)
        }
    }
}
