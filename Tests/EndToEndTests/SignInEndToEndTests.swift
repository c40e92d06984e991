import Foundation
import Testing

/// An admin makes an official's account; the official signs in with a password through arrearsctl and signs out.
@Suite("Signing in with arrearsctl", .serialized)
struct SignInEndToEndTests {
    @Test("account create, login --user --password-stdin, whoami, logout: the token stops working")
    func passwordSignIn() throws {
        let directory = try ServerProcess.temporaryDirectory()
        let database = directory.appendingPathComponent("arrears.sqlite").path
        let admin = try Binaries.run("arrearsd", ["account", "create", "--database", database, "--role", "admin", "--name", "平台管理员"], in: directory)
            .output.trimmingCharacters(in: .whitespacesAndNewlines)
        let server = ServerProcess(directory: directory)
        try server.start()
        defer { server.stop() }
        let config = directory.appendingPathComponent("ctl.json").path
        func ctl(_ arguments: [String], token: String? = nil, input: String? = nil) throws -> Binaries.Result {
            var environment = ["ARREARS_CONFIG": config, "ARREARS_SERVER": server.baseURL]
            if let token { environment["ARREARS_TOKEN"] = token }
            return try Binaries.run("arrearsctl", arguments, environment: environment, input: input, in: directory)
        }
        let created = try ctl(
            ["account", "create", "--role", "handler", "--name", "浙江省财政厅 王五", "--id", "zj-fin-wang", "--department", "ZJ-FIN"], token: admin,
            input: "财政厅-2026-春\n")
        #expect(created.status == 0 && created.output.contains("created handler account zj-fin-wang"), "\(created.output)\(created.error)")
        let wrong = try ctl(["login", "--user", "zj-fin-wang", "--password-stdin"], input: "not-the-password\n")
        #expect(wrong.status == 65 && wrong.error.contains("the name or the password is wrong"), "\(wrong.error)")
        let login = try ctl(["login", "--user", "zj-fin-wang", "--password-stdin"], input: "财政厅-2026-春\n")
        #expect(login.status == 0 && login.output.contains("as 浙江省财政厅 王五 (handler) until"), "\(login.output)\(login.error)")
        #expect(try ctl(["whoami"]).output.contains("zj-fin-wang"))
        let saved = try String(contentsOfFile: config, encoding: .utf8)
        #expect(!saved.contains("财政厅-2026-春"), "the password is not saved, only the token")
        #expect(try ctl(["logout"]).status == 0)
        let savedToken = (try? JSONSerialization.jsonObject(with: Data(saved.utf8)) as? [String: Any])?["token"] as? String ?? ""
        let after = try ctl(["whoami"], token: savedToken)
        #expect(after.status == 65, "the signed-out token is refused: \(after.error)")
    }
}
