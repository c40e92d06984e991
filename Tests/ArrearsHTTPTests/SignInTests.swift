import ArrearsAPI
import ArrearsTestSupport
import Foundation
import GRDB
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

@Suite("Registering, signing in, signing out and revoking")
struct SignInTests {
    static let password = "杭州示例-2026-strong"

    func post(_ client: some TestClientProtocol, _ uri: String, _ body: [String: Any], headers: HTTPFields = [.contentType: "application/json"])
        async throws -> TestResponse
    {
        try await client.execute(uri: uri, method: .post, headers: headers, body: ByteBuffer(bytes: try JSONSerialization.data(withJSONObject: body)))
    }

    func register(_ client: some TestClientProtocol) async throws -> TestResponse {
        try await post(
            client, "/v1/accounts/sme",
            [
                "name": "上海示例科技有限公司", "creditCode": "91310000132260250X",
                "contact": ["person": "李雷", "phone": "021-62000000", "email": "li.lei@example.cn"], "password": Self.password,
            ])
    }

    @Test("An SME registers, signs in by credit code, files with the expiring token, signs out, and the token stops working")
    func journey() async throws {
        let harness = try await HTTPHarness.make()
        try await harness.application().test(.router) { client in
            #expect(try await register(client).status == .created)
            let again = try await register(client)
            // A registration does not tell an anonymous caller whether the code is taken: the second is an account of its
            // own, unverified, answered exactly as the first.
            #expect(again.status == .created)
            #expect(try decoded(Components.Schemas.Account.self, again).verifiedAt == nil)
            let signedIn = try await post(client, "/v1/sessions", ["login": "91310000132260250x", "password": Self.password])
            #expect(signedIn.status == .created)
            let session = try decoded(Components.Schemas.Session.self, signedIn)
            let token = session.token
            #expect(session.expiresAt == Fixtures.instant("2026-11-02T13:30:00Z"), "12 hours after 01:30 UTC")
            let me = try await client.execute(uri: "/v1/me", method: .get, headers: [.authorization: "Bearer \(token)"])
            let account = try decoded(Components.Schemas.Account.self, me)
            #expect(account.role == .sme && account.creditCode == "91310000132260250X")
            let out = try await client.execute(uri: "/v1/sessions/current", method: .delete, headers: [.authorization: "Bearer \(token)"])
            #expect(out.status == .noContent)
            let after = try await client.execute(uri: "/v1/me", method: .get, headers: [.authorization: "Bearer \(token)"])
            #expect(after.status == .unauthorized)
        }
    }

    @Test("A token from signing in expires after 12 hours")
    func expiry() async throws {
        let harness = try await HTTPHarness.make()
        try await harness.application().test(.router) { client in
            _ = try await register(client)
            let token = try decoded(
                Components.Schemas.Session.self,
                try await post(client, "/v1/sessions", ["login": "91310000132260250X", "password": Self.password])
            ).token
            harness.clock.set("2026-11-02T13:29:00Z")
            #expect(try await client.execute(uri: "/v1/me", method: .get, headers: [.authorization: "Bearer \(token)"]).status == .ok)
            harness.clock.set("2026-11-02T13:30:01Z")
            #expect(try await client.execute(uri: "/v1/me", method: .get, headers: [.authorization: "Bearer \(token)"]).status == .unauthorized)
        }
    }

