import ArrearsCore
import ArrearsStore
import Foundation

/// A session a password bought: the token (shown once, stored as a digest) and when it stops working.
public struct Session: Sendable {
    public let token: String
    public let expiresAt: Date
    public let account: Account
}

/// What an account is made from, as typed; checked by `Account.checked` and `PasswordPolicy`.
public struct AccountForm: Sendable {
    public var id: String?
    public var name: String
    public var role: Role
    public var province: String?
    public var department: String?
    public var creditCode: String?
    public var password: String

    public init(
        id: String? = nil, name: String, role: Role, province: String? = nil, department: String? = nil, creditCode: String? = nil,
        password: String
    ) {
        self.id = id
        self.name = name
        self.role = role
        self.province = province
        self.department = department
        self.creditCode = creditCode
        self.password = password
    }
}

extension Platform {
    /// An SME registers itself (注册), with no token; a limited number a client address an hour.
    public func registerSME(name: String, creditCode: String, contact: Contact, password: String, by caller: Caller) async throws -> Account {
        let now = clock.now()
        let address = "address:" + caller.address
        if let wait = await limits.registrations.waitBeforeNext([address], now: now) {
            throw Refusal.tooMany("registrations-by-address", retryAfter: wait)
        }
        await limits.registrations.record([address], now: now)
        var contact = contact
        var violations = PasswordPolicy.violation(password).map { [$0] } ?? []
        if violations.isEmpty { violations = contact.normalise(at: "contact") }
        guard violations.isEmpty else { throw Refusal.invalid(violations) }
        let account = try Account.checked(
            id: UUID().uuidString.lowercased(), name: name, role: .sme, province: nil, department: nil, creditCode: creditCode, regions: regions,
            createdAt: now)
        let hash = await PasswordHashing.hash(password, cost: limits.passwordCost)
        try await accounts.createAccount(
            account, tokenDigest: nil, passwordHash: hash, contact: contact, by: caller.auditor(id: account.id.rawValue, role: .sme))
        return account
    }

    /// An admin makes an official's (or an SME's) account with a password.
    public func createAccount(_ form: AccountForm, by caller: Caller) async throws -> Account {
        _ = try caller.holding(.manageAccounts, "create-accounts")
        if let violation = PasswordPolicy.violation(form.password) { throw Refusal.invalid([violation]) }
        let account = try Account.checked(
            id: form.id ?? UUID().uuidString.lowercased(), name: form.name, role: form.role, province: form.province, department: form.department,
            creditCode: form.creditCode, regions: regions, createdAt: clock.now(),
            // An admin who makes an SME's account has dealt with the company; a self-registered one proves itself later.
            verifiedAt: clock.now())
        let hash = await PasswordHashing.hash(form.password, cost: limits.passwordCost)
        try await accounts.createAccount(account, tokenDigest: nil, passwordHash: hash, contact: nil, by: caller.auditor)
        return account
    }

    /// Ends every session of an account and voids its operator token; how many tokens stopped working.
    public func revokeTokens(of account: AccountID, by caller: Caller) async throws -> Int {
        _ = try caller.holding(.manageAccounts, "revoke-tokens")
        return try await accounts.revokeTokens(of: account, at: clock.now(), by: caller.auditor)
    }

    /// Trades a name (an account id, or an SME's credit code) and password for a session. Too many failures for one name
    /// or from one address are refused even with the right password; an unknown name is checked against a decoy hash, so
    /// it takes as long to refuse as a wrong password. Every refusal is logged; what was typed as the name is not (people
    /// type passwords there by mistake).
    public func signIn(login: String, password: String, by caller: Caller) async throws -> Session {
        let now = clock.now()
        let login = login.trimmingCharacters(in: .whitespaces)
        let accountKey = "login:" + login.uppercased()
        let addressKey = "address:" + caller.address
        if let wait = await limits.failures.waitBeforeNext([accountKey], now: now) {
            throw Refusal.tooMany("sign-ins-by-account", retryAfter: wait)
        }
        if let wait = await limits.failuresPerAddress.waitBeforeNext([addressKey], now: now) {
            throw Refusal.tooMany("sign-ins-by-address", retryAfter: wait)
        }
        let record = try await accounts.signInRecord(login: login)
        let verified = await PasswordHashing.verify(password, hash: record?.passwordHash ?? PasswordHashing.decoy)
        guard let record, verified else {
            await limits.failures.record([accountKey], now: now)
            await limits.failuresPerAddress.record([addressKey], now: now)
            _ = try await store.record(
                SecurityLogEntry(
                    at: now, actor: caller.auditor(id: "anonymous", role: nil), action: .signInRefused,
                    subject: record?.account.id.rawValue ?? "(unknown name)", detail: ["address": caller.address]))
            throw Refusal.signInRefused
        }
        await limits.failures.forget(accountKey)
        let token = BearerToken.generate()
        let expires = now.addingTimeInterval(limits.sessionLength)
        try await accounts.createSession(
            tokenDigest: BearerToken.digest(token), account: record.account.id, at: now, expiresAt: expires,
            by: caller.auditor(id: record.account.id.rawValue, role: record.account.role))
        return Session(token: token, expiresAt: expires, account: record.account)
    }

    /// Ends the caller's session at once; an operator token is not a session (an admin revokes it).
    public func signOut(by caller: Caller) async throws {
        _ = try caller.signedIn()
        guard let digest = caller.tokenDigest, try await accounts.revokeSession(tokenDigest: digest, at: clock.now()) else {
            throw Refusal.notASession
        }
    }
}

extension Platform {
    /// The caller changes its own password, proving the current one: wrong ones count towards the sign-in failures of
    /// the account, so this is no side door for guessing. The session the caller came with goes on; every other one
    /// ends, so a password someone else learnt stops working everywhere at once. Returns how many sessions ended.
    public func changePassword(current: String, new: String, by caller: Caller) async throws -> Int {
        let account = try caller.signedIn()
        let now = clock.now()
        let accountKey = "login:" + account.id.rawValue.uppercased()
        if let wait = await limits.failures.waitBeforeNext([accountKey], now: now) {
            throw Refusal.tooMany("sign-ins-by-account", retryAfter: wait)
        }
        let record = try await accounts.signInRecord(login: account.id.rawValue)
        guard await PasswordHashing.verify(current, hash: record?.passwordHash ?? PasswordHashing.decoy), record != nil else {
            await limits.failures.record([accountKey], now: now)
            throw Refusal.invalid([FieldViolation(field: "currentPassword", rule: "password.current-wrong")])
        }
        await limits.failures.forget(accountKey)
        if let violation = PasswordPolicy.violation(new, field: "newPassword") { throw Refusal.invalid([violation]) }
        guard new != current else { throw Refusal.invalid([FieldViolation(field: "newPassword", rule: "password.unchanged")]) }
        let hash = await PasswordHashing.hash(new, cost: limits.passwordCost)
        return try await accounts.changePassword(of: account.id, passwordHash: hash, keeping: caller.tokenDigest, at: now, by: caller.auditor)
    }
}
