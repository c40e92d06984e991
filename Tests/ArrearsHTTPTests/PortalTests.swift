import ArrearsAPI
import ArrearsTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

/// The complainant's web pages at the HTML level: headers, cookies, form tokens, the error summary, escaping and scope.
@Suite("The portal's pages, without a browser")
struct PortalTests {
    static let password = "correct horse battery staple 2026"

    @Test("The home page is Chinese, says who may complain and the deadlines, and carries a policy without inline code")
    func home() async throws {
        let harness = try await HTTPHarness.make()
        try await harness.application().test(.router) { client in
            let home = try await get(client, "/")
            let html = String(buffer: home.body)
            #expect(home.status == .ok && home.headers[.contentType] == "text/html; charset=utf-8")
            #expect(html.contains(#"<html lang="zh-CN">"#) && html.contains("中小企业被拖欠款项，可以在这里投诉"))
            #expect(html.contains("收到投诉之日起10个工作日") && html.contains("条例第二十五条"))
            let policy = try #require(home.headers[HTTPField.Name("Content-Security-Policy")!])
            #expect(!policy.contains("unsafe-inline") && policy.contains("frame-ancestors 'none'") && policy.contains("form-action 'self'"))
            #expect(!html.contains("<script") && !html.contains("style=\""), "no inline script or style")
            let form = try #require(cookie("arrears_form", in: home))
            #expect(form.attributes.contains("HttpOnly") && form.attributes.contains("SameSite=Strict"))
            #expect(String(buffer: try await get(client, "/", language: "en").body).contains(#"<html lang="en">"#))
            let css = try await get(client, "/static/portal.css")
            #expect(css.status == .ok && css.headers[.contentType] == "text/css; charset=utf-8")
            #expect(try await get(client, "/no-such-page").status == .notFound)
            // The API is untouched.
            #expect(try await get(client, "/healthz").status == .ok)
        }
    }

    @Test("Signing in: no form token or another site is refused; a wrong password is summarised and marked; the session rotates")
    func signIn() async throws {
        let harness = try await HTTPHarness.make()
        try await harness.application().test(.router) { client in
            let registered = try await client.execute(
                uri: "/v1/accounts/sme", method: .post, headers: [.contentType: "application/json"],
                body: ByteBuffer(
                    bytes: try JSONSerialization.data(withJSONObject: [
                        "name": "上海示例科技有限公司", "creditCode": "91310000132260250X",
                        "contact": ["person": "李雷", "phone": "021-62000000", "email": "li.lei@example.cn"], "password": Self.password,
                    ])))
            #expect(registered.status == .created)
            let page = try await get(client, "/sign-in?next=/complaints")
            let anonymous = try #require(cookie("arrears_form", in: page)).value
            let token = try #require(formToken(String(buffer: page.body)))
            #expect(token == anonymous)
            let fields = ["login": "91310000132260250X", "password": Self.password, "next": "/complaints"]
            #expect(try await post(client, "/sign-in", fields, cookies: ["arrears_form": anonymous]).status == .forbidden, "no token")
            let crossSite = try await post(
                client, "/sign-in", fields.merging(["csrf": token]) { a, _ in a }, cookies: ["arrears_form": anonymous],
                extra: ["Sec-Fetch-Site": "cross-site"])
            #expect(crossSite.status == .forbidden && String(buffer: crossSite.body).contains("表单已过期"))
            let wrong = try await post(
                client, "/sign-in", ["login": "91310000132260250X", "password": "not it", "csrf": token], cookies: ["arrears_form": anonymous])
            let wrongHTML = String(buffer: wrong.body)
            #expect(wrong.status == .unprocessableContent && wrongHTML.contains(#"<title>错误："#))
            #expect(wrongHTML.contains(#"class="error-summary""#) && wrongHTML.contains(##"<a href="#login">"##))
            #expect(wrongHTML.contains(#"id="login-error""#) && wrongHTML.contains(#"aria-invalid="true""#))
            #expect(wrongHTML.contains(#"value="91310000132260250X""#), "what was typed stays")
            let signedIn = try await post(client, "/sign-in", fields.merging(["csrf": token]) { a, _ in a }, cookies: ["arrears_form": anonymous])
            #expect(signedIn.status == .seeOther && signedIn.headers[.location] == "/complaints")
            let session = try #require(cookie("arrears_session", in: signedIn))
            #expect(session.attributes.contains("HttpOnly") && session.attributes.contains("SameSite=Lax") && session.attributes.contains("Path=/"))
            #expect(!session.attributes.contains("Secure"), "plain HTTP from no trusted proxy")
            // Signed in, the page's forms carry the session's own token.
            let signedInToken = try #require(formToken(String(buffer: try await get(client, "/sign-in", session: session.value).body)))
            #expect(signedInToken != anonymous)
            let again = try await post(
                client, "/sign-in", fields.merging(["csrf": signedInToken]) { a, _ in a },
                cookies: ["arrears_form": anonymous, "arrears_session": session.value])
            let rotated = try #require(cookie("arrears_session", in: again)).value
            #expect(rotated != session.value, "a new session at each sign-in")
            #expect(try await get(client, "/complaints", session: session.value).status == .seeOther, "the old one ended")
            let list = try await get(client, "/complaints", session: rotated)
            #expect(list.status == .ok && String(buffer: list.body).contains("您还没有投诉"))
            #expect(list.headers[.cacheControl] == "no-store")
            // Signing out takes the session's own form token; afterwards the cookie is cleared and the session ended.
            let listToken = try #require(formToken(String(buffer: list.body)))
            #expect(try await post(client, "/sign-out", ["csrf": anonymous], cookies: ["arrears_session": rotated]).status == .forbidden)
            let out = try await post(client, "/sign-out", ["csrf": listToken], cookies: ["arrears_session": rotated])
            #expect(out.status == .seeOther && cookie("arrears_session", in: out)?.attributes.contains("Max-Age=0") == true)
            #expect(try await get(client, "/complaints", session: rotated).headers[.location] == "/sign-in?next=/complaints")
        }
    }

