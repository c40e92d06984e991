import ArrearsAPI
import ArrearsTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

/// A body read as the contract's type and written again by Foundation, as the generated handlers write answers.
private func asTheRuntimeWritesIt<T: Codable>(_ type: T.Type, _ response: TestResponse) throws -> NSObject {
    let value = try decoded(type, response)
    let encoder = JSONEncoder()
    encoder.dateEncodingStrategy = .iso8601
    return try JSONSerialization.jsonObject(with: encoder.encode(value)) as! NSObject
}

private func json(_ response: TestResponse) throws -> NSObject {
    try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as! NSObject
}

@Suite("Answers written directly say what the contract's types say")
struct DirectAnswerTests {
    @Test("A complaint read after acceptance, forwarding, a payment, a plan, a question and a note: every member as the generated type writes it")
    func complaintRead() async throws {
        let harness = try await HTTPHarness.make()
        try await harness.application().test(.router) { client in
            let id = try await fileComplaint(client, harness)
            harness.clock.set("2026-11-03T02:00:00Z")
            #expect(try await act(client, harness, "intake", id, "accept", version: 1, ["note": "材料齐全"]).status == .ok)
            #expect(try await act(client, harness, "intake", id, "forward", version: 2, ["department": "ZJ-EDU"]).status == .ok)
            harness.clock.set("2026-11-10T02:00:00Z")
            #expect(
                try await act(client, harness, "handler", id, "record-payment", version: 3, ["amount": 1_000_000, "paidOn": "2026-11-09"]).status
                    == .ok)
            let plan = try await act(
                client, harness, "handler", id, "payment-plan", version: 4,
                ["instalments": [["dueOn": "2026-12-31", "amount": 20_000_000], ["dueOn": "2027-03-31", "amount": 24_600_000]]])
            #expect(plan.status == .ok)
            #expect(try await act(client, harness, "handler", id, "request-information", version: 5, ["question": "请提供验收单\n及发票"]).status == .ok)
            #expect(
                try await act(client, harness, "handler", id, "note", version: 6, ["text": "已电话联系\"财务处\"", "visibleToComplainant": true]).status
                    == .ok)

