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

/// Accounts and their bearer tokens, which are stored only as digests.
public protocol AccountStore: Sendable {
    func createAccount(_ account: Account, tokenDigest: String) async throws
    func account(tokenDigest: String) async throws -> Account?
    /// The SME account that files under a credit code (the oldest, if several), so a complaint an
    /// official registers on an SME's behalf reaches that SME.
    func smeAccount(creditCode: CreditCode) async throws -> AccountID?
}
