import ArrearsAPI
import ArrearsTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("Searching complaints over HTTP")
struct SearchTests {
    @Test(
        "GET /v1/complaints?q=示例建设 finds the complaint in every state; one character or a reversed range is refused by name",
        arguments: HTTPHarness.Engine.available)
    func search(on engine: HTTPHarness.Engine) async throws {
        let harness = try await HTTPHarness.make(on: engine)
        try await harness.application().test(.router) { client in
            let id = try await fileComplaint(client, harness)
            #expect(
                try await act(client, harness, "intake", id, "reject", version: 1, ["ground": "other_exclusion", "reason": "不属于受理范围"]).status == .ok)
            func search(_ query: String, as account: String = "intake") async throws -> TestResponse {
                let encoded = query.addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed)!
                return try await client.execute(uri: "/v1/complaints?\(encoded)", method: .get, headers: harness.headers(account))
            }
            let first = try await search("q=示例建设")
            let found = try decoded(Components.Schemas.ComplaintPage.self, first)
            #expect(found.items.map(\.id) == [id] && found.items.first?.state == .rejected)
            let byCode = try decoded(Components.Schemas.ComplaintPage.self, try await search("q=91330100&amountFrom=45600000&receivedTo=2026-11-02"))
            #expect(byCode.items.map(\.id) == [id])
            #expect(try decoded(Components.Schemas.ComplaintPage.self, try await search("q=示例建设", as: "guangdongIntake")).items.isEmpty)
            let short = try await search("q=华")
            #expect(short.status == .unprocessableContent)
            #expect(try problem(short).rules == ["search.too-short"])
            let reversed = try await search("amountFrom=200&amountTo=100")
            #expect(reversed.status == .unprocessableContent)
            #expect(try problem(reversed).fields == ["amountTo"] && problem(reversed).rules == ["range.reversed"])
        }
    }
}
