import ArrearsCore
import ArrearsStore
import Foundation
import GRDB

extension SQLiteComplaintStore: VerificationCodeStore {
    public func contactOnRecord(creditCode: CreditCode) async throws -> (complaintNumber: String, contact: Contact)? {
        try await read { db in
            let row = try Row.fetchOne(
                db.cachedStatement(
                    sql: """
                        SELECT number, contact_person, contact_phone, contact_email FROM complaints c
                        WHERE complainant_code = ?
                          AND (channel <> 'online' OR EXISTS (SELECT 1 FROM accounts a WHERE a.id = c.complainant_account AND a.verified_at IS NOT NULL))
                        ORDER BY seq DESC LIMIT 1
                        """),
                arguments: [creditCode.text])
            return row.map { row in
                (row["number"] as String, Contact(person: row["contact_person"], phone: row["contact_phone"], email: row["contact_email"]))
            }
        }
    }

    public func issue(_ code: VerificationCode, notification: ComplaintNotification, at now: Date) async throws {
        try await write { db in
            try db.execute(
                sql: """
                    INSERT INTO sme_verification_codes (account, code_digest, contact_of, expires_at, attempts) VALUES (?, ?, ?, ?, 0)
                    ON CONFLICT (account) DO UPDATE SET code_digest = excluded.code_digest, contact_of = excluded.contact_of,
                        expires_at = excluded.expires_at, attempts = 0
                    """,
                arguments: [code.account.rawValue, code.digest, code.contactOf, StoreCoding.instant(code.expiresAt)])
            try Self.enqueue(notification, at: now, in: db)
        }
    }

    public func verificationCode(of account: AccountID) async throws -> VerificationCode? {
        try await read { db in
            try Row.fetchOne(
                db, sql: "SELECT code_digest, contact_of, expires_at, attempts FROM sme_verification_codes WHERE account = ?",
                arguments: [account.rawValue]
            ).map { row in
                VerificationCode(
                    account: account, digest: row["code_digest"], contactOf: row["contact_of"],
                    expiresAt: try StoreCoding.instant(row["expires_at"]), attempts: row["attempts"])
            }
        }
    }

    public func recordWrongCode(of account: AccountID) async throws {
        try await write { db in
            try db.execute(sql: "UPDATE sme_verification_codes SET attempts = attempts + 1 WHERE account = ?", arguments: [account.rawValue])
        }
    }
}
