import ArrearsCore
import ArrearsStore
import Foundation
import PostgresNIO

extension PostgresComplaintStore: VerificationCodeStore {
    public func contactOnRecord(creditCode: CreditCode) async throws -> (complaintNumber: String, contact: Contact)? {
        try await read { [self] connection in
            let rows = try await connection.query(
                """
                SELECT number, contact_person, contact_phone, contact_email FROM complaints c
                WHERE complainant_code = \(creditCode.text)
                  AND (channel <> 'online' OR EXISTS (SELECT 1 FROM accounts a WHERE a.id = c.complainant_account AND a.verified_at IS NOT NULL))
                ORDER BY seq DESC LIMIT 1
                """, logger: logger
            ).collect()
            return try rows.first.map { row in
                let (number, person, phone, email) = try row.decode((String, String, String, String?).self)
                return (number, Contact(person: person, phone: phone, email: email))
            }
        }
    }

    public func issue(_ code: VerificationCode, notification: ComplaintNotification, at now: Date) async throws {
        try await write { [self] connection in
            try await connection.query(
                """
                INSERT INTO sme_verification_codes (account, code_digest, contact_of, expires_at, attempts)
                VALUES (\(code.account.rawValue), \(code.digest), \(code.contactOf), \(StoreCoding.instant(code.expiresAt)), 0)
                ON CONFLICT (account) DO UPDATE SET code_digest = excluded.code_digest, contact_of = excluded.contact_of,
                    expires_at = excluded.expires_at, attempts = 0
                """, logger: logger)
            try await enqueue(notification, at: now, connection)
        }
    }

    public func verificationCode(of account: AccountID) async throws -> VerificationCode? {
        try await read { [self] connection in
            let rows = try await connection.query(
                "SELECT code_digest, contact_of, expires_at, attempts FROM sme_verification_codes WHERE account = \(account.rawValue)", logger: logger
            ).collect()
            return try rows.first.map { row in
                let (digest, contactOf, expiresAt, attempts) = try row.decode((String, String, String, Int).self)
                return VerificationCode(
                    account: account, digest: digest, contactOf: contactOf, expiresAt: try StoreCoding.instant(expiresAt), attempts: attempts)
            }
        }
    }

    public func recordWrongCode(of account: AccountID) async throws {
        try await write { [self] connection in
            try await connection.query(
                "UPDATE sme_verification_codes SET attempts = attempts + 1 WHERE account = \(account.rawValue)", logger: logger)
        }
    }
}
