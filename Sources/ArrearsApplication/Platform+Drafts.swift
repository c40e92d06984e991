import ArrearsCore
import ArrearsStore
import Foundation

extension Platform {
    /// Longest answer a draft keeps, in characters, and most answers: a draft holds what a filing could, no more.
    static let draftAnswerLimit = 10_000
    static let draftAnswerCount = 2_000

    /// The caller's drafts, most recently changed first. Only those who may file have drafts.
    public func drafts(by caller: Caller) async throws -> [FilingDraft] {
        let account = try caller.holding(.file, "file")
        return try await store.drafts(of: account.id)
    }

    /// A new draft, its complainant answered from the account (the company's name and credit code).
    public func startDraft(by caller: Caller) async throws -> FilingDraft {
        let account = try caller.holding(.file, "file")
        let now = clock.now()
        var answers: [String: String] = ["complainant.name": account.name]
        if let code = account.creditCode { answers["complainant.creditCode"] = code.text }
        let draft = FilingDraft(id: UUID().uuidString.lowercased(), account: account.id, answers: answers, createdAt: now, updatedAt: now)
        try await store.saveDraft(draft)
        return draft
    }

    /// The caller's draft; not found for anyone else's.
    public func draft(_ id: String, by caller: Caller) async throws -> FilingDraft {
        let account = try caller.holding(.file, "file")
        guard id.count <= 64, let draft = try await store.draft(id, of: account.id) else {
            throw Refusal.notFound(Message("refusal.draft-not-found"))
        }
        return draft
    }

    /// Keeps answers as typed (checked or not: a page shows them again); refused past the limits of what a filing holds.
    public func saveDraft(_ draft: FilingDraft, by caller: Caller) async throws -> FilingDraft {
        let account = try caller.holding(.file, "file")
        guard draft.account == account.id else { throw Refusal.notFound(Message("refusal.draft-not-found")) }
        guard draft.answers.count <= Self.draftAnswerCount, !draft.answers.values.contains(where: { $0.count > Self.draftAnswerLimit }) else {
            throw Refusal.invalid([FieldViolation(field: "(draft)", rule: "draft.too-large", facts: ["limit": "\(Self.draftAnswerLimit)"])])
        }
        var saved = draft
        saved.updatedAt = clock.now()
        try await store.saveDraft(saved)
        return saved
    }

    /// Ends a draft (once filed).
    public func deleteDraft(_ id: String, by caller: Caller) async throws {
        let account = try caller.holding(.file, "file")
        _ = try await store.deleteDraft(id, of: account.id)
    }

    /// What the eligibility checks would find in a filing before it is submitted: the same findings registration records.
    public func eligibility(of filing: ComplaintFiling) -> [EligibilityFinding] {
        Eligibility.findings(filing, sizes: sizes)
    }
}
