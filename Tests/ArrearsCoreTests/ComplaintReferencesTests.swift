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
                ground: .repeatComplaint, code: "eligibility.repeat",
                detail: "ARR-2026-000007 about ZJ-2025-0318 already has a result; a repeat needs new facts or reasons", related: "ARR-2026-000007")
        ]
        #expect(complaint.referencedNumbers(in: [event]) == ["ARR-2026-000007"])
        let seen = complaint.withholding(["ARR-2026-000007"])
        #expect(seen.findings[0].related == nil && seen.findings[0].code == "eligibility.repeat")
        #expect(seen.findings[0].detail == "another complaint about ZJ-2025-0318 already has a result; a repeat needs new facts or reasons")
        #expect(complaint.withholding([]) == complaint)
        #expect(event.withholding(["ARR-2026-000007"]) == event, "an event that links nothing is shown as it is")
    }
}
