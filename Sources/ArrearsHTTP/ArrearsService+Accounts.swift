import ArrearsAPI
import ArrearsApplication
import ArrearsCore
import ArrearsStore

extension ArrearsService {
    public func registerSME(_ input: Operations.RegisterSME.Input) async throws -> Operations.RegisterSME.Output {
        let body =
            switch input.body {
            case let .json(body): body
            }
        let account = try await platform.registerSME(
            name: body.name, creditCode: body.creditCode,
            contact: Contact(person: body.contact.person, phone: body.contact.phone, email: body.contact.email), password: body.password,
            by: caller())
        return .created(.init(body: .json(Wire.account(account))))
    }

    public func signIn(_ input: Operations.SignIn.Input) async throws -> Operations.SignIn.Output {
        let body =
            switch input.body {
            case let .json(body): body
            }
        let session = try await platform.signIn(login: body.login, password: body.password, by: caller())
        return .created(.init(body: .json(.init(token: session.token, expiresAt: session.expiresAt, account: Wire.account(session.account)))))
    }

    public func signOut(_ input: Operations.SignOut.Input) async throws -> Operations.SignOut.Output {
        try await platform.signOut(by: caller())
        return .noContent(.init())
    }

    public func changePassword(_ input: Operations.ChangePassword.Input) async throws -> Operations.ChangePassword.Output {
        let body =
            switch input.body {
            case let .json(body): body
            }
        let ended = try await platform.changePassword(current: body.currentPassword, new: body.newPassword, by: caller())
        return .ok(.init(body: .json(.init(sessionsEnded: ended))))
    }

    public func createAccount(_ input: Operations.CreateAccount.Input) async throws -> Operations.CreateAccount.Output {
        let body =
            switch input.body {
            case let .json(body): body
            }
        let form = AccountForm(
            id: body.id, name: body.name, role: Role(rawValue: body.role.rawValue)!, province: body.province, department: body.department,
            creditCode: body.creditCode, password: body.password)
        return .created(.init(body: .json(Wire.account(try await platform.createAccount(form, by: caller())))))
    }

    public func verifySMEAccount(_ input: Operations.VerifySMEAccount.Input) async throws -> Operations.VerifySMEAccount.Output {
        let body =
            switch input.body {
            case let .json(body): body
            }
        let verification = try await platform.verifySME(AccountID(input.path.accountId), evidence: body.evidence, by: caller())
        return .ok(.init(body: .json(Wire.verification(verification))))
    }

    public func requestVerificationCode(_ input: Operations.RequestVerificationCode.Input) async throws
        -> Operations.RequestVerificationCode.Output
    {
        let sent = try await platform.requestVerificationCode(by: caller())
        let contact = sent.sentTo
        return .accepted(
            .init(body: .json(.init(sentTo: .init(person: contact.person, phone: contact.phone, email: contact.email), expiresAt: sent.expiresAt))))
    }

    public func verifyWithCode(_ input: Operations.VerifyWithCode.Input) async throws -> Operations.VerifyWithCode.Output {
        let body =
            switch input.body {
            case let .json(body): body
            }
        return .ok(.init(body: .json(Wire.verification(try await platform.verifyWithCode(body.code, by: caller())))))
    }

    public func revokeAccountTokens(_ input: Operations.RevokeAccountTokens.Input) async throws -> Operations.RevokeAccountTokens.Output {
        let count = try await platform.revokeTokens(of: AccountID(input.path.accountId), by: caller())
        return .ok(.init(body: .json(.init(revoked: count))))
    }
}
