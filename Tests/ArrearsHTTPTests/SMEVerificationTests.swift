import ArrearsAPI
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

/// Claiming a credit code is not proving it: a self-registered SME account sees only what it filed itself until an
/// intake officer who checked the business licence verifies it.
@Suite("Verifying SME accounts")
struct SMEVerificationTests {
    static let code = "91330106MA27XYW01W"
    static let password = "西湖示例-2026-strong"

    func post(_ client: some TestClientProtocol, _ uri: String, _ body: [String: Any], headers: HTTPFields) async throws -> TestResponse {
        try await client.execute(uri: uri, method: .post, headers: headers, body: ByteBuffer(bytes: try JSONSerialization.data(withJSONObject: body)))
    }

    /// A letter complaint an intake officer registers for the West Lake company.
    func letterComplaint(_ client: some TestClientProtocol, _ harness: HTTPHarness) async throws -> String {
        let response = try await client.execute(
            uri: "/v1/complaints", method: .post, headers: harness.headers("intake"),
            body: filingJSON {
                set(&$0, ["complainant", "creditCode"], Self.code)
                set(&$0, ["complainant", "region"], "330106")
                set(&$0, ["complainant", "name"], "杭州西湖示例科技有限公司")
                set(&$0, ["channel"], "letter")
            })
        #expect(response.status == .created, "\(String(buffer: response.body))")
        return try complaint(response).id
    }

    @Test(
        "Registered, the account sees no letter complaint under its code; verified with the licence checked, it owns them all",
        arguments: HTTPHarness.Engine.available)
    func verifiedByOfficer(engine: HTTPHarness.Engine) async throws {
        let harness = try await HTTPHarness.make(on: engine)
        try await harness.application().test(.router) { client in
            let json: HTTPFields = [.contentType: "application/json"]
            let registered = try await post(
                client, "/v1/accounts/sme",
                [
                    "name": "杭州西湖示例科技有限公司", "creditCode": Self.code, "password": Self.password,
                    "contact": ["person": "陈静", "phone": "0571-88000000"],
                ], headers: json)
            #expect(registered.status == .created, "\(String(buffer: registered.body))")
            let account = try decoded(Components.Schemas.Account.self, registered)
            #expect(account.verifiedAt == nil)
            let session = try decoded(
                Components.Schemas.Session.self,
                try await post(client, "/v1/sessions", ["login": Self.code, "password": Self.password], headers: json))
            var sme = json
            sme[.authorization] = "Bearer \(session.token)"

            let before = try await letterComplaint(client, harness)
            let queue = try await client.execute(uri: "/v1/complaints", method: .get, headers: sme)
            #expect(try decoded(Components.Schemas.ComplaintPage.self, queue).items.isEmpty, "an unverified account sees a letter complaint")
            #expect(try await client.execute(uri: "/v1/complaints/\(before)", method: .get, headers: sme).status == .notFound)

            let uri = "/v1/accounts/\(account.id)/verification"
            let evidence = ["evidence": "营业执照原件 \(Self.code)，法定代表人到场"]
            #expect(try await post(client, uri, evidence, headers: harness.headers("handler")).status == .forbidden)
            #expect(try await post(client, uri, evidence, headers: harness.headers("guangdongIntake")).status == .notFound)
            let hostile = try await post(client, uri, ["evidence": "已核\u{1B}[8m验"], headers: harness.headers("intake"))
            #expect(try problem(hostile).rules == ["text.control-character"])

            let verified = try await post(client, uri, evidence, headers: harness.headers("intake"))
            #expect(verified.status == .ok, "\(String(buffer: verified.body))")
            let result = try decoded(Operations.VerifySMEAccount.Output.Ok.Body.JsonPayload.self, verified)
            #expect(result.account.verifiedAt != nil && result.complaintsJoined == 1)
            #expect(try await post(client, uri, evidence, headers: harness.headers("intake")).status == .conflict)

            let after = try await letterComplaint(client, harness)
            let owned = try await client.execute(uri: "/v1/complaints", method: .get, headers: sme)
            #expect(try Set(decoded(Components.Schemas.ComplaintPage.self, owned).items.map(\.id)) == [before, after])
            let read = try await client.execute(uri: "/v1/complaints/\(before)", method: .get, headers: sme)
            #expect(try complaint(read).complainantAccount == account.id)

            let log = try await client.execute(uri: "/v1/audit/log?subject=\(account.id)", method: .get, headers: harness.headers("admin"))
            let entries = try decoded(Operations.GetSecurityLog.Output.Ok.Body.JsonPayload.self, log).items
            let entry = try #require(entries.first { $0.action.rawValue == "account.verified" })
            #expect(entry.actor == "intake-zj" && entry.detail.additionalProperties["evidence"] == evidence["evidence"])
        }
    }
}
