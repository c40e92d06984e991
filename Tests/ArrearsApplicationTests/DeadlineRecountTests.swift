import ArrearsApplication
import ArrearsCore
import ArrearsSQLite
import ArrearsStore
import ArrearsTestSupport
import Foundation
import Testing

/// A clock counted provisionally into 2027 becomes definite, with an event, when the 2027 table is loaded.
@Suite("Provisional clocks recounted when the table is loaded")
struct DeadlineRecountTests {
    @Test("Filed on 2026-12-24: review due 2027-01-07 provisionally; after loading 2027, due 2027-01-08 with an event")
    func recount() async throws {
        let tests = PlatformTests()
        let (platform, store) = try tests.platform(at: "2026-12-24T02:00:00Z")
        let sme = tests.caller(Fixtures.sme, creditCode: "91330100716105852F")
        guard case let .created(filed) = try await platform.file(Fixtures.filing(), idempotencyKey: "recount-1", by: sme) else {
            Issue.record("filed")
            return
        }
        #expect(filed.complaint.deadline?.dueOn == Fixtures.date("2027-01-07") && filed.complaint.deadline?.provisional == true)

        let loaded = try Fixtures.calendar.loading(WorkingDayCalendar(csv: Fixtures.table2027))
        try await store.recordCalendarImport(csv: Fixtures.table2027, years: 2027...2027, by: "李工", at: Date())
        let lifecycle = Lifecycle(rules: Fixtures.rules, calendar: loaded, sizes: Fixtures.sizes)
        let recounted = try await DeadlineRecount.run(
            store: store, lifecycle: lifecycle, by: "李工", at: Fixtures.instant("2026-12-25T01:00:00Z"))
        #expect(recounted == 1)

        let (complaint, events) = try #require(try await store.history(of: filed.complaint.id, visibleTo: Fixtures.zhejiangIntake))
        #expect(complaint.deadline?.dueOn == Fixtures.date("2027-01-08") && complaint.deadline?.provisional == false)
        #expect(complaint.state == .submitted && complaint.version == 2)
        let event = try #require(events.last)
        #expect(event.kind == .deadlineRecounted && event.actorName == "李工" && event.detail.deadline?.dueOn == Fixtures.date("2027-01-08"))
        #expect(try await store.auditReport(of: nil, visibleTo: nil).broken == nil, "the recount is chained like every event")
        #expect(try await DeadlineRecount.run(store: store, lifecycle: lifecycle, by: "李工", at: Date()) == 0, "nothing provisional is left")
    }

    @Test(
        "On either engine: a handling period forwarded on 2026-12-10 ends provisionally on 2027-01-11, and definitely after the load",
        arguments: ScratchDatabase.url == nil ? ["sqlite"] : ["sqlite", "postgres"])
    func recountOnEngine(_ engine: String) async throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("arrears-recount-\(UUID().uuidString).sqlite")
        defer {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: file.path + suffix) }
        }
        let store: any ComplaintStore =
            engine == "postgres" ? try await ScratchDatabase.store() : try SQLiteComplaintStore.open(path: file.path)
        let before = Lifecycle(rules: Fixtures.rules, calendar: Fixtures.calendar, sizes: Fixtures.sizes)
        let at = Fixtures.instant("2026-12-10T02:00:00Z")
        var (complaint, first) = try before.register(
            Fixtures.filing(channel: .letter), id: ComplaintID(UUID().uuidString), complainantAccount: nil, by: Fixtures.zhejiangIntake, at: at)
        _ = try await store.register(complaint, event: first, idempotency: nil)
        for command in [ComplaintCommand.accept(note: nil), .forward(to: try DepartmentID("ZJ-EDU"), note: nil)] {
            let version = complaint.version
            complaint = try await store.transition(complaint.id, visibleTo: Fixtures.zhejiangIntake, expectedVersion: version) { current in
                try before.apply(command, to: current, by: Fixtures.zhejiangIntake, at: at, routing: Fixtures.routing)
            }
        }
        #expect(complaint.deadline?.dueOn == Fixtures.date("2027-01-11") && complaint.deadline?.provisional == true)
        let after = Lifecycle(
            rules: Fixtures.rules, calendar: try Fixtures.calendar.loading(WorkingDayCalendar(csv: Fixtures.table2027)), sizes: Fixtures.sizes)
        #expect(try await DeadlineRecount.run(store: store, lifecycle: after, by: "李工", at: Fixtures.instant("2026-12-20T01:00:00Z")) == 1)
        let recounted = try #require(try await store.complaint(complaint.id, visibleTo: Fixtures.zhejiangIntake))
        #expect(recounted.deadline?.dueOn == Fixtures.date("2027-01-11") && recounted.deadline?.provisional == false && recounted.state == .forwarded)
        #expect(recounted.deadline?.stage == .handling && recounted.deadline?.nominalDueOn == Fixtures.date("2027-01-09"))
    }
}
