import ArrearsAPI
import ArrearsTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

/// Files the fixture complaint as the SME and returns its id.
func fileComplaint(_ client: some TestClientProtocol, _ harness: HTTPHarness) async throws -> String {
    let response = try await client.execute(uri: "/v1/complaints", method: .post, headers: harness.headers("sme"), body: filingJSON())
    #expect(response.status == .created)
    return try complaint(response).id
}

/// Posts a transition with If-Match.
func act(
    _ client: some TestClientProtocol, _ harness: HTTPHarness, _ account: String, _ id: String, _ command: String,
    version: Int?, _ body: [String: Any] = [:]
) async throws -> TestResponse {
    var extra: [String: String] = [:]
    if let version { extra["If-Match"] = "\"\(version)\"" }
    return try await client.execute(
        uri: "/v1/complaints/\(id)/\(command)", method: .post, headers: harness.headers(account, extra),
        body: ByteBuffer(bytes: try JSONSerialization.data(withJSONObject: body)))
}

@Suite("Deciding on complaints over HTTP")
struct TransitionTests {
    @Test("The whole journey: filed, accepted, forwarded, resolved with an amount paid, rated and closed")
    func journey() async throws {
        let harness = try await HTTPHarness.make()
        try await harness.application().test(.router) { client in
            let id = try await fileComplaint(client, harness)
            harness.clock.set("2026-11-03T02:00:00Z")
            #expect(try await act(client, harness, "intake", id, "accept", version: 1, ["note": "材料齐全"]).status == .ok)
            #expect(try await act(client, harness, "intake", id, "forward", version: 2, ["department": "ZJ-EDU"]).status == .ok)
            harness.clock.set("2026-11-20T02:00:00Z")
            let resolved = try await act(
                client, harness, "handler", id, "resolve", version: 3,
                ["outcome": "paid_in_full", "amountPaid": 45_600_000, "summary": "学院已全额支付尾款"])
            #expect(resolved.status == .ok)
            #expect(resolved.headers[.eTag] == "\"4\"")
            let rated = try await act(client, harness, "sme", id, "rate", version: 4, ["rating": "satisfied"])
            #expect(rated.status == .ok)
            let detail = try decoded(Components.Schemas.ComplaintDetail.self, rated)
            #expect(detail.complaint.state == .closed)
            #expect(detail.complaint.closure == .rated)
            #expect(detail.events.map(\.kind) == [.submitted, .accepted, .forwarded, .resolved, .rated])

            let statistics = try await client.execute(
                uri: "/v1/statistics/monthly?month=2026-11", method: .get, headers: harness.headers("supervisor"))
            #expect(statistics.status == .ok)
            let monthly = try decoded(Components.Schemas.MonthlyStatistics.self, statistics).monthly
            #expect(monthly.registered == 1 && monthly.resolved == 1 && monthly.openAtEnd == 0)
            #expect(monthly.amountPaid == 45_600_000)
        }
    }

    @Test("A decision on a stale version gets 409; one without If-Match gets 428")
    func versions() async throws {
        let harness = try await HTTPHarness.make()
        try await harness.application().test(.router) { client in
            let id = try await fileComplaint(client, harness)
            let missing = try await act(client, harness, "intake", id, "accept", version: nil)
            #expect(missing.status.code == 428)
            #expect(try problem(missing).kind == "version-required")
            #expect(try await act(client, harness, "intake", id, "accept", version: 1).status == .ok)
            let stale = try await act(client, harness, "intake", id, "reject", version: 1, ["ground": "not_sme", "reason": "规模不符"])
            #expect(stale.status == .conflict)
            #expect(try problem(stale).kind == "version-conflict")
            let current = try await client.execute(uri: "/v1/complaints/\(id)", method: .get, headers: harness.headers("intake"))
            #expect(current.headers[.eTag] == "\"2\"")
            #expect(try complaint(current).state == .accepted)
        }
        #expect(try harness.rowCounts() == [1, 2])
    }

