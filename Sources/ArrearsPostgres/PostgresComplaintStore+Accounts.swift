import ArrearsCore
import ArrearsStore
import Foundation
import PostgresNIO

extension PostgresComplaintStore: AccountStore {
    public func createAccount(_ account: Account, tokenDigest: String?, passwordHash: String?, contact: Contact?, by auditor: Auditor) async throws {
        let contactJSON = try contact.map { try StoreCoding.encode($0) }
        // token_digest is NOT NULL UNIQUE: an account without an operator token gets the digest of nothing anyone holds.
        let digest = tokenDigest ?? "none-" + UUID().uuidString
        try await write { [self] connection in
            let inserted: [PostgresRow]
            do {
                inserted = try await connection.query(
                    """
                    INSERT INTO accounts (id, name, role, province, department, credit_code, token_digest, created_at, password_hash, contact,
                        verified_at, verification)
                    VALUES (\(account.id.rawValue), \(account.name), \(account.role.rawValue), \(account.province?.code),
                        \(account.department?.rawValue), \(account.creditCode?.text), \(digest), \(StoreCoding.instant(account.createdAt)),
                        \(passwordHash), \(contactJSON), \(account.verifiedAt.map(StoreCoding.instant)),
                        \(account.verifiedAt == nil ? nil : "made-by-operator"))
                    ON CONFLICT (id) DO NOTHING RETURNING 1
                    """, logger: logger
                ).collect()
            } catch let error as PSQLError where error.serverInfo?[.constraintName] == Self.oneVerifiedSME {
                throw StoreError.duplicate(Message("duplicate.verified-sme", ["creditCode": .text(account.creditCode?.text ?? "")]))
            }
            guard !inserted.isEmpty else { throw StoreError.duplicate(Message("duplicate.account", ["id": "\(account.id)"])) }
            try await appendLog(.accountCreated(account, operatorToken: tokenDigest != nil, by: auditor), connection)
        }
    }

    public func smeAccount(creditCode: CreditCode) async throws -> AccountID? {
        try await read { [self] connection in
            let rows = try await connection.query(
                "SELECT id FROM accounts WHERE role = 'sme' AND credit_code = \(creditCode.text) AND verified_at IS NOT NULL", logger: logger
            ).collect()
            return try rows.first.map { AccountID(try $0.decode(String.self)) }
        }
    }

    /// The index that keeps one verified SME account per credit code.
    static let oneVerifiedSME = "accounts_one_verified_sme_per_credit_code"

    static let accountColumns = "a.id, a.name, a.role, a.province, a.department, a.credit_code, a.created_at, a.verified_at"

    static func account(_ row: PostgresRow) throws -> Account {
        let columns = row.makeRandomAccess()
        let (id, name, role) = (try columns[0].decode(String.self), try columns[1].decode(String.self), try columns[2].decode(String.self))
        let (province, department) = (try columns[3].decode(String?.self), try columns[4].decode(String?.self))
        let (creditCode, createdAt, verifiedAt) = (
            try columns[5].decode(String?.self), try columns[6].decode(String.self), try columns[7].decode(String?.self)
        )
        return Account(
            id: AccountID(id), name: name, role: try decodeEnum(role), province: try province.map { try RegionCode(format: $0) },
            department: try department.map { try DepartmentID($0) }, creditCode: try creditCode.map { try CreditCode($0) },
            createdAt: try StoreCoding.instant(createdAt), verifiedAt: try verifiedAt.map(StoreCoding.instant))
    }

    public func verifySME(_ id: AccountID, method: String, evidence: String, at now: Date, by auditor: Auditor) async throws -> SMEVerification {
        try await write { [self] connection in
            let rows = try await connection.query(
                "SELECT \(unescaped: Self.accountColumns) FROM accounts a WHERE a.id = \(id.rawValue) FOR UPDATE", logger: logger
            ).collect()
            guard let row = rows.first, case let account = try Self.account(row), account.role == .sme, let code = account.creditCode else {
                throw StoreError.noSuchAccount
            }
            guard account.verifiedAt == nil else { throw StoreError.alreadyVerified }
            let instant = StoreCoding.instant(now)
            do {
                try await connection.query(
                    "UPDATE accounts SET verified_at = \(instant), verification = \(method + ": " + evidence) WHERE id = \(id.rawValue)",
                    logger: logger)
            } catch let error as PSQLError where error.serverInfo?[.constraintName] == Self.oneVerifiedSME {
                throw StoreError.duplicate(Message("duplicate.verified-sme", ["creditCode": .text(code.text)]))
            }
            let joined = try await connection.query(
                """
                UPDATE complaints SET complainant_account = \(id.rawValue),
                    body = jsonb_set(body::jsonb, '{complainantAccount}', to_jsonb(\(id.rawValue)::text))::text
                WHERE complainant_code = \(code.text) AND complainant_account IS NULL RETURNING 1
                """, logger: logger
            ).collect().count
            try await connection.query("DELETE FROM sme_verification_codes WHERE account = \(id.rawValue)", logger: logger)
            try await appendLog(.accountVerified(id, method: method, evidence: evidence, complaintsJoined: joined, at: now, by: auditor), connection)
            let verified = Account(
                id: account.id, name: account.name, role: account.role, province: nil, department: nil, creditCode: code,
                createdAt: account.createdAt, verifiedAt: now)
            return SMEVerification(account: verified, complaintsJoined: joined)
        }
    }

