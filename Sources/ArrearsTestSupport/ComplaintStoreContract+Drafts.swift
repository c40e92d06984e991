import ArrearsCore
import ArrearsStore
import Foundation

extension ComplaintStoreContract {
    /// Drafts are kept per account, replaced in place, listed most recent first, and deleted once.
    public func draftsBelongToTheirAccount() async throws {
        let store = try await makeStore()
        let sme = Fixtures.sme.account
        let created = Fixtures.instant("2026-11-30T02:00:00Z")
        var first = FilingDraft(
            id: "d1", account: sme, answers: ["respondent.name": "浙江省示例职业技术学院"], createdAt: created, updatedAt: created)
        try await store.saveDraft(first)
        try await store.saveDraft(
            FilingDraft(id: "d2", account: sme, answers: [:], createdAt: created, updatedAt: Fixtures.instant("2026-11-30T03:00:00Z")))
        first.answers["contracts[0].number"] = "ZJ-2025-0318"
        first.updatedAt = Fixtures.instant("2026-11-30T04:00:00Z")
        try await store.saveDraft(first)
        expect(try await store.draft("d1", of: sme) == first, "read back as saved, replaced in place")
        expect(try await store.draft("d1", of: Fixtures.otherSME.account) == nil, "another account does not see it")
        expect(try await store.drafts(of: sme).map(\.id) == ["d1", "d2"], "most recently changed first")
        expect(try await store.deleteDraft("d1", of: Fixtures.otherSME.account) == false, "another account cannot delete it")
        expect(try await store.deleteDraft("d1", of: sme) == true, "deleted")
        expect(try await store.draft("d1", of: sme) == nil, "gone")
        expect(try await store.deleteDraft("d1", of: sme) == false, "once")
    }
}