    @Test("A role that may not take a decision gets 403; a state that does not allow it gets 409")
    func refusals() async throws {
        let harness = try await HTTPHarness.make()
        try await harness.application().test(.router) { client in
            let id = try await fileComplaint(client, harness)
            let byComplainant = try await act(client, harness, "sme", id, "accept", version: 1)
            #expect(byComplainant.status == .forbidden)
            let bySupervisor = try await act(client, harness, "supervisor", id, "forward", version: 1, ["department": "ZJ-EDU"])
            #expect(bySupervisor.status == .forbidden)
            let early = try await act(client, harness, "intake", id, "forward", version: 1, ["department": "ZJ-EDU"])
            #expect(early.status == .conflict)
            #expect(try problem(early).kind == "illegal-transition")
            let badGround = try await act(client, harness, "intake", id, "reject", version: 1, ["ground": "too_late", "reason": "x"])
            #expect(badGround.status == .badRequest)
        }
        #expect(try harness.rowCounts() == [1, 1])
    }

    @Test("Outside one's scope a complaint does not exist: 404 for reads and decisions, absent from lists")
    func scope() async throws {
        let harness = try await HTTPHarness.make()
        try await harness.application().test(.router) { client in
            let id = try await fileComplaint(client, harness)
            for account in ["otherSME", "guangdongIntake", "handler", "admin"] {
                let read = try await client.execute(uri: "/v1/complaints/\(id)", method: .get, headers: harness.headers(account))
                #expect(read.status == .notFound, "\(account) reads")
                let list = try await client.execute(uri: "/v1/complaints", method: .get, headers: harness.headers(account))
                #expect(try decoded(Components.Schemas.ComplaintPage.self, list).items.isEmpty, "\(account) lists")
            }
            let foreign = try await act(client, harness, "guangdongIntake", id, "accept", version: 1)
            #expect(foreign.status == .notFound)
            let own = try await client.execute(
                uri: "/v1/complaints?state=submitted&province=330000", method: .get, headers: harness.headers("intake"))
            #expect(try decoded(Components.Schemas.ComplaintPage.self, own).items.count == 1)
        }
    }

    @Test("Queue filters are checked: unknown province, bad cursor, limit out of range")
    func queueFilters() async throws {
        let harness = try await HTTPHarness.make()
        try await harness.application().test(.router) { client in
            for (query, field) in [("province=990000", "province"), ("cursor=ARR-2026-000001", "cursor"), ("limit=500", "limit")] {
                let response = try await client.execute(uri: "/v1/complaints?\(query)", method: .get, headers: harness.headers("intake"))
                #expect(response.status == .unprocessableContent || response.status == .badRequest, "\(query)")
                let fields = try problem(response).fields
                #expect(fields.contains(field) || response.status == .badRequest, "\(query): \(fields)")
            }
            let overdue = try await client.execute(uri: "/v1/complaints?overdue=true", method: .get, headers: harness.headers("intake"))
            #expect(overdue.status == .ok)
        }
    }

    @Test("Statistics are for officials; the month must be YYYY-MM")
    func statisticsAccess() async throws {
        let harness = try await HTTPHarness.make()
        try await harness.application().test(.router) { client in
            let sme = try await client.execute(uri: "/v1/statistics/monthly?month=2026-11", method: .get, headers: harness.headers("sme"))
            #expect(sme.status == .forbidden)
            let badMonth = try await client.execute(uri: "/v1/statistics/monthly?month=2026-13", method: .get, headers: harness.headers("intake"))
            #expect(badMonth.status == .unprocessableContent || badMonth.status == .badRequest)
        }
    }

    @Test("A complaint an intake officer registers by phone belongs to the SME with that credit code")
    func registeredOnBehalf() async throws {
        let harness = try await HTTPHarness.make()
        try await harness.application().test(.router) { client in
            let byPhone = filingJSON { set(&$0, ["channel"], "phone") }
            let response = try await client.execute(uri: "/v1/complaints", method: .post, headers: harness.headers("intake"), body: byPhone)
            #expect(response.status == .created)
            let registered = try complaint(response)
            #expect(registered.complainantAccount == Fixtures.sme.account.rawValue)
            #expect(registered.registeredBy == Fixtures.zhejiangIntake.account.rawValue)
            let own = try await client.execute(uri: "/v1/complaints", method: .get, headers: harness.headers("sme"))
            #expect(try decoded(Components.Schemas.ComplaintPage.self, own).items.count == 1)
            let other = try await client.execute(uri: "/v1/complaints", method: .get, headers: harness.headers("otherSME"))
            #expect(try decoded(Components.Schemas.ComplaintPage.self, other).items.isEmpty)
        }
    }
}