    @Test("An SME reads its complaint — clocks, interest, history — escaped; another SME's complaint and its files are not found")
    func complaintPageAndScope() async throws {
        let harness = try await HTTPHarness.make()
        try await harness.application().test(.router) { client in
            let response = try await client.execute(
                uri: "/v1/complaints", method: .post, headers: harness.headers("sme"),
                body: filingJSON { set(&$0, ["respondent", "name"], "浙江省<script>alert(1)</script>职业技术学院") })
            let filed = try complaint(response)
            let sme = try #require(harness.tokens["sme"])
            let list = String(buffer: try await get(client, "/complaints", session: sme).body)
            #expect(list.contains(#"<a href="/complaints/\#(filed.number)">"#) && list.contains("审查期限：2026年11月16日"))
            let page = try await get(client, "/complaints/\(filed.number)", session: sme)
            let html = String(buffer: page.body)
            #expect(page.status == .ok && html.contains("投诉\(filed.number)"))
            #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;") && !html.contains("<script>alert"), "user text is escaped")
            #expect(html.contains("截止日期：2026年11月16日") && html.contains("条例第二十五条"), "the clock with its basis")
            #expect(html.contains("自2026年11月2日（当日不计入）起10个工作日"), "and how it was counted")
            #expect(html.contains("ZJ-2025-0318") && html.contains("截至今日逾期利息¥"), "the interest to date")
            #expect(html.contains("登记") && html.contains(#"<ol class="timeline">"#))
            let other = try #require(harness.tokens["otherSME"])
            let hidden = try await get(client, "/complaints/\(filed.number)", session: other)
            #expect(hidden.status == .notFound && !String(buffer: hidden.body).contains("职业技术学院"))
            let attached = try await client.execute(
                uri: "/v1/complaints/\(filed.id)/evidence?name=合同.pdf", method: .post,
                headers: harness.headers("sme", ["Content-Type": "application/pdf"]), body: ByteBuffer(bytes: acceptancePDF))
            let evidence = try decoded(Components.Schemas.Evidence.self, attached)
            let own = try await get(client, "/complaints/\(filed.number)/files/\(evidence.id)", session: sme)
            #expect(own.status == .ok && own.headers[.contentDisposition]?.hasPrefix("attachment;") == true)
            #expect(try await get(client, "/complaints/\(filed.number)/files/\(evidence.id)", session: other).status == .notFound)
        }
    }

