import ArgumentParser
import ArrearsAPI
import Foundation

/// `arrearsctl login`: checks a token against the server and saves both for later commands.
struct Login: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Save the server URL and your token (checked against the server first).")

    @OptionGroup var connection: ConnectionOptions

    func run() async throws {
        let (server, token) = try connection.resolved()
        let account = try await withAPI(connection) { client in try await client.getMe().ok.body.json }
        try SavedLogin(server: server.absoluteString, token: token).save()
        print("signed in to \(server.absoluteString) as \(account.name) (\(account.role.rawValue)); saved to \(SavedLogin.path.path)")
    }
}

/// `arrearsctl whoami`: the account the token belongs to.
struct Whoami: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Show the account you act as.")

    @OptionGroup var connection: ConnectionOptions

    func run() async throws {
        let account = try await withAPI(connection) { client in try await client.getMe().ok.body.json }
        if connection.json { return print(Rendering.json(account)) }
        var scope = ""
        if let province = account.province { scope += " province \(province)" }
        if let department = account.department { scope += " department \(department)" }
        print("\(account.name) (\(account.id)): \(account.role.rawValue)\(scope.isEmpty ? "" : ",")\(scope)")
    }
}
