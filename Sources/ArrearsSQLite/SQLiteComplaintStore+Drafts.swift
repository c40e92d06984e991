import ArrearsCore
import ArrearsStore
import Foundation
import GRDB

extension SQLiteComplaintStore: DraftStore {
    public func saveDraft(_ draft: FilingDraft) async throws {
        let answers = try StoreCoding.encode(draft.answers)
        try await write { db in
            try db.execute(
                sql: """
                    INSERT INTO filing_drafts (account, id, answers, created_at, updated_at) VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT (account, id) DO UPDATE SET answers = excluded.answers, updated_at = excluded.updated_at
                    """,
                arguments: [
                    draft.account.rawValue, draft.id, answers, StoreCoding.instant(draft.createdAt), StoreCoding.instant(draft.updatedAt),
                ])
        }
    }

    public func draft(_ id: String, of account: AccountID) async throws -> FilingDraft? {
        try await read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM filing_drafts WHERE account = ? AND id = ?", arguments: [account.rawValue, id]).map(Self.draft)
        }
    }

    public func drafts(of account: AccountID) async throws -> [FilingDraft] {
        try await read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM filing_drafts WHERE account = ? ORDER BY updated_at DESC", arguments: [account.rawValue])
                .map(Self.draft)
        }
    }

    public func deleteDraft(_ id: String, of account: AccountID) async throws -> Bool {
        try await write { db in
            try db.execute(sql: "DELETE FROM filing_drafts WHERE account = ? AND id = ?", arguments: [account.rawValue, id])
            return db.changesCount > 0
        }
    }

    static func draft(_ row: Row) throws -> FilingDraft {
        FilingDraft(
            id: row["id"], account: AccountID(row["account"]), answers: try StoreCoding.decode([String: String].self, from: row["answers"] as String),
            createdAt: try StoreCoding.instant(row["created_at"]), updatedAt: try StoreCoding.instant(row["updated_at"]))
    }
}
