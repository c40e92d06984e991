import ArgumentParser
import ArrearsCore
import ArrearsHTTP
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
            let regions = try ShippedReferenceData.regions()
            var provinceCode: RegionCode?
            if let province {
                let code = try Self.valid("--province") { try RegionCode(province, in: regions) }
                guard code.isProvince else { throw ValidationError("--province must be a province code such as 330000") }
                provinceCode = code
            }
            let departmentID = try department.map { text in try Self.valid("--department") { try DepartmentID(text) } }
            let code = try creditCode.map { text in try Self.valid("--credit-code") { try CreditCode(text) } }
            switch role {
            case .handler where departmentID == nil: throw ValidationError("a handler account needs --department")
            case .sme where code == nil: throw ValidationError("an SME account needs --credit-code")
            default: break
            }
            let account = Account(
                id: AccountID(id ?? UUID().uuidString.lowercased()), name: name, role: role, province: provinceCode,
                department: departmentID, creditCode: code, createdAt: Date())
            let token = BearerToken.generate()
            let store = try database.openStore()
            do {
                try await store.createAccount(account, tokenDigest: BearerToken.digest(token))
            } catch let error as StoreError {
                throw ValidationError(error.description)
            }
            FileHandle.standardError.write(Data("created \(role.rawValue) account \(account.id) (\(name)); the token is shown only now:\n".utf8))
            print(token)
        }

        static func valid<T>(_ option: String, _ convert: () throws -> T) throws -> T {
            do { return try convert() } catch let invalid as InvalidValue { throw ValidationError("\(option): \(invalid.detail)") }
        }
    }
}