    @Test("Five wrong passwords and the account is refused with 429 and Retry-After, even with the right one")
    func throttled() async throws {
        let harness = try await HTTPHarness.make()
        try await harness.application().test(.router) { client in
            _ = try await register(client)
            for _ in 0..<5 {
                #expect(
                    try await post(client, "/v1/sessions", ["login": "91310000132260250X", "password": "wrong-password-1"]).status == .unauthorized)
            }
            let blocked = try await post(client, "/v1/sessions", ["login": "91310000132260250X", "password": Self.password])
            #expect(blocked.status == .tooManyRequests)
            let wait = Int(blocked.headers[.retryAfter] ?? "") ?? 0
            #expect((1...900).contains(wait))
            harness.clock.set("2026-11-02T01:45:01Z")
            #expect(try await post(client, "/v1/sessions", ["login": "91310000132260250X", "password": Self.password]).status == .created)
        }
    }

    @Test("An admin creates an official with a password and revokes the official's tokens; others may not")
    func adminAccounts() async throws {
        let harness = try await HTTPHarness.make()
        try await harness.application().test(.router) { client in
            let body: [String: Any] = [
                "role": "handler", "name": "浙江省财政厅 王五", "id": "zj-fin-wang", "department": "ZJ-FIN", "password": Self.password,
            ]
            let refused = try await post(client, "/v1/accounts", body, headers: harness.headers("supervisor"))
            #expect(refused.status == .forbidden)
            let created = try await post(client, "/v1/accounts", body, headers: harness.headers("admin"))
            #expect(created.status == .created)
            let noDepartment = try await post(
                client, "/v1/accounts", ["role": "handler", "name": "无部门", "password": Self.password], headers: harness.headers("admin"))
            #expect(noDepartment.status == .unprocessableContent && String(buffer: noDepartment.body).contains("account.handler-needs-department"))
            let token = try decoded(
                Components.Schemas.Session.self, try await post(client, "/v1/sessions", ["login": "zj-fin-wang", "password": Self.password])
            ).token
            #expect(try await client.execute(uri: "/v1/me", method: .get, headers: [.authorization: "Bearer \(token)"]).status == .ok)
            let revoked = try await client.execute(uri: "/v1/accounts/zj-fin-wang/revoke", method: .post, headers: harness.headers("admin"))
            #expect(try decoded(Operations.RevokeAccountTokens.Output.Ok.Body.JsonPayload.self, revoked).revoked == 1)
            #expect(try await client.execute(uri: "/v1/me", method: .get, headers: [.authorization: "Bearer \(token)"]).status == .unauthorized)
            // The operator token of an account made by arrearsd stops working too.
            _ = try await client.execute(uri: "/v1/accounts/intake-zj/revoke", method: .post, headers: harness.headers("admin"))
            #expect(try await client.execute(uri: "/v1/me", method: .get, headers: harness.headers("intake")).status == .unauthorized)
        }
    }

    @Test("Passwords and tokens appear nowhere in the database file")
    func neverInClear() async throws {
        let harness = try await HTTPHarness.make()
        let token = try await harness.application().test(.router) { client in
            _ = try await register(client)
            return try decoded(
                Components.Schemas.Session.self,
                try await post(client, "/v1/sessions", ["login": "91310000132260250X", "password": Self.password])
            ).token
        }
        #expect(token.hasPrefix("arr_"))
        // The database file and its write-ahead log, byte for byte.
        var bytes = try Data(contentsOf: URL(fileURLWithPath: harness.path))
        bytes.append((try? Data(contentsOf: URL(fileURLWithPath: harness.path + "-wal"))) ?? Data())
        #expect(bytes.count > 0)
        for secret in [Self.password, token] + Array(harness.tokens.values) {
            #expect(bytes.range(of: Data(secret.utf8)) == nil, "a secret is stored in clear")
        }
        let hash = try await DatabaseQueue(path: harness.path).read { db in
            try String.fetchOne(
                db, sql: "SELECT password_hash FROM accounts WHERE credit_code = '91310000132260250X' AND role = 'sme' AND password_hash IS NOT NULL")
        }
        #expect(hash?.hasPrefix("$2b$") == true)
    }

    @Test("Past the filings allowed a minute an account gets 429 with Retry-After; another account files on, and a minute later so does it")
    func submissionLimit() async throws {
        let harness = try await HTTPHarness.make()
        try await harness.application { $0.submissionsPerMinute = 3 }.test(.router) { client in
            for _ in 0..<3 { _ = try await fileComplaint(client, harness) }
            let fourth = try await client.execute(uri: "/v1/complaints", method: .post, headers: harness.headers("sme"), body: filingJSON())
            #expect(fourth.status == .tooManyRequests)
            #expect(Int(fourth.headers[.retryAfter] ?? "") == 60)
            let other = try await client.execute(
                uri: "/v1/complaints", method: .post, headers: harness.headers("otherSME"),
                body: filingJSON { set(&$0, ["complainant", "creditCode"], "91110108551385082Q") })
            #expect(other.status == .created)
            harness.clock.set("2026-11-02T01:31:00Z")
            #expect(
                try await client.execute(uri: "/v1/complaints", method: .post, headers: harness.headers("sme"), body: filingJSON()).status == .created
            )
        }
    }

    @Test("A retry with the same Idempotency-Key gets its stored complaint back even past the filing limit, whatever the JSON's layout")
    func retryPastTheLimit() async throws {
        let harness = try await HTTPHarness.make()
        try await harness.application { $0.submissionsPerMinute = 1 }.test(.router) { client in
            let key = ["Idempotency-Key": "hz-2026-11-02-answer-lost"]
            let first = try await client.execute(uri: "/v1/complaints", method: .post, headers: harness.headers("sme", key), body: filingJSON())
            #expect(first.status == .created)
            // The same filing as another client would lay it out: keys sorted, indented.
            let object = try JSONSerialization.jsonObject(with: Data(buffer: filingJSON()))
            let relaid = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .prettyPrinted])
            let retry = try await client.execute(
                uri: "/v1/complaints", method: .post, headers: harness.headers("sme", key), body: ByteBuffer(bytes: relaid))
            #expect(retry.status == .ok, "\(String(buffer: retry.body))")
            #expect(try complaint(retry).number == complaint(first).number && complaint(first).number == "ARR-2026-000001")
            let another = try await client.execute(
                uri: "/v1/complaints", method: .post, headers: harness.headers("sme", ["Idempotency-Key": "hz-2026-11-02-second"]),
                body: filingJSON())
            #expect(another.status == .tooManyRequests)
            #expect(try harness.rowCounts() == [1, 1])
        }
    }
}
