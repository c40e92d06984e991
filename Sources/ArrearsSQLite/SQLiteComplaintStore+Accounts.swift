import ArrearsCore
import ArrearsStore
import GRDB

extension SQLiteComplaintStore: AccountStore {
    public func createAccount(_ account: Account, tokenDigest: String) async throws {
        try await writer.write { db in
            do {
                try db.execute(
                    sql: """
                        INSERT INTO accounts (id, name, role, province, department, credit_code, token_digest, created_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [
                        account.id.rawValue, account.name, account.role.rawValue, account.province?.code,
                        account.department?.rawValue, account.creditCode?.text, tokenDigest, StoreCoding.instant(account.createdAt),
                    ])
            } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_CONSTRAINT_PRIMARYKEY {
                throw StoreError.duplicate("account \(account.id)")
            }
        }
    }

    public func smeAccount(creditCode: CreditCode) async throws -> AccountID? {
        let code = creditCode.text
        let id: String? = try await read { db in
            try String.fetchOne(
                db, sql: "SELECT id FROM accounts WHERE role = 'sme' AND credit_code = ? ORDER BY created_at, id LIMIT 1", arguments: [code])
        }
        return id.map { AccountID($0) }
    }

    public func account(tokenDigest: String) async throws -> Account? {
        try await read { db in
            guard
                let row = try Row.fetchOne(
                    db, sql: "SELECT id, name, role, province, department, credit_code, created_at FROM accounts WHERE token_digest = ?",
                    arguments: [tokenDigest])
            else { return nil }
            return Account(
                id: AccountID(row["id"]), name: row["name"], role: try Self.decodeEnum(row["role"]),
                province: try (row["province"] as String?).map { try RegionCode(format: $0) },
                department: try (row["department"] as String?).map { try DepartmentID($0) },
                creditCode: try (row["credit_code"] as String?).map { try CreditCode($0) },
                createdAt: try StoreCoding.instant(row["created_at"]))
        }
    }
}
