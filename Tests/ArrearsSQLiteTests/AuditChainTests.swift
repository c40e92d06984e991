import ArrearsCore
import ArrearsSQLite
import ArrearsStore
import ArrearsTestSupport
import Foundation
import GRDB
import Testing

@Suite("Each complaint's event log is a hash chain")
struct AuditChainTests {
    /// Two complaints; the first accepted, forwarded and resolved (events 1–4), the second only filed.
    func populated() async throws -> (path: String, store: SQLiteComplaintStore) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("arrears-audit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("arrears.sqlite").path
        let store = try SQLiteComplaintStore.open(path: path)
        let (first, event) = Fixtures.registered(at: "2026-11-02T01:30:00Z")
        _ = try await store.register(first, event: event, idempotency: nil)
        let steps: [(ComplaintCommand, Actor, String)] = [
            (.accept(note: "材料齐全"), Fixtures.zhejiangIntake, "2026-11-03T02:00:00Z"),
            (.forward(to: try DepartmentID("ZJ-EDU"), note: nil), Fixtures.zhejiangIntake, "2026-11-04T02:00:00Z"),
            (
                .resolve(outcome: .paidInFull, amountPaid: Fixtures.fen(45_600_000), summary: "已全额支付"), Fixtures.educationHandler,
                "2026-11-20T02:00:00Z"
            ),
        ]
        for (version, (command, actor, iso)) in steps.enumerated() {
            _ = try await store.transition(first.id, visibleTo: actor, expectedVersion: version + 1) { current in
                try Fixtures.lifecycle.apply(command, to: current, by: actor, at: Fixtures.instant(iso))
            }
        }
        var other = Fixtures.filing()
        other.contracts[0].number = "ZJ-2025-0901"
        other.contracts[0].amountOverdue = Fixtures.fen(1_000_000)
        let (second, secondEvent) = Fixtures.registered(other, at: "2026-11-05T01:30:00Z")
        _ = try await store.register(second, event: secondEvent, idempotency: nil)
        return (path, store)
    }

    /// Changes the file the way an intruder with the file would: around the triggers.
    func tamper(_ path: String, _ sql: String) throws {
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in
            try db.execute(sql: "DROP TRIGGER complaint_events_are_not_updated; DROP TRIGGER complaint_events_are_not_deleted")
            try db.execute(sql: sql)
        }
    }

    @Test("An untouched database verifies: every complaint, every event")
    func intact() async throws {
        let (_, store) = try await populated()
        let report = try await store.auditReport(of: nil, visibleTo: nil)
        #expect(report.complaints == 2 && report.events == 5 && report.unchained == 0 && report.broken == nil)
    }

    @Test("Changing one event's text in the file breaks the chain there, and verify names it")
    func changedRow() async throws {
        let (path, store) = try await populated()
        try tamper(path, "UPDATE complaint_events SET detail = replace(detail, '材料齐全', '材料不全') WHERE sequence = 2")
        let report = try await store.auditReport(of: nil, visibleTo: nil)
        #expect(report.broken?.complaint == "ARR-2026-000001" && report.broken?.sequence == 2, "\(String(describing: report.broken))")
        #expect(report.broken?.reason.id == "audit.changed")
        let other = try await store.auditReport(of: ComplaintID("ARR-2026-000002"), visibleTo: nil)
        #expect(other.broken == nil && other.events == 1, "the other complaint's chain still holds")
    }

    @Test("A changed amount, a deleted middle event and a deleted last event are each found")
    func otherTampering() async throws {
        let (path, store) = try await populated()
        try tamper(path, "UPDATE complaint_events SET amount_paid_fen = 1 WHERE sequence = 4")
        #expect(try await store.auditReport(of: nil, visibleTo: nil).broken?.sequence == 4)

        let (middlePath, middleStore) = try await populated()
        try tamper(middlePath, "DELETE FROM complaint_events WHERE sequence = 3")
        let middle = try await middleStore.auditReport(of: nil, visibleTo: nil)
        #expect(middle.broken?.sequence == 4 && middle.broken?.reason == Message("audit.out-of-order", ["expected": "3", "found": "4"]))

        let (lastPath, lastStore) = try await populated()
        try tamper(lastPath, "DELETE FROM complaint_events WHERE sequence = 4")
        let last = try await lastStore.auditReport(of: nil, visibleTo: nil)
        #expect(last.broken?.complaint == "ARR-2026-000001" && last.broken?.reason == Message("audit.history-short", ["version": "4", "last": "3"]))
    }

    @Test("A provincial supervisor's verification covers only their province")
    func scoped() async throws {
        let (_, store) = try await populated()
        let guangdong = Actor(account: AccountID("supervisor-gd"), role: .supervisor, province: Fixtures.region("440000"))
        #expect(try await store.auditReport(of: nil, visibleTo: guangdong).complaints == 0)
        #expect(try await store.auditReport(of: nil, visibleTo: Fixtures.zhejiangSupervisor).complaints == 2)
    }
}
