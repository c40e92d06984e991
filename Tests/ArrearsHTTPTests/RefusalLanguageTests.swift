import ArrearsAPI
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// A refused filing reads in the SME's language; what a program reads (type, field, rule, status) does not change.
@Suite("A refusal in the reader's language")
struct RefusalLanguageTests {
    @Test("A filing delivered before it was signed and overdue beyond its amount is refused in Chinese, or in English on request")
    func refusedFiling() async throws {
        let harness = try await HTTPHarness.make()
        try await harness.application().test(.router) { client in
            let body = filingJSON { filing in
                set(&filing, ["contracts", 0, "deliveredOn"], "2025-03-01")
                set(&filing, ["contracts", 0, "amountOverdue"], 200_000_000)
            }
            let (zh, en) = try await Self.refusal(of: body, harness: harness, client: client)
            #expect(zh._type == en._type && zh.fields == en.fields && zh.rules == en.rules)
            #expect(zh.fields == ["contracts[0].deliveredOn", "contracts[0].amountOverdue"])
            #expect(zh.rules == ["date.before-signing", "money.overdue-exceeds-contract"])
            #expect(zh.title == "请求不符合规则" && en.title == "The request breaks a rule")
            #expect(zh.violations?.map(\.detail) == ["交付日期2025年3月1日早于合同签订日期2025年3月18日", "逾期金额¥2,000,000.00超过合同金额¥1,280,000.00"])
            #expect(
                en.violations?.map(\.detail) == [
                    "delivered on 2025-03-01, before the contract was signed on 2025-03-18",
                    "overdue ¥2,000,000.00 is more than the contract amount ¥1,280,000.00",
                ])
            #expect(
                zh.detail
                    == "contracts[0].deliveredOn：交付日期2025年3月1日早于合同签订日期2025年3月18日、contracts[0].amountOverdue：逾期金额¥2,000,000.00超过合同金额¥1,280,000.00")
            #expect(
                en.detail
                    == "contracts[0].deliveredOn: delivered on 2025-03-01, before the contract was signed on 2025-03-18, "
                    + "contracts[0].amountOverdue: overdue ¥2,000,000.00 is more than the contract amount ¥1,280,000.00")
        }
    }

    @Test("A respondent's credit code with a wrong check character names the character it needs, in both languages")
    func refusedCreditCode() async throws {
        let harness = try await HTTPHarness.make()
        try await harness.application().test(.router) { client in
            let body = filingJSON { set(&$0, ["respondent", "creditCode"], "91310000607216596P") }
            let (zh, en) = try await Self.refusal(of: body, harness: harness, client: client)
            #expect(zh.fields == ["respondent.creditCode"] && en.fields == zh.fields && en.rules == ["credit-code.check-character"])
            #expect(zh.violations?.first?.detail == "校验码为“P”，但按前17位应为“U”")
            #expect(en.violations?.first?.detail == "check character is 'P' but the first 17 characters require 'U'")
        }
    }

    /// The same refused request read by a Chinese and an English client.
    static func refusal(of body: ByteBuffer, harness: HTTPHarness, client: some TestClientProtocol) async throws -> (
        Components.Schemas.Problem, Components.Schemas.Problem
    ) {
        let chinese = try await client.execute(uri: "/v1/complaints", method: .post, headers: harness.headers("sme"), body: body)
        let english = try await client.execute(
            uri: "/v1/complaints", method: .post, headers: harness.headers("sme", ["Accept-Language": "en"]), body: body)
        #expect(chinese.status == .unprocessableContent && english.status == .unprocessableContent)
        #expect(chinese.headers[.contentLanguage] == "zh-CN" && english.headers[.contentLanguage] == "en")
        return (try problem(chinese), try problem(english))
    }

    @Test("A complaint's running clock explains itself in the reader's language")
    func deadlineExplanation() async throws {
        let harness = try await HTTPHarness.make()
        try await harness.application().test(.router) { client in
            let filed = try await client.execute(uri: "/v1/complaints", method: .post, headers: harness.headers("sme"), body: filingJSON())
            #expect(filed.status == .created)
            let id = try complaint(filed).id
            for (language, starts) in [("zh-CN", "自"), ("en", "10 working days from ")] {
                let read = try await client.execute(
                    uri: "/v1/complaints/\(id)", method: .get, headers: harness.headers("sme", ["Accept-Language": language]))
                let deadline = try #require(try complaint(read).deadline)
                #expect(deadline.explanation?.hasPrefix(starts) == true, "\(deadline.explanation ?? "none")")
                #expect(read.headers[.contentLanguage] == language)
            }
        }
    }

    @Test("A review clock filed on 2026-12-24 runs into 2027, whose table is not loaded: a date, marked provisional, and why")
    func provisionalClock() async throws {
        let harness = try await HTTPHarness.make(at: "2026-12-24T02:00:00Z")
        try await harness.application().test(.router) { client in
            let filed = try await client.execute(uri: "/v1/complaints", method: .post, headers: harness.headers("sme"), body: filingJSON())
            let deadline = try #require(try complaint(filed).deadline)
            #expect(deadline.dueOn == "2027-01-07" && deadline.provisional == true)
            #expect(deadline.explanation?.hasSuffix("暂定：2027年节假日安排尚未导入，该年暂按周末计算，导入后重新计算") == true, "\(deadline.explanation ?? "")")
        }
    }
}
