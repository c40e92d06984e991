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
            let result = try decoded(Components.Schemas.SMEVerification.self, verified)
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

extension SMEVerificationTests {
    /// Registers an SME and signs it in; its headers.
    func signedInSME(_ client: some TestClientProtocol, code: String, name: String) async throws -> (id: String, headers: HTTPFields) {
        let json: HTTPFields = [.contentType: "application/json"]
        let registered = try await post(
            client, "/v1/accounts/sme",
            ["name": name, "creditCode": code, "password": Self.password, "contact": ["person": "赵强", "phone": "139-0000-1111"]], headers: json)
        let id = try decoded(Components.Schemas.Account.self, registered).id
        let session = try decoded(
            Components.Schemas.Session.self, try await post(client, "/v1/sessions", ["login": id, "password": Self.password], headers: json))
        var headers = json
        headers[.authorization] = "Bearer \(session.token)"
        return (id, headers)
    }

    @Test(
        "A one-time code goes to the contact on record, never to one the account typed; the right code within its tries verifies",
        arguments: HTTPHarness.Engine.available)
    func verifiedByCode(engine: HTTPHarness.Engine) async throws {
        let harness = try await HTTPHarness.make(on: engine)
        try await harness.application().test(.router) { client in
            // An impostor claims a company no official has a record of, files online with its own phone, and asks.
            let impostor = try await signedInSME(client, code: "91330108MA2H0QW12U", name: "杭州滨江示例有限公司")
            let own = try await client.execute(
                uri: "/v1/complaints", method: .post, headers: impostor.headers,
                body: filingJSON {
                    set(&$0, ["complainant", "creditCode"], "91330108MA2H0QW12U")
                    set(&$0, ["complainant", "region"], "330108")
                    set(&$0, ["complainant", "contact", "phone"], "139-0000-1111")
                })
            #expect(own.status == .created)
            let noRecord = try await client.execute(uri: "/v1/me/verification-code", method: .post, headers: impostor.headers)
            #expect(try problem(noRecord).rules == ["verification.no-contact-on-record"], "\(String(buffer: noRecord.body))")

            // The West Lake company's letter complaint put 王芳's phone on record; its account asks for a code.
            let letter = try await letterComplaint(client, harness)
            let sme = try await signedInSME(client, code: Self.code, name: "杭州西湖示例科技有限公司")
            let sent = try await client.execute(uri: "/v1/me/verification-code", method: .post, headers: sme.headers)
            #expect(sent.status == .accepted, "\(String(buffer: sent.body))")
            #expect(String(buffer: sent.body).contains(#""phone":"057*-****0000""#), "the phone on record, masked: \(String(buffer: sent.body))")
            let messages = try await harness.store.outboxMessages(state: nil, after: 0, limit: 100)
            let message = try #require(messages.first { $0.notification.topic == "account.verification-code" })
            #expect(message.notification.recipient.hasPrefix("contact-of:ARR-"))
            #expect(!message.notification.payload.contains("0571-87000000"), "the payload holds no contact")
            let payload = try JSONSerialization.jsonObject(with: Data(message.notification.payload.utf8)) as? [String: Any]
            let code = try #require((payload?["data"] as? [String: String])?["code"])
            #expect(code.count == 6 && code.allSatisfy(\.isNumber))

            let wrong = code == "000000" ? "111111" : "000000"
            let refused = try await post(client, "/v1/me/verification", ["code": wrong], headers: sme.headers)
            #expect(try problem(refused).rules == ["verification.code-wrong"])
            let verified = try await post(client, "/v1/me/verification", ["code": code], headers: sme.headers)
            #expect(verified.status == .ok, "\(String(buffer: verified.body))")
            #expect(try decoded(Components.Schemas.SMEVerification.self, verified).complaintsJoined == 1)
            #expect(try await client.execute(uri: "/v1/complaints/\(letter)", method: .get, headers: sme.headers).status == .ok)
            #expect(try await post(client, "/v1/me/verification", ["code": code], headers: sme.headers).status == .conflict)
        }
    }
}
