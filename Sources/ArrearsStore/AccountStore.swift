import ArrearsCore
import Foundation

/// A person or organisation who signs in, with the role and scope they act in.
public struct Account: Sendable, Equatable, Codable {
    public let id: AccountID
    public let name: String
    public let role: Role
    public let province: RegionCode?
    public let department: DepartmentID?
    /// For SMEs: the credit code they file under.
    public let creditCode: CreditCode?
    public let createdAt: Date
    /// For SMEs: when the account was shown to be the company (by an officer who checked the business licence, or a
    /// one-time code to the contact on record); nil while it is not. Unverified, it sees only what it filed itself.
    public let verifiedAt: Date?

    public init(
        id: AccountID, name: String, role: Role, province: RegionCode?, department: DepartmentID?, creditCode: CreditCode?, createdAt: Date,
        verifiedAt: Date? = nil
    ) {
        self.verifiedAt = verifiedAt
        self.id = id
        self.name = name
        self.role = role
        self.province = province
        self.department = department
        self.creditCode = creditCode
        self.createdAt = createdAt
    }

    public var actor: Actor { Actor(account: id, role: role, province: province, department: department, name: name) }
}

/// Accounts, their passwords (bcrypt hashes only) and their bearer tokens (SHA-256 digests only).
public protocol AccountStore: Sendable {
    /// Stores a new account and logs who made it, in one transaction. `tokenDigest` is the long-lived operator token of
    /// `arrearsd account create`; nil for accounts that sign in with a password. Refuses an id in use, or a second verified
    /// SME account for one credit code (unverified ones may be several).
    func createAccount(_ account: Account, tokenDigest: String?, passwordHash: String?, contact: Contact?, by: Auditor) async throws

    /// The account with this id, if there is one.
    func account(id: AccountID) async throws -> Account?

    /// The account a token belongs to at `now`: an operator token, or a session that has neither expired nor been revoked.
    func account(tokenDigest: String, at now: Date) async throws -> Account?

    /// The account and password hash for a sign-in name: the account id, or an SME's credit code (its verified account, or
    /// while none is verified the earliest registered; a later one signs in by its account id).
    func signInRecord(login: String) async throws -> (account: Account, passwordHash: String)?

    /// Stores a session token's digest for an account until `expiresAt`, and logs the sign-in.
    func createSession(tokenDigest: String, account: AccountID, at now: Date, expiresAt: Date, by: Auditor) async throws

    /// Ends one session (sign-out); true when there was one to end.
    func revokeSession(tokenDigest: String, at now: Date) async throws -> Bool

    /// Ends every session of an account and voids its operator token, and logs who did; returns how many tokens stopped working.
    func revokeTokens(of account: AccountID, at now: Date, by: Auditor) async throws -> Int

    /// Replaces an account's password hash and ends its sessions but the one `keeping` names, logged, in one transaction;
    /// returns how many sessions ended.
    func changePassword(of account: AccountID, passwordHash: String, keeping session: String?, at now: Date, by: Auditor) async throws -> Int

    /// The verified SME account that files under a credit code, so a complaint an official registers on an SME's behalf
    /// reaches that SME; nil when there is none, or it is not verified yet (the complaint joins it when it is).
    func smeAccount(creditCode: CreditCode) async throws -> AccountID?

    /// Marks an SME account verified — `method` says how, `evidence` what was checked — gives it the complaints officials
    /// registered under its credit code that have no account yet, and logs it, in one transaction. Refuses an account
    /// that is not an SME's or is verified already.
    func verifySME(_ account: AccountID, method: String, evidence: String, at now: Date, by: Auditor) async throws -> SMEVerification
}

/// What verifying an SME account did: the account as it is now, and how many complaints joined it.
public struct SMEVerification: Sendable, Equatable {
    public let account: Account
    public let complaintsJoined: Int

    public init(account: Account, complaintsJoined: Int) {
        self.account = account
        self.complaintsJoined = complaintsJoined
    }
}

extension AccountStore {
    /// An account that signs in with an operator token only, made on the server's machine.
    public func createAccount(_ account: Account, tokenDigest: String) async throws {
        try await createAccount(account, tokenDigest: tokenDigest, passwordHash: nil, contact: nil, by: .machineOperator)
    }
}
