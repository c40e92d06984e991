import ArrearsStore
import Testing

@Suite("The audit chain walker")
struct AuditChainWalkerTests {
    @Test("Events from before the chain are counted as unchained; the chain restarts after them")
    func unchained() {
        var walker = AuditChain.Walker()
        let second = AuditChain.hash(previous: AuditChain.genesis, fields: ["c1", "2", "accepted"])
        walker.check(complaint: "c1", number: "ARR-2025-000001", sequence: 1, fields: ["c1", "1", "submitted"], previousHash: nil, hash: nil)
        walker.check(
            complaint: "c1", number: "ARR-2025-000001", sequence: 2, fields: ["c1", "2", "accepted"], previousHash: AuditChain.genesis, hash: second)
        walker.checkVersion(number: "ARR-2025-000001", version: 2, lastSequence: 2)
        #expect(walker.report.broken == nil && walker.report.unchained == 1 && walker.report.events == 2)
    }

    @Test("A nil field and an empty one hash differently, and so do fields that run together")
    func unambiguous() {
        #expect(AuditChain.hash(previous: AuditChain.genesis, fields: [nil]) != AuditChain.hash(previous: AuditChain.genesis, fields: [""]))
        #expect(
            AuditChain.hash(previous: AuditChain.genesis, fields: ["ab", "c"]) != AuditChain.hash(previous: AuditChain.genesis, fields: ["a", "bc"]))
    }
}
