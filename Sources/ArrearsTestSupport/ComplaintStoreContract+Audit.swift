import ArrearsCore
import ArrearsStore
import Foundation

extension ComplaintStoreContract {
    /// An attachment's record and its event commit together, only within scope, and never past the complaint's allowance.
    public func evidenceRecordsFollowScopeAndAllowance() async throws {
        let store = try await makeStore()
        let (complaint, event) = Fixtures.registered(at: "2026-11-02T01:30:00Z")
        let stored = try await store.register(complaint, event: event, idempotency: nil).complaint
        let at = Fixtures.instant("2026-11-03T02:00:00Z")
        func evidence(_ id: String, bytes: Int) -> Evidence {
            Evidence(
                id: EvidenceID(id), complaintID: stored.id, sha256: String(repeating: "c4", count: 32), type: .pdf, bytes: bytes,
                name: "验收报告.pdf", attachedBy: Fixtures.sme.account, attachedAt: at)
        }
        let lifecycle = Fixtures.lifecycle
        let first = evidence("ev-1", bytes: 600)
        let after = try await store.attach(first, visibleTo: Fixtures.sme, complaintLimit: 1_000) { current in
            try lifecycle.apply(.attachEvidence(first), to: current, by: Fixtures.sme, at: at)
        }
        expect(after.version == 2, "attaching is an event: version 2, got \(after.version)")
        let second = evidence("ev-2", bytes: 500)
        do {
            _ = try await store.attach(second, visibleTo: Fixtures.sme, complaintLimit: 1_000) { current in
                try lifecycle.apply(.attachEvidence(second), to: current, by: Fixtures.sme, at: at)
            }
            expect(false, "600 + 500 bytes pass a 1,000-byte allowance")
        } catch let error as StoreError {
            expect(error == .evidenceAllowanceExceeded(used: 600, adding: 500, limit: 1_000), "refused for the allowance, got \(error)")
        }
        let events = try await store.events(of: stored.id, visibleTo: Fixtures.sme) ?? []
        expect(events.map(\.kind) == [.submitted, .evidenceAttached], "the refused attachment wrote no event, got \(events.map(\.kind))")
        let listed = try await store.evidence(of: stored.id, visibleTo: Fixtures.zhejiangIntake)
        expect(listed == [first], "intake in scope lists the one attachment")
        let outsider = try await store.evidence(of: stored.id, visibleTo: Fixtures.otherSME)
        expect(outsider == nil, "another SME does not see the complaint's evidence")
        let one = try await store.evidence(EvidenceID("ev-1"), of: stored.id, visibleTo: Fixtures.guangdongIntake)
        expect(one == nil, "another province's intake cannot fetch the attachment")
        let referenced = try await store.isEvidenceContentReferenced(sha256: first.sha256)
        expect(referenced, "the content is referenced by the attachment")
    }

    /// A file name past the database's CHECK (the domain's policy refuses it first; here the store is asked directly) is
    /// `StoreError.constraint`, and neither the record nor its event is written.
    public func databaseRulesRefuseWithoutWriting() async throws {
        let store = try await makeStore()
        let (complaint, event) = Fixtures.registered(at: "2026-11-02T01:30:00Z")
        let stored = try await store.register(complaint, event: event, idempotency: nil).complaint
        let at = Fixtures.instant("2026-11-03T02:00:00Z")
        let evidence = Evidence(
            id: EvidenceID("ev-long"), complaintID: stored.id, sha256: String(repeating: "c4", count: 32), type: .pdf, bytes: 10,
            name: String(repeating: "验", count: 201) + ".pdf", attachedBy: Fixtures.sme.account, attachedAt: at)
        let lifecycle = Fixtures.lifecycle
        do {
            _ = try await store.attach(evidence, visibleTo: Fixtures.sme, complaintLimit: 1_000) { current in
                try lifecycle.apply(.attachEvidence(evidence), to: current, by: Fixtures.sme, at: at)
            }
            expect(false, "a 205-character file name passed the database's CHECK")
        } catch let error as StoreError {
            if case .constraint = error {} else { expect(false, "refused as a constraint, got \(error)") }
        }
        let events = try await store.events(of: stored.id, visibleTo: Fixtures.sme) ?? []
        expect(events.map(\.kind) == [.submitted], "nothing was written, got \(events.map(\.kind))")
        expect(try await store.evidence(of: stored.id, visibleTo: Fixtures.sme) == [], "no record was kept")
    }

    /// The security log numbers its entries 1, 2, 3 … in order, filters by subject, and its chain verifies.
    public func securityLogIsChained() async throws {
        let store = try await makeStore()
        let admin = Auditor(id: "admin", role: .admin, requestID: "req-1")
        let at = Fixtures.instant("2026-11-02T01:30:00Z")
        try await store.record(SecurityLogEntry(at: at, actor: admin, action: .contactRead, subject: "ARR-2026-000001"))
        let second = try await store.record(
            SecurityLogEntry(at: at, actor: admin, action: .evidenceRead, subject: "ARR-2026-000002", detail: ["evidence": "ev-1"]))
        expect(second.sequence == 2, "the second entry is number 2, got \(second.sequence)")
        let about = try await store.securityLog(after: 0, limit: 10, subject: "ARR-2026-000002")
        expect(about.map(\.sequence) == [2] && about.first?.detail == ["evidence": "ev-1"], "filtered by subject, with its detail")
        let page = try await store.securityLog(after: 1, limit: 10, subject: nil)
        expect(page.map(\.action) == [.evidenceRead] && page.first?.actor == admin, "paged after entry 1, actor and request id kept")
        let report = try await store.auditReport(of: nil, visibleTo: nil)
        expect(report.broken == nil && report.logEntries == 2, "the log's chain verifies, got \(report)")
    }
}