    public func account(id: AccountID) async throws -> Account? {
        try await read { [self] connection in
            try await connection.query("SELECT \(unescaped: Self.accountColumns) FROM accounts a WHERE a.id = \(id.rawValue)", logger: logger)
                .collect().first.map(Self.account)
        }
    }

    public func account(tokenDigest: String, at now: Date) async throws -> Account? {
        let instant = StoreCoding.instant(now)
        return try await read { [self] connection in
            let rows = try await connection.query(
                """
                SELECT \(unescaped: Self.accountColumns) FROM accounts a WHERE a.token_digest = \(tokenDigest)
                UNION ALL
                SELECT \(unescaped: Self.accountColumns) FROM sessions s JOIN accounts a ON a.id = s.account
                WHERE s.token_digest = \(tokenDigest) AND s.revoked_at IS NULL AND s.expires_at > \(instant)
                LIMIT 1
                """, logger: logger
            ).collect()
            return try rows.first.map(Self.account)
        }
    }

    public func signInRecord(login: String) async throws -> (account: Account, passwordHash: String)? {
        let found: (Account, String)? = try await read { [self] connection in
            let rows = try await connection.query(
                """
                SELECT \(unescaped: Self.accountColumns), a.password_hash FROM accounts a
                WHERE a.password_hash IS NOT NULL AND (a.id = \(login) OR (a.role = 'sme' AND a.credit_code = \(login.uppercased())))
                ORDER BY a.verified_at IS NULL, a.created_at, a.id LIMIT 1
                """, logger: logger
            ).collect()
            guard let row = rows.first else { return nil }
            let hash = try row.makeRandomAccess()[8].decode(String.self)
            return (try Self.account(row), hash)
        }
        return found.map { (account: $0.0, passwordHash: $0.1) }
    }

    public func createSession(tokenDigest: String, account: AccountID, at now: Date, expiresAt: Date, by auditor: Auditor) async throws {
        try await write { [self] connection in
            try await connection.query(
                """
                INSERT INTO sessions (token_digest, account, created_at, expires_at)
                VALUES (\(tokenDigest), \(account.rawValue), \(StoreCoding.instant(now)), \(StoreCoding.instant(expiresAt)))
                """, logger: logger)
            try await appendLog(
                SecurityLogEntry(
                    at: now, actor: auditor, action: .signedIn, subject: account.rawValue, detail: ["expiresAt": StoreCoding.instant(expiresAt)]),
                connection)
        }
    }

    public func revokeSession(tokenDigest: String, at now: Date) async throws -> Bool {
        try await write { [self] connection in
            let revoked = try await connection.query(
                "UPDATE sessions SET revoked_at = \(StoreCoding.instant(now)) WHERE token_digest = \(tokenDigest) AND revoked_at IS NULL RETURNING 1",
                logger: logger
            ).collect()
            return !revoked.isEmpty
        }
    }

    public func revokeTokens(of account: AccountID, at now: Date, by auditor: Auditor) async throws -> Int {
        try await write { [self] connection in
            let sessions = try await connection.query(
                "UPDATE sessions SET revoked_at = \(StoreCoding.instant(now)) WHERE account = \(account.rawValue) AND revoked_at IS NULL RETURNING 1",
                logger: logger
            ).collect()
            let tokens = try await connection.query(
                """
                UPDATE accounts SET token_digest = \("none-" + UUID().uuidString)
                WHERE id = \(account.rawValue) AND token_digest NOT LIKE 'none-%' RETURNING 1
                """, logger: logger
            ).collect()
            let count = sessions.count + tokens.count
            try await appendLog(
                SecurityLogEntry(at: now, actor: auditor, action: .tokensRevoked, subject: account.rawValue, detail: ["tokens": String(count)]),
                connection)
            return count
        }
    }

    public func changePassword(of account: AccountID, passwordHash: String, keeping session: String?, at now: Date, by auditor: Auditor)
        async throws -> Int
    {
        try await write { [self] connection in
            let changed = try await connection.query(
                "UPDATE accounts SET password_hash = \(passwordHash) WHERE id = \(account.rawValue) RETURNING 1", logger: logger
            ).collect()
            guard changed.count == 1 else { throw StoreError.notFound }
            let ended = try await connection.query(
                """
                UPDATE sessions SET revoked_at = \(StoreCoding.instant(now))
                WHERE account = \(account.rawValue) AND revoked_at IS NULL AND token_digest IS DISTINCT FROM \(session)
                RETURNING 1
                """, logger: logger
            ).collect().count
            try await appendLog(
                SecurityLogEntry(
                    at: now, actor: auditor, action: .passwordChanged, subject: account.rawValue, detail: ["sessionsEnded": String(ended)]),
                connection)
            return ended
        }
    }
}
