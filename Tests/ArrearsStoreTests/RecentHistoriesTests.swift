import ArrearsCore
import ArrearsStore
import ArrearsTestSupport
import Testing

@Suite("Complaint histories read once per version")
struct RecentHistoriesTests {
    @Test("The same version and account answer from memory; an account claiming the complaint or a new version read again")
    func freshness() throws {
        let cache = RecentHistories(capacity: 2)
        // Filed by letter at intake for the company; the same complaint once its SME account has claimed it (the stores
        // write the account into the row without a new version); then accepted (version 2, one event more).
        let (filed, registered) = Fixtures.registered(
            Fixtures.filing(channel: .letter), id: "c-1", by: Fixtures.nationalIntake, at: "2026-11-02T01:00:00Z")
        let (claimed, _) = Fixtures.registered(id: "c-1", by: Fixtures.sme, at: "2026-11-02T01:00:00Z")
        var reads = 0
        func read(_ key: String, _ complaint: Complaint, version: Int, account: String?, events: Int = 1) -> RecentHistories.History {
            cache.history(key, version: version, account: account) {
                reads += 1
                return (complaint, Array(repeating: registered, count: events))
            }
        }
        #expect(read("c-1", filed, version: 1, account: nil).complaint == filed)
        #expect(read("c-1", filed, version: 1, account: nil).complaint == filed)
        #expect(reads == 1, "the second read of version 1 is answered from memory")
        #expect(read("c-1", claimed, version: 1, account: "sme-hz").complaint.complainantAccount == AccountID("sme-hz"))
        #expect(reads == 2, "never the copy from before the account claimed it")
        #expect(read("c-1", claimed, version: 2, account: "sme-hz", events: 2).events.count == 2)
        #expect(reads == 3, "a new version is read again, with its new event")
        // Full (two entries): other keys make room, and what comes back is always what was read for that key.
        let (other, _) = Fixtures.registered(id: "c-2", at: "2026-11-02T02:00:00Z")
        #expect(read("c-2", other, version: 1, account: "sme-hz").complaint == other)
        #expect(read(filed.number, filed, version: 1, account: nil).complaint == filed)
        #expect(read("c-1", claimed, version: 2, account: "sme-hz", events: 2).events.count == 2)
    }
}
