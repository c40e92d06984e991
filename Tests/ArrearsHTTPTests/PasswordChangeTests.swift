import ArrearsAPI
import ArrearsTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

/// 修改密码, through the API and the account pages: one rule in the application layer.
@Suite("Changing a password")
struct PasswordChangeTests {
    static let password = "杭州示例-2026-strong"

    func post(_ client: some TestClientProtocol, _ uri: String, _ body: [String: Any], token: String? = nil) async throws -> TestResponse {
        var headers: HTTPFields = [.contentType: "application/json"]
        if let token { headers[.authorization] = "Bearer \(token)" }
        return try await client.execute(
            uri: uri, method: .post, headers: headers, body: ByteBuffer(bytes: try JSONSerialization.data(withJSONObject: body)))
    }

    func signIn(_ client: some TestClientProtocol, _ password: String) async throws -> TestResponse {
        try await post(client, "/v1/sessions", ["login": "91310000132260250X", "password": password])
    }

    @Test("The current password is proved, the new one follows the rule; other sessions end, this one goes on; logged")
    func api() async throws {
        let harness = try await HTTPHarness.make()
        try await harness.application().test(.router) { client in
            let registered = try await post(
                client, "/v1/accounts/sme",
                [
                    "name": "上海示例科技有限公司", "creditCode": "91310000132260250X",
                    "contact": ["person": "李雷", "phone": "021-62000000"], "password": Self.password,
                ])
            #expect(registered.status == .created)
            let laptop = try decoded(Components.Schemas.Session.self, try await signIn(client, Self.password)).token
            let phone = try decoded(Components.Schemas.Session.self, try await signIn(client, Self.password)).token
            let wrong = try await post(
                client, "/v1/me/password", ["currentPassword": "杭州示例-2025-strong", "newPassword": "上海示例-2027-longer"], token: laptop)
            #expect(wrong.status == .unprocessableContent && String(buffer: wrong.body).contains("password.current-wrong"))
            let short = try await post(client, "/v1/me/password", ["currentPassword": Self.password, "newPassword": "short"], token: laptop)
            #expect(short.status == .unprocessableContent && String(buffer: short.body).contains(#""field":"newPassword""#))
            let same = try await post(client, "/v1/me/password", ["currentPassword": Self.password, "newPassword": Self.password], token: laptop)
            #expect(String(buffer: same.body).contains("password.unchanged"))
            let changed = try await post(
                client, "/v1/me/password", ["currentPassword": Self.password, "newPassword": "上海示例-2027-longer"], token: laptop)
            #expect(changed.status == .ok && String(buffer: changed.body).contains(#""sessionsEnded":1"#), "\(String(buffer: changed.body))")
            #expect(try await client.execute(uri: "/v1/me", method: .get, headers: [.authorization: "Bearer \(laptop)"]).status == .ok)
            #expect(try await client.execute(uri: "/v1/me", method: .get, headers: [.authorization: "Bearer \(phone)"]).status == .unauthorized)
            #expect(try await signIn(client, Self.password).status == .unauthorized, "the old password no longer signs in")
            #expect(try await signIn(client, "上海示例-2027-longer").status == .created)
            let log = try decoded(
                Operations.GetSecurityLog.Output.Ok.Body.JsonPayload.self,
                try await client.execute(uri: "/v1/audit/log", method: .get, headers: harness.headers("admin")))
            let entry = try #require(log.items.first(where: { $0.action == .account_passwordChanged }))
            #expect(entry.detail.additionalProperties["sessionsEnded"] == "1")
            #expect(!String(buffer: changed.body).contains("上海示例-2027-longer"))
        }
    }

    @Test("In the portal: password managers fill both fields; a wrong current password is summarised; then changed")
    func page() async throws {
        let harness = try await HTTPHarness.make()
        try await harness.application().test(.router) { client in
            let sme = try #require(harness.tokens["sme"])
            let form = String(buffer: try await get(client, "/account/password", session: sme).body)
            #expect(form.contains(#"autocomplete="current-password""#) && form.contains(#"autocomplete="new-password""#))
            let token = try #require(formToken(form))
            let refused = try await ArrearsHTTPTests.post(
                client, "/account/password", ["csrf": token, "currentPassword": "not it at all", "newPassword": "a new password 2026"],
                cookies: ["arrears_session": sme])
            let refusedHTML = String(buffer: refused.body)
            #expect(refused.status == .unprocessableContent && refusedHTML.contains(##"<a href="#currentPassword">当前密码不正确</a>"##))
            #expect(!refusedHTML.contains("not it at all") && !refusedHTML.contains("a new password 2026"), "passwords are never sent back")
        }
    }
}
