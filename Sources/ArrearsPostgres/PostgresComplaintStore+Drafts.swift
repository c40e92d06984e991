import ArrearsCore
import ArrearsStore
import Foundation
import PostgresNIO

extension PostgresComplaintStore: DraftStore {
    public func saveDraft(_ draft: FilingDraft) async throws {
        let answers = try StoreCoding.encode(draft.answers)
        try await write { [self] connection in
            try await connection.query(
                """
                INSERT INTO filing_drafts (account, id, answers, created_at, updated_at)
                VALUES (\(draft.account.rawValue), \(draft.id), \(answers)::jsonb, \(StoreCoding.instant(draft.createdAt)),
                    \(StoreCoding.instant(draft.updatedAt)))
                ON CONFLICT (account, id) DO UPDATE SET answers = excluded.answers, updated_at = excluded.updated_at
                """, logger: logger)
        }
    }

    public func draft(_ id: String, of account: AccountID) async throws -> FilingDraft? {
        try await read { [self] connection in
            try await drafts(
                connection,
                "SELECT id, account, answers::text, created_at, updated_at FROM filing_drafts WHERE account = \(account.rawValue) AND id = \(id)"
            ).first
        }
    }

    public func drafts(of account: AccountID) async throws -> [FilingDraft] {
        try await read { [self] connection in
            try await drafts(
                connection,
                "SELECT id, account, answers::text, created_at, updated_at FROM filing_drafts WHERE account = \(account.rawValue) ORDER BY updated_at DESC"
            )
        }
    }

    public func deleteDraft(_ id: String, of account: AccountID) async throws -> Bool {
        try await write { [self] connection in
            let rows = try await connection.query(
                "DELETE FROM filing_drafts WHERE account = \(account.rawValue) AND id = \(id) RETURNING id", logger: logger
            ).collect()
            return !rows.isEmpty
        }
    }

    func drafts(_ connection: PostgresConnection, _ query: PostgresQuery) async throws -> [FilingDraft] {
        var found: [FilingDraft] = []
        for try await (id, account, answers, created, updated) in try await connection.query(query, logger: logger).decode(
            (String, String, String, String, String).self)
        {
            found.append(
                FilingDraft(
                    id: id, account: AccountID(account), answers: try StoreCoding.decode([String: String].self, from: answers),
                    createdAt: try StoreCoding.instant(created), updatedAt: try StoreCoding.instant(updated)))
        }
        return found
    }
}
