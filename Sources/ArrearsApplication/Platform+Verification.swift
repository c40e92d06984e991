import ArrearsCore
import ArrearsStore
import Foundation

/// Where a one-time code went, as the SME may see it (masked), and until when it works.
public struct CodeSent: Sendable {
    public let sentTo: Contact
    public let expiresAt: Date
}

extension Platform {
    /// An intake officer who has checked the company's business licence verifies its SME account (核验). A provincial
    /// officer verifies companies registered in the province (positions 3–4 of the credit code); another province's
    /// account is "not found", as another province's complaint is.
    public func verifySME(_ id: AccountID, evidence: String, by caller: Caller) async throws -> SMEVerification {
        let officer = try caller.holding(.verifySMEAccounts, "verify-sme-accounts")
        guard let target = try await accounts.account(id: id), target.role == .sme, let code = target.creditCode,
            officer.province.map({ code.registrationRegion.prefix(2) == $0.code.prefix(2) }) ?? true
        else { throw Refusal(StoreError.noSuchAccount) }
        return try await verify(target, with: LicenceCheck(), proof: evidence, by: caller)
    }

    /// The signed-in, unverified SME asks for a one-time code: it goes through the notification gateway to the contact
    /// already on record for its credit code (never to one it typed itself). Without such a contact, an intake officer
    /// verifies with the business licence.
    public func requestVerificationCode(by caller: Caller) async throws -> CodeSent {
        let account = try unverifiedSME(caller)
        guard account.verifiedAt == nil else { throw Refusal(StoreError.alreadyVerified) }
        let now = clock.now()
        let key = "account:" + account.id.rawValue
        if let wait = await limits.verificationCodes.waitBeforeNext([key], now: now) {
            throw Refusal.tooMany("verification-codes", retryAfter: wait)
        }
        guard let code = account.creditCode, let record = try await store.contactOnRecord(creditCode: code) else {
            throw Refusal.invalid([
                FieldViolation(field: "(account)", rule: "verification.no-contact-on-record")
            ])
        }
        await limits.verificationCodes.record([key], now: now)
        let secret = OneTimeCodeCheck.generate()
        let expires = now.addingTimeInterval(OneTimeCodeCheck.lifetime)
        try await store.issue(
            VerificationCode(
                account: account.id, digest: OneTimeCodeCheck.digest(secret, for: account.id), contactOf: record.complaintNumber, expiresAt: expires),
            notification: try .verificationCode(secret, account: account.id, contactOf: record.complaintNumber, expiresAt: expires, at: now), at: now)
        return CodeSent(sentTo: record.contact.masked, expiresAt: expires)
    }

    /// The signed-in SME enters the code it was sent.
    public func verifyWithCode(_ code: String, by caller: Caller) async throws -> SMEVerification {
        try await verify(try unverifiedSME(caller), with: OneTimeCodeCheck(codes: store), proof: code, by: caller)
    }

    /// The one path every check ends in: the check, then the verification, logged with what was checked.
    public func verify(_ account: Account, with check: any IdentityCheck, proof: String, by caller: Caller) async throws -> SMEVerification {
        guard account.verifiedAt == nil else { throw Refusal(StoreError.alreadyVerified) }
        let evidence = try await check.check(proof, for: account, at: clock.now())
        return try await accounts.verifySME(account.id, method: check.method, evidence: evidence, at: clock.now(), by: caller.auditor)
    }

    private func unverifiedSME(_ caller: Caller) throws -> Account {
        let account = try caller.signedIn()
        guard account.role == .sme else { throw Refusal.notPermitted(action: "verify-with-code", role: account.role) }
        return account
    }
}