    @Test("The SME answers a supplement request, withdraws after confirming, and rates on the five levels — in forms, on the version shown")
    func actions() async throws {
        let harness = try await HTTPHarness.make()
        try await harness.application().test(.router) { client in
            let sme = try #require(harness.tokens["sme"])
            func page(_ number: String) async throws -> (html: String, token: String) {
                let html = String(buffer: try await get(client, "/complaints/\(number)", session: sme).body)
                return (html, try #require(formToken(html)))
            }
            let first = try complaint(
                try await client.execute(uri: "/v1/complaints", method: .post, headers: harness.headers("sme"), body: filingJSON()))
            #expect(try await act(client, harness, "intake", first.id, "request-supplement", version: 1, ["items": "请补充验收单"]).status == .ok)
            let asked = try await page(first.number)
            #expect(asked.html.contains("补正材料") && asked.html.contains(#"action="/complaints/\#(first.number)/supplement""#))
            #expect(asked.html.contains("请补充验收单"), "the request's text is in the history")
            let empty = try await post(
                client, "/complaints/\(first.number)/supplement", ["csrf": asked.token, "version": "2", "material": "  "],
                cookies: ["arrears_session": sme])
            let emptyHTML = String(buffer: empty.body)
            #expect(
                empty.status == .unprocessableContent && emptyHTML.contains(##"<a href="#material">"##) && emptyHTML.contains(#"id="material-error""#)
            )
            let stale = try await post(
                client, "/complaints/\(first.number)/supplement", ["csrf": asked.token, "version": "1", "material": "已上传验收单"],
                cookies: ["arrears_session": sme])
            #expect(stale.status == .conflict && String(buffer: stale.body).contains("已上传验收单"), "refused on a stale version; what was typed stays")
            let supplied = try await post(
                client, "/complaints/\(first.number)/supplement", ["csrf": asked.token, "version": "2", "material": "已上传验收单"],
                cookies: ["arrears_session": sme])
            #expect(supplied.status == .seeOther && supplied.headers[.location] == "/complaints/\(first.number)?done=supplement")
            let after = String(buffer: try await get(client, "/complaints/\(first.number)?done=supplement", session: sme).body)
            #expect(after.contains("补正已提交") && after.contains("已登记"))

            // Withdrawing asks first; only the confirmation withdraws.
            let before = try await page(first.number)
            let confirm = try await post(
                client, "/complaints/\(first.number)/withdraw", ["csrf": before.token, "version": "3", "reason": "已与学院达成和解"],
                cookies: ["arrears_session": sme])
            let confirmHTML = String(buffer: confirm.body)
            #expect(confirm.status == .ok && confirmHTML.contains("不能恢复") && confirmHTML.contains(#"name="confirm" value="yes""#))
            #expect(String(buffer: try await get(client, "/complaints/\(first.number)", session: sme).body).contains("已登记"), "nothing withdrawn yet")
            let withdrawn = try await post(
                client, "/complaints/\(first.number)/withdraw", ["csrf": before.token, "version": "3", "reason": "已与学院达成和解", "confirm": "yes"],
                cookies: ["arrears_session": sme])
            #expect(withdrawn.status == .seeOther)
            #expect(String(buffer: try await get(client, "/complaints/\(first.number)", session: sme).body).contains("已撤回"))

            // Rating: the five levels, one must be chosen.
            let second = try complaint(
                try await client.execute(uri: "/v1/complaints", method: .post, headers: harness.headers("sme"), body: filingJSON()))
            #expect(try await act(client, harness, "intake", second.id, "accept", version: 1).status == .ok)
            #expect(try await act(client, harness, "intake", second.id, "forward", version: 2, ["department": "ZJ-EDU"]).status == .ok)
            #expect(
                try await act(
                    client, harness, "handler", second.id, "resolve", version: 3, ["outcome": "partly_paid", "amountPaid": 100, "summary": "已付部分"]
                )
                .status == .ok)
            let resolved = try await page(second.number)
            for level in ["非常满意", "满意", "基本满意", "不满意", "非常不满意"] { #expect(resolved.html.contains(">\(level)</label>")) }
            let none = try await post(
                client, "/complaints/\(second.number)/rate", ["csrf": resolved.token, "version": "4"], cookies: ["arrears_session": sme])
            #expect(none.status == .unprocessableContent && String(buffer: none.body).contains(##"<a href="#rating">"##))
            let rated = try await post(
                client, "/complaints/\(second.number)/rate",
                ["csrf": resolved.token, "version": "4", "rating": "very_dissatisfied", "comment": "余款未付"],
                cookies: ["arrears_session": sme])
            #expect(rated.status == .seeOther)
            let closed = String(buffer: try await get(client, "/complaints/\(second.number)", session: sme).body)
            #expect(closed.contains("非常不满意") && closed.contains("申请复核"), "a poor rating offers the review")
        }
    }

    @Test("Registering: a bad credit code is refused beside its field, the password never echoed; then signed in, unverified, told how")
    func register() async throws {
        let harness = try await HTTPHarness.make()
        try await harness.application().test(.router) { client in
            let page = try await get(client, "/register")
            let anonymous = try #require(cookie("arrears_form", in: page)).value
            let html = String(buffer: page.body)
            #expect(html.contains(#"autocomplete="new-password""#) && html.contains("至少10个字符"))
            var fields = [
                "csrf": anonymous, "name": "上海示例科技有限公司", "creditCode": "91310000132260251X", "contact.person": "李雷",
                "contact.phone": "021-62000000", "contact.email": "li.lei@example.cn", "password": Self.password,
            ]
            let bad = try await post(client, "/register", fields, cookies: ["arrears_form": anonymous])
            let badHTML = String(buffer: bad.body)
            #expect(bad.status == .unprocessableContent && badHTML.contains(##"<a href="#creditCode">"##) && badHTML.contains("校验码"))
            #expect(!badHTML.contains(Self.password), "the password is not sent back")
            fields["creditCode"] = "91310000132260250X"
            let registered = try await post(client, "/register", fields, cookies: ["arrears_form": anonymous])
            #expect(registered.status == .seeOther && registered.headers[.location] == "/account")
            let session = try #require(cookie("arrears_session", in: registered)).value
            let account = String(buffer: try await get(client, "/account", session: session).body)
            #expect(account.contains("未核验") && account.contains("91310000132260250X") && account.contains(#"autocomplete="one-time-code""#))
            let token = try #require(formToken(account))
            let code = try await post(client, "/account/code", ["csrf": token], cookies: ["arrears_session": session])
            #expect(code.status == .unprocessableContent && String(buffer: code.body).contains(#"id="code-error""#), "no contact on record")
        }
    }

    @Test("A PDF uploaded from the complaint page is kept like the API's; a text file is refused beside the file field")
    func upload() async throws {
        let harness = try await HTTPHarness.make()
        try await harness.application().test(.router) { client in
            let sme = try #require(harness.tokens["sme"])
            let filed = try complaint(
                try await client.execute(uri: "/v1/complaints", method: .post, headers: harness.headers("sme"), body: filingJSON()))
            let page = String(buffer: try await get(client, "/complaints/\(filed.number)", session: sme).body)
            #expect(page.contains(#"enctype="multipart/form-data""#) && page.contains("每个文件不超过20 MB"))
            let token = try #require(formToken(page))
            func send(_ name: String, _ type: String, _ bytes: [UInt8]) async throws -> TestResponse {
                let form = multipartForm(token: token, name: name, type: type, bytes: bytes)
                return try await client.execute(
                    uri: "/complaints/\(filed.number)/files", method: .post,
                    headers: [.cookie: "arrears_session=\(sme)", .contentType: form.contentType], body: form.body)
            }
            let uploaded = try await send("验收报告.pdf", "application/pdf", acceptancePDF)
            #expect(uploaded.status == .seeOther && uploaded.headers[.location] == "/complaints/\(filed.number)?done=files")
            let files = try decoded(
                Components.Schemas.EvidenceList.self,
                try await client.execute(uri: "/v1/complaints/\(filed.id)/evidence", method: .get, headers: harness.headers("intake")))
            #expect(files.items.map(\.name) == ["验收报告.pdf"] && files.items.first?.bytes == Int64(acceptancePDF.count))
            let refused = try await send("notes.txt", "text/plain", Array("not a pdf at all".utf8))
            let refusedHTML = String(buffer: refused.body)
            #expect(
                refused.status == .unsupportedMediaType && refusedHTML.contains(#"id="file-error""#) && refusedHTML.contains(##"<a href="#file">"##))
        }
    }
}