            for reader in ["sme", "intake", "handler", "supervisor"] {
                let read = try await client.execute(uri: "/v1/complaints/\(id)", method: .get, headers: harness.headers(reader))
                #expect(read.status == .ok, "\(reader)")
                #expect(read.headers[.eTag] == "\"7\"")
                #expect(read.headers[.contentType] == "application/json; charset=utf-8")
                #expect(try json(read) == asTheRuntimeWritesIt(Components.Schemas.ComplaintDetail.self, read), "\(reader)")
                let detail = try decoded(Components.Schemas.ComplaintDetail.self, read)
                #expect(detail.complaint.payments?.first?.amount == 1_000_000)
                #expect(detail.complaint.paymentPlan?.instalments.count == 2)
                #expect(detail.events.count == 7)
            }
            // The answers the generated handlers still write carry the same content type.
            let me = try await client.execute(uri: "/v1/me", method: .get, headers: harness.headers("sme"))
            #expect(me.headers[.contentType] == "application/json; charset=utf-8")
        }
    }

    @Test("Refusals are the same problems: another SME's complaint does not exist, a percent-encoded id is read as the id")
    func refusals() async throws {
        let harness = try await HTTPHarness.make()
        try await harness.application().test(.router) { client in
            let id = try await fileComplaint(client, harness)
            let encoded = id.replacingOccurrences(of: "-", with: "%2D")
            let read = try await client.execute(uri: "/v1/complaints/\(encoded)", method: .get, headers: harness.headers("sme"))
            #expect(read.status == .ok)
            #expect(try complaint(read).id == id)
            let missing = try await client.execute(uri: "/v1/complaints/no-such-complaint", method: .get, headers: harness.headers("sme"))
            #expect(missing.status == .notFound)
            #expect(missing.headers[.contentType] == "application/problem+json")
            #expect(try problem(missing).kind == "not-found")
            let anonymous = try await client.execute(uri: "/v1/complaints/\(id)", method: .get)
            #expect(anonymous.status == .unauthorized)
        }
    }

    @Test("A queue page and monthly statistics: the same members as the generated types write, filters and paging as before")
    func queueAndStatistics() async throws {
        let harness = try await HTTPHarness.make()
        try await harness.application().test(.router) { client in
            let first = try await fileComplaint(client, harness)
            let second = try await fileComplaint(client, harness)
            #expect(try await act(client, harness, "intake", first, "accept", version: 1, ["note": "材料齐全"]).status == .ok)
            let page = try await client.execute(
                uri: "/v1/complaints?state=submitted&state=accepted&province=330000&limit=1", method: .get, headers: harness.headers("intake"))
            #expect(page.status == .ok)
            #expect(try json(page) == asTheRuntimeWritesIt(Components.Schemas.ComplaintPage.self, page))
            let firstPage = try decoded(Components.Schemas.ComplaintPage.self, page)
            #expect(firstPage.items.map(\.id) == [first])
            let cursor = try #require(firstPage.nextCursor?.addingPercentEncoding(withAllowedCharacters: .alphanumerics))
            let next = try await client.execute(
                uri: "/v1/complaints?state=submitted&state=accepted&province=330000&limit=1&cursor=\(cursor)", method: .get,
                headers: harness.headers("intake"))
            #expect(try decoded(Components.Schemas.ComplaintPage.self, next).items.map(\.id) == [second])
            // A search percent-encoded, as a browser sends it.
            let searched = try await client.execute(
                uri: "/v1/complaints?q=%E7%A4%BA%E4%BE%8B%E5%BB%BA%E8%AE%BE&state=accepted", method: .get, headers: harness.headers("intake"))
            #expect(try decoded(Components.Schemas.ComplaintPage.self, searched).items.map(\.id) == [first])
            let refused = try await client.execute(uri: "/v1/complaints?limit=0", method: .get, headers: harness.headers("intake"))
            #expect(refused.status == .badRequest)
            #expect(try problem(refused).fields == ["limit"])

            for query in ["month=2026-11", "month=2026-11&breakdowns=true", "breakdowns=false&month=2026-11"] {
                let statistics = try await client.execute(
                    uri: "/v1/statistics/monthly?\(query)", method: .get, headers: harness.headers("supervisor"))
                #expect(statistics.status == .ok)
                #expect(try json(statistics) == asTheRuntimeWritesIt(Components.Schemas.MonthlyStatistics.self, statistics), "\(query)")
                let figures = try decoded(Components.Schemas.MonthlyStatistics.self, statistics)
                #expect(figures.monthly.registered == 2 && figures.monthly.accepted == 1)
                #expect((figures.breakdowns != nil) == query.contains("breakdowns=true"))
            }
            let noMonth = try await client.execute(uri: "/v1/statistics/monthly", method: .get, headers: harness.headers("supervisor"))
            #expect(noMonth.status == .badRequest)
            #expect(try problem(noMonth).fields == ["month"])
            let badMonth = try await client.execute(uri: "/v1/statistics/monthly?month=2026-13", method: .get, headers: harness.headers("supervisor"))
            #expect(badMonth.status == .badRequest)
            #expect(try problem(badMonth).fields == ["month"])
        }
    }

    @Test("Accept is held as the generated handlers hold it: JSON or a wildcard is answered, HTML only is 406, after a 404")
    func accept() async throws {
        let harness = try await HTTPHarness.make()
        try await harness.application().test(.router) { client in
            let id = try await fileComplaint(client, harness)
            for uri in ["/v1/complaints/\(id)", "/v1/complaints?limit=5", "/v1/me"] {
                for (accept, status) in [
                    ("application/json", HTTPResponse.Status.ok), ("*/*", .ok), ("text/html, application/*;q=0.5", .ok),
                    ("text/html", .notAcceptable),
                ] {
                    let response = try await client.execute(uri: uri, method: .get, headers: harness.headers("sme", ["Accept": accept]))
                    #expect(response.status == status, "\(uri) \(accept)")
                    if status == .notAcceptable { #expect(response.headers[.contentType] == "application/problem+json") }
                }
            }
            let missing = try await client.execute(
                uri: "/v1/complaints/no-such-complaint", method: .get, headers: harness.headers("sme", ["Accept": "text/html"]))
            #expect(missing.status == .notFound)
        }
    }
}
