import ArrearsCore
import ArrearsStore
import Foundation
import GRDB

extension SQLiteComplaintStore: AccountStore {
    public func createAccount(_ account: Account, tokenDigest: String?, passwordHash: String?, contact: Contact?, by auditor: Auditor) async throws {
        let contactJSON = try contact.map { try StoreCoding.encode($0) }
        // token_digest is NOT NULL UNIQUE: an account without an operator token gets the digest of nothing anyone holds.
        let digest = tokenDigest ?? "none-" + UUID().uuidString
        try await write { db in
            do {
                try db.execute(
                    sql: """
                        INSERT INTO accounts (id, name, role, province, department, credit_code, token_digest, created_at, password_hash, contact,
                            verified_at, verification)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [
                        account.id.rawValue, account.name, account.role.rawValue, account.province?.code,
                        account.department?.rawValue, account.creditCode?.text, digest, StoreCoding.instant(account.createdAt), passwordHash,
                        contactJSON, account.verifiedAt.map(StoreCoding.instant), account.verifiedAt == nil ? nil : "made-by-operator",
                    ])
            } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_CONSTRAINT_PRIMARYKEY {
                throw StoreError.duplicate(Message("duplicate.account", ["id": "\(account.id)"]))
            } catch let error as DatabaseError
                where error.extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE && error.message?.contains("credit_code") == true
            {
                throw StoreError.duplicate(Message("duplicate.verified-sme", ["creditCode": .text(account.creditCode?.text ?? "")]))
            }
            try Self.appendLog(.accountCreated(account, operatorToken: tokenDigest != nil, by: auditor), in: db)
        }
    }

    public func smeAccount(creditCode: CreditCode) async throws -> AccountID? {
        let code = creditCode.text
        let id: String? = try await read { db in
            try String.fetchOne(
                db.cachedStatement(sql: "SELECT id FROM accounts WHERE role = 'sme' AND credit_code = ? AND verified_at IS NOT NULL"),
                arguments: [code])
        }
        return id.map { AccountID($0) }
    }

    static let accountColumns = "a.id, a.name, a.role, a.province, a.department, a.credit_code, a.created_at, a.verified_at"

    public func verifySME(_ id: AccountID, method: String, evidence: String, at now: Date, by auditor: Auditor) async throws -> SMEVerification {
        try await write { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT \(Self.accountColumns) FROM accounts a WHERE a.id = ?", arguments: [id.rawValue]),
                case let account = try Self.account(row), account.role == .sme, let code = account.creditCode
            else { throw StoreError.noSuchAccount }
            guard account.verifiedAt == nil else { throw StoreError.alreadyVerified }
            let instant = StoreCoding.instant(now)
            do {
                try db.execute(
                    sql: "UPDATE accounts SET verified_at = ?, verification = ? WHERE id = ?",
                    arguments: [instant, method + ": " + evidence, id.rawValue])
            } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE {
                throw StoreError.duplicate(Message("duplicate.verified-sme", ["creditCode": .text(code.text)]))
            }
            try db.execute(
                sql: """
                    UPDATE complaints SET complainant_account = ?1, body = json_set(body, '$.complainantAccount', ?1)
                    WHERE complainant_code = ?2 AND complainant_account IS NULL
                    """,
                arguments: [id.rawValue, code.text])
            let joined = db.changesCount
            try db.execute(sql: "DELETE FROM sme_verification_codes WHERE account = ?", arguments: [id.rawValue])
            try Self.appendLog(.accountVerified(id, method: method, evidence: evidence, complaintsJoined: joined, at: now, by: auditor), in: db)
            let verified = Account(
                id: account.id, name: account.name, role: account.role, province: nil, department: nil, creditCode: code,
                createdAt: account.createdAt, verifiedAt: now)
            return SMEVerification(account: verified, complaintsJoined: joined)
        }
    }

    static func account(_ row: Row) throws -> Account {
        Account(
            id: AccountID(row["id"]), name: row["name"], role: try decodeEnum(row["role"]),
            province: try (row["province"] as String?).map { try RegionCode(format: $0) },
            department: try (row["department"] as String?).map { try DepartmentID($0) },
            creditCode: try (row["credit_code"] as String?).map { try CreditCode($0) },
            createdAt: try StoreCoding.instant(row["created_at"]), verifiedAt: try (row["verified_at"] as String?).map(StoreCoding.instant))
    }

    public func account(id: AccountID) async throws -> Account? {
        try await read { db in
            try Row.fetchOne(db.cachedStatement(sql: "SELECT \(Self.accountColumns) FROM accounts a WHERE a.id = ?"), arguments: [id.rawValue])
                .map(Self.account)
        }
    }

    public func account(tokenDigest: String, at now: Date) async throws -> Account? {
        let instant = StoreCoding.instant(now)
        return try await read { db in
            let row =
                try Row.fetchOne(
                    db.cachedStatement(sql: "SELECT \(Self.accountColumns) FROM accounts a WHERE a.token_digest = ?"), arguments: [tokenDigest])
                ?? Row.fetchOne(
                    db.cachedStatement(
                        sql: """
                            SELECT \(Self.accountColumns) FROM sessions s JOIN accounts a ON a.id = s.account
                            WHERE s.token_digest = ? AND s.revoked_at IS NULL AND s.expires_at > ?
                            """),
                    arguments: [tokenDigest, instant])
            return try row.map(Self.account)
        }
    }

    public func signInRecord(login: String) async throws -> (account: Account, passwordHash: String)? {
        let found: (Account, String)?? = try await read { db in
            guard
                let row = try Row.fetchOne(
                    db.cachedStatement(
                        sql: """
                            SELECT \(Self.accountColumns), a.password_hash FROM accounts a
                            WHERE a.password_hash IS NOT NULL AND (a.id = ? OR (a.role = 'sme' AND a.credit_code = ?))
                            ORDER BY a.verified_at IS NULL, a.created_at, a.id LIMIT 1
                            """),
                    arguments: [login, login.uppercased()])
            else { return nil }
            return (try Self.account(row), row["password_hash"] as String)
        }
        return found.flatMap { $0 }.map { (account: $0.0, passwordHash: $0.1) }
    }

    public func createSession(tokenDigest: String, account: AccountID, at now: Date, expiresAt: Date, by auditor: Auditor) async throws {
        try await write { db in
            try db.execute(
                sql: "INSERT INTO sessions (token_digest, account, created_at, expires_at) VALUES (?, ?, ?, ?)",
                arguments: [tokenDigest, account.rawValue, StoreCoding.instant(now), StoreCoding.instant(expiresAt)])
            try Self.appendLog(
                SecurityLogEntry(
                    at: now, actor: auditor, action: .signedIn, subject: account.rawValue, detail: ["expiresAt": StoreCoding.instant(expiresAt)]),
                in: db)
        }
    }

    public func revokeSession(tokenDigest: String, at now: Date) async throws -> Bool {
        try await write { db in
            try db.execute(
                sql: "UPDATE sessions SET revoked_at = ? WHERE token_digest = ? AND revoked_at IS NULL",
                arguments: [StoreCoding.instant(now), tokenDigest])
            return db.changesCount > 0
        }
    }

    public func revokeTokens(of account: AccountID, at now: Date, by auditor: Auditor) async throws -> Int {
        try await write { db in
            try db.execute(
                sql: "UPDATE sessions SET revoked_at = ? WHERE account = ? AND revoked_at IS NULL",
                arguments: [StoreCoding.instant(now), account.rawValue])
            var count = db.changesCount
            try db.execute(
                sql: "UPDATE accounts SET token_digest = ? WHERE id = ? AND token_digest NOT LIKE 'none-%'",
                arguments: ["none-" + UUID().uuidString, account.rawValue])
            count += db.changesCount
            try Self.appendLog(
                SecurityLogEntry(at: now, actor: auditor, action: .tokensRevoked, subject: account.rawValue, detail: ["tokens": String(count)]),
                in: db)
            return count
        }
    }

    public func changePassword(of account: AccountID, passwordHash: String, keeping session: String?, at now: Date, by auditor: Auditor)
        async throws -> Int
    {
        try await write { db in
            try db.execute(sql: "UPDATE accounts SET password_hash = ? WHERE id = ?", arguments: [passwordHash, account.rawValue])
            guard db.changesCount == 1 else { throw StoreError.notFound }
            try db.execute(
                sql: "UPDATE sessions SET revoked_at = ? WHERE account = ? AND revoked_at IS NULL AND token_digest IS NOT ?",
                arguments: [StoreCoding.instant(now), account.rawValue, session])
            let ended = db.changesCount
            try Self.appendLog(
                SecurityLogEntry(
                    at: now, actor: auditor, action: .passwordChanged, subject: account.rawValue, detail: ["sessionsEnded": String(ended)]),
                in: db)
            return ended
        }
    }
}
