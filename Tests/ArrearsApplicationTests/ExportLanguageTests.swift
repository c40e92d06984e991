import ArrearsApplication
import ArrearsCore
import ArrearsMessages
import ArrearsSQLite
import ArrearsStore
import ArrearsTestSupport
import Foundation
import Testing

/// The complaint export reads as its reader's language writes: worded values and China Standard Time, with the codes
/// a program reads kept in columns of their own.
@Suite("The complaint export in the reader's language")
struct ExportLanguageTests {
    func exported(_ language: Language) async throws -> [[String]] {
        let tests = PlatformTests()
        let (platform, _) = try tests.platform()
        let sme = tests.caller(Fixtures.sme, creditCode: "91330100716105852F")
        _ = try await platform.file(Fixtures.filing(), idempotencyKey: "export-1", by: sme)
        let pager = try await platform.export(
            receivedFrom: nil, through: nil, fullContacts: false, in: language, by: tests.caller(Fixtures.zhejiangIntake))
        var bytes: [UInt8] = []
        while let chunk = try await pager.next() { bytes += chunk }
        let text = String(decoding: bytes.dropFirst(3), as: UTF8.self)
        return text.split(separator: "\r\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
    }

    @Test("Chinese headers, 已登记 and 建筑业 beside submitted and construction, the time in Beijing")
    func chinese() async throws {
        let rows = try await exported(.chinese)
        let (header, row) = (rows[0], rows[1])
        func value(_ column: String) -> String? { header.firstIndex(of: column).map { row[$0] } }
        #expect(header.first == "编号" && header.contains("登记时间(北京时间)") && !header.contains { $0.hasPrefix("export.") })
        #expect(value("状态") == "已登记" && value("状态代码") == "submitted")
        #expect(value("行业") == "建筑业" && value("行业代码") == "construction")
        #expect(value("规模") == "小型企业" && value("规模代码") == "small")
        #expect(value("被投诉方类型") == "事业单位" && value("被投诉方类型代码") == "public_institution")
        #expect(value("渠道") == "网上" && value("渠道代码") == "online")
        // Filed at 2026-11-02T01:30:00Z, which is half past nine in Beijing.
        #expect(value("登记时间(北京时间)") == "2026-11-02 09:30:00")
    }

    @Test("English headers and words, the same codes")
    func english() async throws {
        let rows = try await exported(.english)
        let (header, row) = (rows[0], rows[1])
        func value(_ column: String) -> String? { header.firstIndex(of: column).map { row[$0] } }
        #expect(value("state") == "submitted" && value("state code") == "submitted")
        #expect(value("industry") == "construction" && value("respondent kind") == "public institution")
        #expect(value("received (China Standard Time)") == "2026-11-02 09:30:00")
        #expect(rows[0].count == (try await exported(.chinese))[0].count, "the same columns in both languages")
    }
}
