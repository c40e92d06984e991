import ArrearsCore
import Foundation

/// A filing being written in the portal (草稿), kept on the server so it survives a closed browser and resumes on any
/// device: its answers as typed, page by page, and the files uploaded for it. Only its account reads or writes it.
public struct FilingDraft: Sendable, Equatable {
    public let id: String
    public let account: AccountID
    /// The answers as typed, by field name (`complainant.name`, `contracts[0].amount`, …): what the pages show again.
    public var answers: [String: String]
    public let createdAt: Date
    public var updatedAt: Date

    public init(id: String, account: AccountID, answers: [String: String], createdAt: Date, updatedAt: Date) {
        self.id = id
        self.account = account
        self.answers = answers
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}

/// Where drafts are kept; every engine implements it. A draft is read and written only by its own account.
public protocol DraftStore: Sendable {
    /// Stores a draft, replacing the one with its id and account.
    func saveDraft(_ draft: FilingDraft) async throws
    /// The account's draft with this id, if any.
    func draft(_ id: String, of account: AccountID) async throws -> FilingDraft?
    /// The account's drafts, most recently changed first.
    func drafts(of account: AccountID) async throws -> [FilingDraft]
    /// Removes a draft (once filed, or abandoned); false when there was none.
    func deleteDraft(_ id: String, of account: AccountID) async throws -> Bool
}
