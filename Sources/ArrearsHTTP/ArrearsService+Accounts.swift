import ArrearsAPI
import ArrearsCore
import ArrearsStore
import Foundation

extension ArrearsService {
    public func registerSME(_ input: Operations.RegisterSME.Input) async throws -> Operations.RegisterSME.Output {
        guard case let .json(body) = input.body else { throw Problem.malformed(field: nil, detail: "send application/json") }
        let now = clock.now()
        let address = "address:" + (RequestValues.clientAddress ?? "unknown")
        if let wait = await limits.registrations.waitBeforeNext([address], now: now) {
            throw AbuseLimits.tooMany("registrations from this address", retryAfter: wait)
        }
        await limits.registrations.record([address], now: now)
        try Self.checkPassword(body.password)
        let contact = Contact(person: body.contact.person, phone: body.contact.phone, email: body.contact.email)
        let problems = contact.violations(at: "contact")
        if !problems.isEmpty { throw ValidationFailure(problems) }
        let account = try Account.checked(
            id: UUID().uuidString.lowercased(), name: body.name, role: .sme, province: nil, department: nil, creditCode: body.creditCode,
            regions: regions, createdAt: now)
        let hash = await PasswordHashing.hash(body.password, cost: limits.passwordCost)
        try await accounts.createAccount(
            account, tokenDigest: nil, passwordHash: hash, contact: contact, by: Self.auditor(id: account.id.rawValue, role: .sme))
        return .created(.init(body: .json(Wire.account(account))))
    }

    public func signIn(_ input: Operations.SignIn.Input) async throws -> Operations.SignIn.Output {
        guard case let .json(body) = input.body else { throw Problem.malformed(field: nil, detail: "send application/json") }
        let now = clock.now()
        let login = body.login.trimmingCharacters(in: .whitespaces)
        let accountKey = "login:" + login.uppercased()
        let addressKey = "address:" + (RequestValues.clientAddress ?? "unknown")
        if let wait = await limits.failures.waitBeforeNext([accountKey], now: now) {
            throw AbuseLimits.tooMany("failed sign-ins for this account", retryAfter: wait)
        }
        if let wait = await limits.failuresPerAddress.waitBeforeNext([addressKey], now: now) {
            throw AbuseLimits.tooMany("failed sign-ins from this address", retryAfter: wait)
        }
        let record = try await accounts.signInRecord(login: login)
        // An unknown name is checked against a decoy hash, so it takes as long to refuse as a wrong password.
        let verified = await PasswordHashing.verify(body.password, hash: record?.passwordHash ?? PasswordHashing.decoy)
        guard let record, verified else {
            await limits.failures.record([accountKey], now: now)
            await limits.failuresPerAddress.record([addressKey], now: now)
            // What was typed as the name is not kept: people type passwords there by mistake.
            try await audit.record(
                SecurityLogEntry(
                    at: now, actor: Self.auditor(id: "anonymous", role: nil), action: .signInRefused,
                    subject: record?.account.id.rawValue ?? "(unknown name)", detail: ["address": RequestValues.clientAddress ?? "unknown"]))
            throw Problem(
                status: .unauthorized, slug: "unauthenticated", title: "Sign-in refused", detail: "the name or the password is wrong")
        }
        await limits.failures.forget(accountKey)
        let token = BearerToken.generate()
        let expires = now.addingTimeInterval(limits.sessionLength)
        try await accounts.createSession(
            tokenDigest: BearerToken.digest(token), account: record.account.id, at: now, expiresAt: expires,
            by: Self.auditor(id: record.account.id.rawValue, role: record.account.role))
        return .created(.init(body: .json(.init(token: token, expiresAt: expires, account: Wire.account(record.account)))))
    }

    public func signOut(_ input: Operations.SignOut.Input) async throws -> Operations.SignOut.Output {
        _ = try caller()
        guard let digest = RequestValues.tokenDigest, try await accounts.revokeSession(tokenDigest: digest, at: clock.now()) else {
            throw Problem(
                status: .conflict, slug: "not-a-session", title: "Not a session",
                detail: "this is an operator token, not a sign-in session; an admin revokes it with arrearsctl account revoke")
        }
        return .noContent(.init())
    }

    public func createAccount(_ input: Operations.CreateAccount.Input) async throws -> Operations.CreateAccount.Output {
        let admin = try caller()
        guard admin.role == .admin else { throw TransitionError.roleNotPermitted(command: "create accounts", role: admin.role) }
        guard case let .json(body) = input.body else { throw Problem.malformed(field: nil, detail: "send application/json") }
        try Self.checkPassword(body.password)
        let account = try Account.checked(
            id: body.id ?? UUID().uuidString.lowercased(), name: body.name, role: Role(rawValue: body.role.rawValue)!, province: body.province,
            department: body.department, creditCode: body.creditCode, regions: regions, createdAt: clock.now())
        let hash = await PasswordHashing.hash(body.password, cost: limits.passwordCost)
        try await accounts.createAccount(
            account, tokenDigest: nil, passwordHash: hash, contact: nil, by: Self.auditor(id: admin.id.rawValue, role: admin.role))
        return .created(.init(body: .json(Wire.account(account))))
    }

    public func revokeAccountTokens(_ input: Operations.RevokeAccountTokens.Input) async throws -> Operations.RevokeAccountTokens.Output {
        let admin = try caller()
        guard admin.role == .admin else { throw TransitionError.roleNotPermitted(command: "revoke tokens", role: admin.role) }
        let count = try await accounts.revokeTokens(
            of: AccountID(input.path.accountId), at: clock.now(), by: Self.auditor(id: admin.id.rawValue, role: admin.role))
        return .ok(.init(body: .json(.init(revoked: count))))
    }

    /// Who acts, for the security log, with this request's id.
    static func auditor(id: String, role: Role?) -> Auditor {
        Auditor(id: id, role: role, requestID: RequestValues.requestID)
    }

    /// Length only: composition rules push people to predictable patterns (NIST SP 800-63B).
    static func checkPassword(_ password: String) throws {
        guard password.count >= PasswordHashing.minimumLength, password.utf8.count <= 72 else {
            throw FieldViolation(
                field: "password", rule: "password.length",
                detail: "at least \(PasswordHashing.minimumLength) characters and at most 72 bytes (bcrypt reads no further)")
        }
    }
}
