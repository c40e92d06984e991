import ArrearsCore
import ArrearsStore
import Foundation

extension ComplaintStoreContract {
    /// A second complaint between the same parties on the same contract is flagged as a possible duplicate of the first;
    /// one against another respondent is not.
    public func relatedComplaintsAreFlagged() async throws {
        let store = try await makeStore()
        let (first, firstEvent) = Fixtures.registered(at: "2026-11-02T01:30:00Z")
        let original = try await store.register(first, event: firstEvent, idempotency: nil).complaint
        expect(original.findings.isEmpty, "the first complaint has no related findings, got \(original.findings)")
        let (second, secondEvent) = Fixtures.registered(at: "2026-11-03T01:30:00Z")
        let repeated = try await store.register(second, event: secondEvent, idempotency: nil).complaint
        expect(
            repeated.findings.map(\.code) == ["duplicate.possible"] && repeated.findings.first?.related == original.number,
            "the second is flagged as a possible duplicate of \(original.number), got \(repeated.findings)")
        var other = Fixtures.filing()
        other.respondent.creditCode = nil
        other.respondent.name = "浙江省示例医院"
        let (third, thirdEvent) = Fixtures.registered(other, at: "2026-11-04T01:30:00Z")
        let unrelated = try await store.register(third, event: thirdEvent, idempotency: nil).complaint
        expect(unrelated.findings.isEmpty, "another respondent is not a duplicate, got \(unrelated.findings)")
    }

    /// Holiday tables and routing tables are stored in order; the latest routing table is the one in force.
    public func referenceDataIsVersioned() async throws {
        let store = try await makeStore()
        let shipped = try await store.routingInForce()
        expect(shipped.version == 0, "before any import the shipped routing table (version 0) applies")
        var table = shipped.table
        table.rules.removeAll { $0.id == "zj-fallback" }
        let version = try await store.recordRoutingTable(table, by: "admin", at: Fixtures.instant("2026-11-02T01:30:00Z"))
        let inForce = try await store.routingInForce()
        expect(version == 1 && inForce.version == 1 && inForce.table == table, "the imported table is version 1 and in force")
        let year = "date,kind,name\n2027-01-01,holiday,New Year's Day\n2027-10-01,holiday,National Day\n"
        try await store.recordCalendarImport(csv: year, years: 2027...2027, by: "admin", at: Fixtures.instant("2026-11-02T01:30:00Z"))
        let calendar = try await store.workingDayCalendar()
        expect(calendar.years == 2004...2027, "the imported year extends the shipped calendar, got \(calendar.years)")
    }
}
