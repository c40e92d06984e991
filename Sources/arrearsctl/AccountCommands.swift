import ArgumentParser
import ArrearsAPI
import ArrearsCore
import ArrearsMessages
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// `arrearsctl login`: signs in with a password (or checks a given token) and saves server and token for later commands.
struct Login: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            abstract: Help.words("help.login"),
            discussion: "The token from a password sign-in expires (12 hours by default); `arrearsctl logout` ends it sooner.")
    }

    @OptionGroup var connection: ConnectionOptions
    @Option(help: "Your account id, or an SME's credit code.") var user: String?
    @Flag(help: "Read the password from standard input instead of asking.") var passwordStdin = false

    func run() async throws {
        let server = try connection.resolvedServer()
        if let user {
            let password = try Self.password(fromStdin: passwordStdin)
            let session = try await withAPI(connection, signedIn: false) { client in
                try await client.signIn(body: .json(.init(login: user, password: password))).created.body.json
            }
            try SavedLogin(server: server.absoluteString, token: session.token).save()
            let words = connection.words
            say(
                words(
                    "cli.login.session",
                    [
                        "server": .text(server.absoluteString), "name": .text(session.account.name),
                        "role": .message(Message("role." + session.account.role.rawValue)), "until": .text(words.instant(session.expiresAt)),
                        "path": .text(SavedLogin.path.path),
                    ]))
            return
        }
        let (_, token) = try connection.resolved()
        let account = try await withAPI(connection) { client in try await client.getMe().ok.body.json }
        try SavedLogin(server: server.absoluteString, token: token).save()
        say(
            connection.words(
                "cli.login.token",
                [
                    "server": .text(server.absoluteString), "name": .text(account.name), "role": .message(Message("role." + account.role.rawValue)),
                    "path": .text(SavedLogin.path.path),
                ]))
    }

    /// From stdin (one line), or asked on the terminal without echo.
    static func password(fromStdin: Bool) throws -> String {
        if fromStdin {
            guard let line = readLine(strippingNewline: true), !line.isEmpty else { throw ValidationError("no password on standard input") }
            return line
        }
        guard let typed = getpass("password: ") else { throw ValidationError("no terminal to ask for the password; use --password-stdin") }
        return String(cString: typed)
    }
}

/// `arrearsctl logout`: ends the saved session on the server and forgets it here.
struct Logout: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(abstract: Help.words("help.logout"))
    }

    @OptionGroup var connection: ConnectionOptions

    func run() async throws {
        _ = try await withAPI(connection) { client in try await client.signOut().noContent }
        try? FileManager.default.removeItem(at: SavedLogin.path)
        say(connection.words("cli.logout"))
    }
}

/// `arrearsctl account create|revoke|verify`: account work (admins create and revoke; intake officers verify SMEs).
struct AccountAdmin: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "account", abstract: Help.words("help.account-admin"),
            subcommands: [Create.self, Revoke.self, Verify.self])
    }

    /// `arrearsctl account create`
    struct Create: AsyncParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(abstract: Help.words("help.account-create"))
        }
        @Option(help: "sme, intake, handler, supervisor or admin.") var role: String
        @Option(help: "The person's or organisation's name.") var name: String
        @Option(help: "Account id, used to sign in (default: generated).") var id: String?
        @Option(help: "For intake officers and supervisors: their province code (omit for national).") var province: String?
        @Option(help: "For handlers: their handling department id.") var department: String?
        @Option(help: "For SMEs: their credit code.") var creditCode: String?
        @OptionGroup var connection: ConnectionOptions

        func validate() throws {
            guard Components.Schemas.Role(rawValue: role) != nil else {
                throw ValidationError("--role must be sme, intake, handler, supervisor or admin")
            }
        }

        func run() async throws {
            let password = try Login.password(fromStdin: true)
            let account = try await withAPI(connection) { client in
                try await client.createAccount(
                    body: .json(
                        .init(
                            role: .init(rawValue: role)!, name: name, id: id, province: province, department: department, creditCode: creditCode,
                            password: password))
                ).created.body.json
            }
            say(
                connection.json
                    ? Rendering.json(account)
                    : connection.words(
                        "cli.account.created",
                        ["role": .message(Message("role." + account.role.rawValue)), "id": .text(account.id), "name": .text(account.name)]))
        }
    }

    /// `arrearsctl account revoke`
    struct Revoke: AsyncParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(abstract: Help.words("help.account-revoke"))
        }
        @Argument(help: "The account id.") var account: String
        @OptionGroup var connection: ConnectionOptions

        func run() async throws {
            let result = try await withAPI(connection) { client in
                try await client.revokeAccountTokens(path: .init(accountId: account)).ok.body.json
            }
            say(connection.words("cli.account.revoked", ["count": "\(result.revoked)", "account": .text(account)]))
        }
    }

    /// `arrearsctl account verify`
    struct Verify: AsyncParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(
                abstract: Help.words("help.account-verify"))
        }
        @Argument(help: "The SME's account id.") var account: String
        @Option(help: "What you checked, e.g. \"营业执照原件，法定代表人到场\" (kept in the security log).") var evidence: String
        @OptionGroup var connection: ConnectionOptions

        func run() async throws {
            let result = try await withAPI(connection) { client in
                try await client.verifySMEAccount(path: .init(accountId: account), body: .json(.init(evidence: evidence))).ok.body.json
            }
            say(
                connection.json
                    ? Rendering.json(result)
                    : connection.words(
                        "cli.account.verified",
                        ["id": .text(result.account.id), "name": .text(result.account.name), "count": "\(result.complaintsJoined)"]))
        }
    }
}

/// `arrearsctl whoami`: the account the token belongs to.
struct Whoami: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(abstract: Help.words("help.whoami"))
    }

    @OptionGroup var connection: ConnectionOptions

    func run() async throws {
        let account = try await withAPI(connection) { client in try await client.getMe().ok.body.json }
        if connection.json { return say(Rendering.json(account)) }
        let words = connection.words
        var text = words(
            "cli.whoami", ["name": .text(account.name), "id": .text(account.id), "role": .message(Message("role." + account.role.rawValue))])
        if let province = account.province { text += words("cli.whoami.province", ["province": .text(province)]) }
        if let department = account.department { text += words("cli.whoami.department", ["department": .text(department)]) }
        say(text)
    }
}
