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

    public init(id: AccountID, name: String, role: Role, province: RegionCode?, department: DepartmentID?, creditCode: CreditCode?, createdAt: Date) {
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
    /// `arrearsd account create`; nil for accounts that sign in with a password. Refuses an id in use, or a second SME
    /// account for one credit code.
    func createAccount(_ account: Account, tokenDigest: String?, passwordHash: String?, contact: Contact?, by: Auditor) async throws

    /// The account a token belongs to at `now`: an operator token, or a session that has neither expired nor been revoked.
    func account(tokenDigest: String, at now: Date) async throws -> Account?

    /// The account and password hash for a sign-in name: the account id, or an SME's credit code.
    func signInRecord(login: String) async throws -> (account: Account, passwordHash: String)?

    /// Stores a session token's digest for an account until `expiresAt`, and logs the sign-in.
    func createSession(tokenDigest: String, account: AccountID, at now: Date, expiresAt: Date, by: Auditor) async throws

    /// Ends one session (sign-out); true when there was one to end.
    func revokeSession(tokenDigest: String, at now: Date) async throws -> Bool

    /// Ends every session of an account and voids its operator token, and logs who did; returns how many tokens stopped working.
    func revokeTokens(of account: AccountID, at now: Date, by: Auditor) async throws -> Int

    /// The SME account that files under a credit code (the oldest, if several), so a complaint an
    /// official registers on an SME's behalf reaches that SME.
    func smeAccount(creditCode: CreditCode) async throws -> AccountID?
}

extension AccountStore {
    /// An account that signs in with an operator token only, made on the server's machine.
    public func createAccount(_ account: Account, tokenDigest: String) async throws {
        try await createAccount(account, tokenDigest: tokenDigest, passwordHash: nil, contact: nil, by: .machineOperator)
    }
}
