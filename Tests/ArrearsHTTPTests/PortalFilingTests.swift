import ArrearsAPI
import ArrearsTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

/// Filing in the portal, page by page, without a browser: drafts on the server, refusals beside the question, check your
/// answers, one complaint however often it is submitted.
@Suite("Filing a complaint in the portal")
struct PortalFilingTests {
    @Test("Two contracts, a bad amount fixed, checked and submitted twice: one complaint, its number and its review deadline")
    func journey() async throws {
        let harness = try await HTTPHarness.make()
        try await harness.application().test(.router) { client in
            let sme = try #require(harness.tokens["sme"])
            var token = ""
            func get(_ path: String) async throws -> TestResponse {
                let response = try await client.execute(uri: path, method: .get, headers: [.cookie: "arrears_session=\(sme)"])
                let html = String(buffer: response.body)
                if let range = html.range(of: #"name="csrf" value=""#) { token = String(html[range.upperBound...].prefix { $0 != "\"" }) }
                return response
            }
            func post(_ path: String, _ fields: [String: String]) async throws -> TestResponse {
                let body = (fields.merging(["csrf": token]) { a, _ in a }).map {
                    "\($0.key.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)=\($0.value.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)"
                }.joined(separator: "&")
                return try await client.execute(
                    uri: path, method: .post,
                    headers: [.cookie: "arrears_session=\(sme)", .contentType: "application/x-www-form-urlencoded"], body: ByteBuffer(string: body))
            }
            let start = try await get("/file")
            #expect(start.status == .ok && String(buffer: start.body).contains("开始填写新的投诉"))
            let started = try await post("/file", [:])
            let draft = try #require(started.headers[.location])
            #expect(started.status == .seeOther && draft.hasPrefix("/file/"))
            let complainantPage = String(buffer: try await get(draft + "/section/complainant").body)
            #expect(complainantPage.contains(#"value="91330100716105852F""#), "the credit code comes from the account")
            #expect(complainantPage.contains(#"autocomplete="tel""#))
            let complainant = try await post(
                draft + "/section/complainant",
                [
                    "complainant.name": "杭州示例建设有限公司", "complainant.creditCode": "91330100716105852F", "complainant.region": "330100",
                    "complainant.industry": "construction", "complainant.declaredSize": "small", "complainant.contact.person": "王芳",
                    "complainant.contact.phone": "0571-87000000", "complainant.contact.email": "wang.fang@example.cn",
                ])
            #expect(complainant.status == .seeOther && complainant.headers[.location] == draft)
            let respondent = try await post(
                draft + "/section/respondent",
                [
                    "respondent.name": "浙江省示例职业技术学院", "respondent.kind": "public_institution", "respondent.level": "provincial",
                    "respondent.region": "339999", "respondent.supervisingAuthority": "浙江省教育厅",
                ])
            let respondentHTML = String(buffer: respondent.body)
            #expect(respondent.status == .unprocessableContent && respondentHTML.contains("339999不是GB/T 2260行政区划代码"))
            #expect(respondentHTML.contains(##"<a href="#respondent-region">"##) && respondentHTML.contains(#"value="浙江省示例职业技术学院""#))
            #expect(
                try await post(
                    draft + "/section/respondent",
                    [
                        "respondent.name": "浙江省示例职业技术学院", "respondent.kind": "public_institution", "respondent.level": "provincial",
                        "respondent.region": "330000", "respondent.supervisingAuthority": "浙江省教育厅",
                    ]
                ).status == .seeOther)
            var contract = [
                "contracts[0].number": "ZJ-2025-0318", "contracts[0].subject": "works", "contracts[0].signedOn": "2025-03-18",
                "contracts[0].amount": "1,280,000", "contracts[0].deliveredOn": "2025-09-30", "contracts[0].paymentTermDays": "30",
                "contracts[0].amountOverdue": "456000.555",
            ]
            let bad = try await post(draft + "/contract/0", contract)
            #expect(bad.status == .unprocessableContent && String(buffer: bad.body).contains("最多两位小数，收到“456000.555”"))
            contract["contracts[0].amountOverdue"] = "456,000"
            #expect(try await post(draft + "/contract/0", contract).status == .seeOther)
            let added = try await post(draft + "/contract", [:])
            #expect(added.headers[.location] == draft + "/contract/1")
            #expect(
                try await post(
                    draft + "/contract/1",
                    [
                        "contracts[1].number": "ZJ-2025-0402", "contracts[1].subject": "services", "contracts[1].signedOn": "2025-04-02",
                        "contracts[1].amount": "200000", "contracts[1].deliveredOn": "2025-10-15", "contracts[1].amountOverdue": "50000.50",
                    ]
                ).status == .seeOther)
            let tasks = String(buffer: try await get(draft).body)
            #expect(tasks.contains("第2份合同") && !tasks.contains("检查并提交</a>"), "facts still to do")
            #expect(
                try await post(
                    draft + "/section/facts",
                    ["facts": "校园道路改造工程已于2025年9月30日验收合格，尾款至今未付。", "demand": "支付尾款及逾期利息。", "otherBodyInvolved": "no"]
                ).status == .seeOther)
            // Evidence with the draft: a PDF kept, a text file refused beside the field with the PDF still listed.
            func upload(_ name: String, _ type: String, _ bytes: [UInt8]) async throws -> TestResponse {
                _ = try await get(draft + "/files")
                let form = multipartForm(token: token, name: name, type: type, bytes: bytes)
                return try await client.execute(
                    uri: draft + "/files", method: .post, headers: [.cookie: "arrears_session=\(sme)", .contentType: form.contentType],
                    body: form.body)
            }
            let pdf = EvidenceSamples.pdf()
            #expect(try await upload("验收报告.pdf", "application/pdf", pdf).headers[.location] == draft + "/files")
            let refused = try await upload("notes.txt", "text/plain", Array("not a pdf at all".utf8))
            let refusedHTML = String(buffer: refused.body)
            #expect(refused.status == .unsupportedMediaType && refusedHTML.contains(#"id="file-error""#) && refusedHTML.contains("验收报告.pdf"))
            #expect(String(buffer: try await get(draft).body).contains("已上传1个文件"))
            let check = try await get(draft + "/check")
            let checkHTML = String(buffer: check.body)
            #expect(checkHTML.contains("验收报告.pdf") && checkHTML.contains("PDF，\(pdf.count)字节"))
            #expect(check.status == .ok && checkHTML.contains("¥456,000.00") && checkHTML.contains("¥50,000.50"))
            #expect(checkHTML.contains(#"href="\#(draft)/contract/1?return=check""#), "a change link per answer")
            let submitted = try await post(draft + "/submit", [:])
            let confirmation = try #require(submitted.headers[.location])
            #expect(submitted.status == .seeOther && confirmation.hasSuffix("/filed"))
            let again = try await post(draft + "/submit", [:])
            #expect(again.headers[.location] == confirmation, "a second submission lands on the same complaint")
            let filed = String(buffer: try await get(confirmation).body)
            #expect(filed.contains("投诉已登记") && filed.contains("受理投诉部门应在2026年11月16日前决定是否受理"))
            #expect(filed.contains("跳过") || filed.contains("10个工作日"), "the deadline's counting")
            let number = try #require(confirmation.split(separator: "/").dropLast().last.map(String.init))
            let receipt = String(buffer: try await get("/complaints/\(number)/receipt").body)
            #expect(receipt.contains("投诉登记回执") && receipt.contains(number) && receipt.contains("2026年11月2日 09:30"))
            #expect(receipt.contains("杭州示例建设有限公司（91330100716105852F）") && receipt.contains("ZJ-2025-0402") && receipt.contains("¥50,000.50"))
            let list = try decoded(
                Components.Schemas.ComplaintPage.self, try await client.execute(uri: "/v1/complaints", method: .get, headers: harness.headers("sme")))
            #expect(list.items.count == 1 && list.items[0].amountClaimed == 45_600_000 + 5_000_050, "one complaint with both contracts")
            let evidence = try decoded(
                Components.Schemas.EvidenceList.self,
                try await client.execute(uri: "/v1/complaints/\(list.items[0].id)/evidence", method: .get, headers: harness.headers("intake")))
            #expect(evidence.items.map(\.name) == ["验收报告.pdf"], "the draft's file is filed once, though submitted twice")
            #expect(!String(buffer: try await get("/file").body).contains("对浙江省示例职业技术学院的投诉"), "a filed draft leaves the list")
        }
    }
}
