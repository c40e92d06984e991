import ArrearsCore
import ArrearsTestSupport
import Testing

@Suite("What a complaint tells of the complaints it names")
struct ComplaintReferencesTests {
    @Test("A finding about a complaint the reader may not open keeps its point and loses the number")
    func findingWithheld() {
        let (registered, event) = Fixtures.registered(at: "2026-11-02T01:30:00Z")
        var complaint = registered
        complaint.findings = [
            EligibilityFinding(
                ground: .repeatComplaint, code: "eligibility.repeat-complaint",
                facts: ["number": "ARR-2026-000007", "overlap": .message(Message("overlap.contract-number"))], related: "ARR-2026-000007")
        ]
        #expect(complaint.referencedNumbers(in: [event]) == ["ARR-2026-000007"])
        let seen = complaint.withholding(["ARR-2026-000007"])
        #expect(seen.findings[0].related == nil && seen.findings[0].code == "eligibility.repeat-complaint")
        #expect(seen.findings[0].facts["number"] == .message(Message("complaint.another")))
        #expect(seen.findings[0].facts["overlap"] == complaint.findings[0].facts["overlap"], "the point of the finding stays")
        #expect(!seen.findings[0].message.description.contains("ARR-2026-000007"))
        #expect(complaint.withholding([]) == complaint)
        #expect(event.withholding(["ARR-2026-000007"]) == event, "an event that links nothing is shown as it is")
    }
}
