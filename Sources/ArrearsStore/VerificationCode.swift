import ArrearsCore
import Foundation

/// A one-time code sent to the contact on record for an SME's credit code (验证码), as the store keeps it: its digest
/// only, where it was sent, until when it works, and how many wrong tries it has had.
public struct VerificationCode: Sendable, Equatable {
    public let account: AccountID
    /// Lower-case hex SHA-256 of the account id and the code; the code itself is never stored.
    public let digest: String
    /// The complaint whose complainant contact the code was sent to.
    public let contactOf: String
    public let expiresAt: Date
    public let attempts: Int

    public init(account: AccountID, digest: String, contactOf: String, expiresAt: Date, attempts: Int = 0) {
        self.account = account
        self.digest = digest
        self.contactOf = contactOf
        self.expiresAt = expiresAt
        self.attempts = attempts
    }
}

/// The one-time codes of SME verification, and where they may be sent.
public protocol VerificationCodeStore: Sendable {
    /// The contact already on record for a credit code: from the latest complaint an official registered under it, or
    /// one a verified account filed; nil when there is none. Never what an unverified account typed itself.
    func contactOnRecord(creditCode: CreditCode) async throws -> (complaintNumber: String, contact: Contact)?

    /// Keeps a code (replacing any earlier one of the account) and writes the message that carries it to the outbox, in
    /// one transaction.
    func issue(_ code: VerificationCode, notification: ComplaintNotification, at now: Date) async throws

    /// The account's outstanding code, if any.
    func verificationCode(of account: AccountID) async throws -> VerificationCode?

    /// Counts one wrong try of the account's code.
    func recordWrongCode(of account: AccountID) async throws
}
