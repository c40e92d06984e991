import ArrearsCore
import ArrearsTestSupport
import Testing

@Suite("Eligibility findings with reason codes")
struct EligibilityTests {
    @Test("A filing that says a court is involved, or a size test that finds a large firm, is flagged with its ground")
    func fromFiling() throws {
        var filing = Fixtures.filing()
        #expect(Eligibility.findings(filing, sizes: Fixtures.sizes).isEmpty)
        filing.otherBodyInvolved = true
        // Construction: revenue 90,000万元 and assets 85,000万元 are both over the 80,000 ceiling.
        filing.complainant.sizeInputs = SizeInputs(annualRevenue: 90_000 * 1_000_000, totalAssets: 85_000 * 1_000_000)
        let findings = Eligibility.findings(filing, sizes: Fixtures.sizes)
        #expect(findings.map(\.code) == ["eligibility.other-body-involved", "eligibility.not-sme-by-size-test"])
        #expect(findings.map(\.ground) == [.otherBodyInvolved, .notSME])
        #expect(findings[1].facts["signedOn"] == .date(Fixtures.date("2025-03-18")), "the size that counts is the size at signing")
    }

    @Test("A contract giving an institution 90 days to pay is flagged: the clause breaks the 60-day limit")
    func termOverLimit() throws {
        var filing = Fixtures.filing()
        filing.contracts[0].paymentTermDays = 90
        let finding = try #require(Eligibility.findings(filing, sizes: Fixtures.sizes).first { $0.code == "contract.term-over-limit" })
        #expect(finding.ground == nil && finding.facts == ["contract": "ZJ-2025-0318", "agreed": "90", "limit": "60"])
        filing.contracts[0].paymentTermDays = 60
        #expect(!Eligibility.findings(filing, sizes: Fixtures.sizes).contains { $0.code == "contract.term-over-limit" })
    }

    @Test("A respondent registered as an individual business is outside the regulation")
    func respondentKind() throws {
        var filing = Fixtures.filing()
        filing.respondent.creditCode = try CreditCode("92330106MA2H00001B")
        #expect(Eligibility.findings(filing, sizes: Fixtures.sizes).map(\.ground) == [.notInScope])
    }

    @Test("An earlier complaint on the same contract: a repeat if it has a result, a possible duplicate while open")
    func related() {
        let filing = Fixtures.filing()
        let open = RelatedComplaint(
            id: ComplaintID("a"), number: "ARR-2026-000001", state: .forwarded, hasResult: false, contractNumbers: ["zj-2025-0318 "],
            amountsOverdue: [])
        let done = RelatedComplaint(
            id: ComplaintID("b"), number: "ARR-2025-000007", state: .closed, hasResult: true, contractNumbers: ["X-1"],
            amountsOverdue: [Fixtures.fen(45_600_000)])
        let unrelated = RelatedComplaint(
            id: ComplaintID("c"), number: "ARR-2025-000009", state: .submitted, hasResult: false, contractNumbers: ["X-2"],
            amountsOverdue: [Fixtures.fen(1)])
        let findings = Eligibility.findings(filing, related: [open, done, unrelated])
        #expect(findings.map(\.code) == ["duplicate.possible", "eligibility.repeat-complaint"])
        #expect(findings.map(\.related) == ["ARR-2026-000001", "ARR-2025-000007"])
        #expect(findings[1].ground == .repeatComplaint)
    }
}
