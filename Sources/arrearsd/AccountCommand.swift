import ArgumentParser
import ArrearsApplication
import ArrearsCore
import ArrearsMessages
import ArrearsStore
import Foundation

/// `arrearsd account …`: accounts made on the server's machine, before any admin can sign in.
struct AccountCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "account", abstract: "Manage accounts on the server's machine.", subcommands: [Create.self])

    /// `arrearsd account create`: makes an account and prints its bearer token, once.
    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create an account and print its bearer token (shown once, stored hashed).")

        @OptionGroup var database: DatabaseOptions

        @Option(help: "sme, intake, handler, supervisor or admin.")
        var role: String

        @Option(help: "The person's or organisation's name.")
        var name: String

        @Option(help: "Account id (default: generated).")
        var id: String?

        @Option(help: "For intake and supervisors: the GB/T 2260 province code they serve (omit for national).")
        var province: String?

        @Option(help: "For handlers: their handling department id.")
        var department: String?

        @Option(help: "For SMEs: the unified social credit code they file under.")
        var creditCode: String?

        func run() async throws {
            guard let role = Role(rawValue: role) else {
                throw ValidationError("--role must be one of \(Role.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            let account: Account
            do {
                account = try Account.checked(
                    id: id ?? UUID().uuidString.lowercased(), name: name, role: role, province: province, department: department,
                    creditCode: creditCode, regions: ShippedReferenceData.regions(), createdAt: Date(),
                    // The operator on the server's machine made it for a company they dealt with.
                    verifiedAt: Date())
            } catch let violation as FieldViolation {
                throw ValidationError("--\(Self.option(violation.field)): \(Wording.terminal(violation.message))")
            }
            let token = BearerToken.generate()
            try await database.withStore { store in
                do {
                    try await store.createAccount(account, tokenDigest: BearerToken.digest(token))
                } catch let error as StoreError {
                    throw ValidationError(error.description)
                }
                let words = Wording.terminal
                let notice = words(
                    "cli.account.token-once",
                    ["role": .message(Message("role." + role.rawValue)), "id": .text(account.id.rawValue), "name": .text(name)])
                FileHandle.standardError.write(Data((notice + "\n").utf8))
                print(token)
            }
        }

        /// The command-line spelling of an account field.
        static func option(_ field: String) -> String {
            field == "creditCode" ? "credit-code" : field
        }
    }
}
