import ArrearsCore
import ArrearsStore
import Foundation

/// A way for an SME account to show it is the company its credit code names (身份核验). Each check that succeeds ends in
/// the same verification (`AccountStore.verifySME`): the account owns the complaints registered under its code.
///
/// Two ship: an intake officer who has checked the business licence (`LicenceCheck`), and a one-time code sent to the
/// contact already on record (`OneTimeCodeCheck`). A national identity provider (统一身份认证 / 电子营业执照, OAuth2/OIDC)
/// is a third: its `check` validates the provider's signed ID token and compares the credit code it asserts with the
/// account's, and `Platform.verify(_:with:proof:by:)` does the rest.
public protocol IdentityCheck: Sendable {
    /// The method as the security log names it, e.g. `licence-checked`.
    var method: String { get }
    /// Checks `proof` for `account`; returns what was checked, for the security log, or throws a `Refusal`.
    func check(_ proof: String, for account: Account, at now: Date) async throws -> String
}

/// An intake officer's word that the business licence was checked; `proof` says what was seen.
public struct LicenceCheck: IdentityCheck {
    public let method = "licence-checked"

    public init() {}

    public func check(_ proof: String, for account: Account, at now: Date) async throws -> String {
        try TextPolicy.line(500).checked(proof, field: "evidence")
    }
}

/// A six-digit code sent through the notification gateway to the contact on record for the account's credit code, good
/// for ten minutes and five tries.
public struct OneTimeCodeCheck: IdentityCheck {
    public let method = "one-time-code"
    let codes: any VerificationCodeStore

    /// How long a code works, and how many wrong tries end it.
    public static let lifetime: TimeInterval = 600
    public static let tries = 5

    /// The digest a code is kept as, bound to its account so one account's code is nothing to another's.
    static func digest(_ code: String, for account: AccountID) -> String { HexDigest.sha256(account.rawValue + ":" + code) }

    /// Six random decimal digits.
    static func generate() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<6).map { _ in String(Int.random(in: 0...9, using: &generator)) }.joined()
    }

    public func check(_ proof: String, for account: Account, at now: Date) async throws -> String {
        func refuse(_ rule: String, _ facts: [String: MessageFact] = [:]) -> Refusal {
            .invalid([FieldViolation(field: "code", rule: rule, facts: facts)])
        }
        guard let code = try await codes.verificationCode(of: account.id) else { throw refuse("verification.no-code") }
        guard code.attempts < Self.tries else { throw refuse("verification.too-many-tries", ["tries": "\(Self.tries)"]) }
        guard now < code.expiresAt else { throw refuse("verification.code-expired") }
        let given = proof.trimmingCharacters(in: .whitespaces)
        guard given.utf8.count == 6, given.utf8.allSatisfy({ (48...57).contains($0) }), Self.digest(given, for: account.id) == code.digest else {
            try await codes.recordWrongCode(of: account.id)
            throw refuse("verification.code-wrong", ["left": "\(Self.tries - code.attempts - 1)"])
        }
        return "code sent to the contact of \(code.contactOf)"
    }
}
