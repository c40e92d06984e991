import ArrearsCore
import ArrearsMessages
import ArrearsTestSupport
import Foundation
import Testing

/// The size test, the late-payment reckoning and the eligibility findings are facts in the core, worded here.
@Suite("The core's facts in both languages")
struct FactsWordingTests {
    let zh = Wording(.chinese)
    let en = Wording(.english)

    @Test("The size test words each comparison on the standard's own scale: people and 万元")
    func sizeTest() throws {
        let result = try Fixtures.sizes.classify(.construction, SizeInputs(annualRevenue: 5_000 * 1_000_000, totalAssets: 4_000 * 1_000_000))
        #expect(
            zh.fact(result.reasoning)
                == "属于中小企业：营业收入Y=5000万元＜80000万元且资产总额Z=4000万元＜80000万元；非中型：营业收入Y=5000万元＜6000万元且资产总额Z=4000万元＜5000万元；"
                + "小型：营业收入Y=5000万元≥300万元且资产总额Z=4000万元≥300万元")
        #expect(
            en.fact(result.reasoning)
                == "SME: Y=5000万元 < 80000万元 and Z=4000万元 < 80000万元; not medium: Y=5000万元 < 6000万元 and Z=4000万元 < 5000万元; "
                + "small: Y=5000万元 ≥ 300万元 and Z=4000万元 ≥ 300万元")
        let large = try Fixtures.sizes.classify(.industry, SizeInputs(employees: 1_200, annualRevenue: 50_000 * 1_000_000))
        #expect(
            zh.fact(large.reasoning)
                == "不属于中小企业：从业人员X=1200人≥1000人且营业收入Y=50000万元≥40000万元（中小企业须从业人员X＜1000人或营业收入Y＜40000万元）")
    }

    @Test("Late-payment interest: the term, the due date, the days overdue and the sum, at 0.05% a day")
    func latePayment() throws {
        let complaint = Fixtures.registered(at: "2026-11-02T01:30:00Z").0
        let late = try #require(LatePayment.assess(complaint, today: Fixtures.date("2026-11-30"), calendar: Fixtures.calendar).first)
        #expect(late.daysOverdue == 396 && late.interest == Fixtures.fen(9_028_800))
        #expect(
            zh(late.reckoning)
                == "约定的30日付款期限自2025年9月30日起算，至2025年10月30日届满；截至2026年11月30日逾期396日；¥456,000.00×0.05%×396=¥90,288.00（四舍五入到分）")
        #expect(
            en(late.reckoning)
                == "the agreed 30-day term from 2025-09-30 ran to 2025-10-30; 396 days overdue on 2026-11-30; "
                + "¥456,000.00 × 0.05% × 396 = ¥90,288.00 (rounded half up to the fen)")
    }

    @Test("A finding names the other complaint, or says 另一件投诉 to a reader who may not open it")
    func findings() throws {
        let earlier = RelatedComplaint(
            id: ComplaintID("b"), number: "ARR-2025-000007", state: .closed, hasResult: true, contractNumbers: ["ZJ-2025-0318"], amountsOverdue: [])
        let finding = try #require(Eligibility.findings(Fixtures.filing(), related: [earlier]).first)
        #expect(zh(finding.message) == "ARR-2025-000007涉及相同合同编号，已有处理结果；再次投诉须有新的事实或理由")
        #expect(en(finding.message) == "ARR-2025-000007 about the same contract number already has a result; a repeat needs new facts or reasons")
        var complaint = Fixtures.registered(at: "2026-11-02T01:30:00Z").0
        complaint.findings = [finding]
        let withheld = try #require(complaint.withholding(["ARR-2025-000007"]).findings.first)
        #expect(zh(withheld.message) == "另一件投诉涉及相同合同编号，已有处理结果；再次投诉须有新的事实或理由")
    }

    @Test("A finding or a clock problem stored as an English sentence before findings kept facts is read back as it was")
    func recordedSentences() throws {
        let finding = try JSONDecoder().decode(
            EligibilityFinding.self,
            from: Data(
                #"{"code":"eligibility.declared-large","ground":"not_sme","detail":"the complainant declares itself a large enterprise"}"#.utf8))
        #expect(finding.recordedDetail == "the complainant declares itself a large enterprise" && finding.facts.isEmpty)
        let again = try JSONDecoder().decode(EligibilityFinding.self, from: JSONEncoder().encode(finding))
        #expect(again == finding, "rewriting a complaint keeps the recorded sentence")
        let deadline = try JSONDecoder().decode(
            Deadline.self,
            from: Data(
                #"{"stage":"review","unit":"working_days","length":10,"startedOn":"2026-12-28","problem":"the working-day calendar ends with 2026","explanation":"old words"}"#
                    .utf8))
        #expect(zh(try #require(deadline.problem)) == "the working-day calendar ends with 2026")
    }
}
