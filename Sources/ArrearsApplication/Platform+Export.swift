import ArrearsCore
import ArrearsMessages
import ArrearsStore
import Foundation

extension Platform {
    /// The complaints the caller's scope covers, received between two CST dates, as CSV read page by page; contacts in
    /// full only for those who may and ask. Logged before a byte leaves: an export that cannot be logged is not served.
    public func export(
        receivedFrom from: CSTDate?, through to: CSTDate?, fullContacts full: Bool, in language: Language = .chinese, by caller: Caller
    ) async throws
        -> ExportPager
    {
        let account = try caller.holding(.export, "export-complaints")
        if full, !Permission.exportContacts.isHeld(by: account.actor) {
            throw Refusal.invalid([
                FieldViolation(
                    field: "contacts", rule: "contacts.not-permitted")
            ])
        }
        var detail = ["contacts": full ? "full" : "masked"]
        detail["from"] = from?.description
        detail["to"] = to?.description
        _ = try await store.record(
            SecurityLogEntry(at: clock.now(), actor: caller.auditor, action: .exported, subject: "complaints", detail: detail))
        return ExportPager(store: store, actor: account.actor, from: from, to: to, fullContacts: full, language: language)
    }
}
