import ArrearsAPI
import ArrearsCore
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

/// The text policy seen from outside: hostile text in any free-text field is refused naming the field and the rule, and
/// what is stored is what the API answered — in the complaint, the queue and the export.
@Suite("Text people type, through the API")
struct TextSafetyTests {
    /// A field of the filing, a hostile value for it, and the rule that refuses it.
    static let hostile: [(change: @Sendable (inout [String: Any]) -> Void, field: String, rule: String)] = [
        ({ set(&$0, ["complainant", "name"], "杭州示例\u{0}建设有限公司") }, "complainant.name", "text.control-character"),
        ({ set(&$0, ["complainant", "name"], "\u{1B}[2J杭州示例建设有限公司") }, "complainant.name", "text.control-character"),
        ({ set(&$0, ["complainant", "name"], "\u{3164}") }, "complainant.name", "text.not-visible"),
        ({ set(&$0, ["complainant", "name"], "\u{FEFF}") }, "complainant.name", "text.not-visible"),
        ({ set(&$0, ["respondent", "name"], "浙江省示例职业\u{202E}院学术技") }, "respondent.name", "text.bidi-control"),
        ({ set(&$0, ["respondent", "supervisingAuthority"], "浙江省\r\n教育厅") }, "respondent.supervisingAuthority", "text.line-break"),
        ({ set(&$0, ["contracts", 0, "number"], "ZJ-2025\u{08}\u{08}0318") }, "contracts[0].number", "text.control-character"),
        ({ set(&$0, ["complainant", "contact", "person"], "王\u{2066}芳") }, "complainant.contact.person", "text.bidi-control"),
        ({ set(&$0, ["complainant", "contact", "email"], "wang\u{07}@example.cn") }, "complainant.contact.email", "text.control-character"),
        ({ set(&$0, ["facts"], "明" + String(repeating: "\u{0301}", count: 20_001)) }, "facts", "text.too-long"),
        ({ set(&$0, ["demand"], "支付尾款" + String(repeating: "\u{0301}", count: 40)) }, "demand", "text.stacked-marks"),
    ]

    @Test(
        "Hostile text in a filing is refused naming field and rule, and nothing is stored",
        arguments: HTTPHarness.Engine.available, 0..<hostile.count)
    func hostileFiling(engine: HTTPHarness.Engine, index: Int) async throws {
        let (change, field, rule) = Self.hostile[index]
        let body = filingJSON(change)
        let harness = try await HTTPHarness.make(on: engine)
        try await harness.application { $0.bodyLimit = 256 * 1024 }.test(.router) { client in
            let refused = try await client.execute(
                uri: "/v1/complaints", method: .post, headers: harness.headers("sme"), body: body)
            #expect(refused.status == .unprocessableContent, "\(field): \(String(buffer: refused.body))")
            let found = try problem(refused)
            #expect(found.fields == [field] && found.rules == [rule], "\(String(buffer: refused.body))")
            let queue = try await client.execute(uri: "/v1/complaints", method: .get, headers: harness.headers("intake"))
            #expect(try decoded(Components.Schemas.ComplaintPage.self, queue).items.isEmpty)
        }
    }

    @Test("What the API answered is what the queue and the export show: NFC, trimmed", arguments: HTTPHarness.Engine.available)
    func storedAsAnswered(engine: HTTPHarness.Engine) async throws {
        let harness = try await HTTPHarness.make(on: engine)
        // "Café" with the accent as a combining mark, as some input methods send it.
        let typed = "  杭州 Cafe\u{0301} 餐饮管理有限公司 "
        let stored = "杭州 Café 餐饮管理有限公司"
        try await harness.application().test(.router) { client in
            let filed = try await client.execute(
                uri: "/v1/complaints", method: .post, headers: harness.headers("sme"),
                body: filingJSON {
                    set(&$0, ["complainant", "name"], typed)
                    set(&$0, ["facts"], "2025年9月30日验收合格。\r\n尾款至今未付。")
                })
            #expect(filed.status == .created, "\(String(buffer: filed.body))")
            let answered = try complaint(filed)
            #expect(answered.filing.complainant.name == stored)
            #expect(answered.filing.facts == "2025年9月30日验收合格。\n尾款至今未付。")
            let read = try await client.execute(uri: "/v1/complaints/\(answered.id)", method: .get, headers: harness.headers("intake"))
            #expect(try complaint(read).filing.complainant.name == stored)
            let queue = try await client.execute(uri: "/v1/complaints", method: .get, headers: harness.headers("intake"))
            #expect(try decoded(Components.Schemas.ComplaintPage.self, queue).items.map(\.complainantName) == [stored])
            let export = try await client.execute(uri: "/v1/exports/complaints", method: .get, headers: harness.headers("intake"))
            #expect(String(buffer: export.body).contains(",\(stored),"))
        }
    }

    @Test("A decision's reason and an account's name follow the same policy", arguments: HTTPHarness.Engine.available)
    func decisionsAndAccounts(engine: HTTPHarness.Engine) async throws {
        let harness = try await HTTPHarness.make(on: engine)
        try await harness.application().test(.router) { client in
            let filed = try await client.execute(uri: "/v1/complaints", method: .post, headers: harness.headers("sme"), body: filingJSON())
            let id = try complaint(filed).id
            let reject = try await client.execute(
                uri: "/v1/complaints/\(id)/reject", method: .post, headers: harness.headers("intake", ["If-Match": "\"1\""]),
                body: ByteBuffer(string: #"{"ground": "other_body_involved", "reason": "已进入诉讼\u001b]0;owned\u0007程序"}"#))
            #expect(reject.status == .unprocessableContent)
            #expect(try problem(reject).fields == ["reason"] && problem(reject).rules == ["text.control-character"])
            let registered = try await client.execute(
                uri: "/v1/accounts/sme", method: .post, headers: harness.headers(nil),
                body: ByteBuffer(
                    string: #"""
                        {"name": "\u202e司公限有设建例示州杭", "creditCode": "91310000132260250X", "password": "correct horse battery 9",
                         "contact": {"person": "王芳", "phone": "0571-87000000"}}
                        """#))
            #expect(registered.status == .unprocessableContent, "\(String(buffer: registered.body))")
            #expect(try problem(registered).fields == ["name"] && problem(registered).rules == ["text.bidi-control"])
        }
    }
}
