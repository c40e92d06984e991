import AsyncHTTPClient
import Foundation
import NIOCore
import Testing

/// An admin makes an official's account; the official signs in with a password through arrearsctl and signs out.
@Suite("Signing in with arrearsctl", .serialized)
struct SignInEndToEndTests {
    @Test("account create, login --user --password-stdin, whoami, logout: the token stops working; no secret or contact in the logs or files")
    func passwordSignIn() async throws {
        let directory = try ServerProcess.temporaryDirectory()
        let database = directory.appendingPathComponent("arrears.sqlite").path
        let admin = try Binaries.account(database, ["--role", "admin", "--name", "平台管理员"], in: directory)
        let server = ServerProcess(directory: directory)
        server.extraArguments = ["--log-level", "trace"]
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
        #expect(created.status == 0 && created.output.contains("已创建有关部门办理人员账号zj-fin-wang（浙江省财政厅 王五）"), "\(created.output)\(created.error)")
        let wrong = try ctl(["login", "--user", "zj-fin-wang", "--password-stdin"], input: "not-the-password\n")
        #expect(wrong.status == 65 && wrong.error.contains("账号或密码错误"), "\(wrong.error)")
        let login = try ctl(["login", "--user", "zj-fin-wang", "--password-stdin"], input: "财政厅-2026-春\n")
        #expect(login.status == 0 && login.output.contains("身份：浙江省财政厅 王五（有关部门办理人员），有效期至"), "\(login.output)\(login.error)")
        #expect(try ctl(["whoami"]).output.contains("zj-fin-wang"))
        let saved = try String(contentsOfFile: config, encoding: .utf8)
        #expect(!saved.contains("财政厅-2026-春"), "the password is not saved, only the token")
        #expect(try ctl(["logout"]).status == 0)
        let savedToken = (try? JSONSerialization.jsonObject(with: Data(saved.utf8)) as? [String: Any])?["token"] as? String ?? ""
        let after = try ctl(["whoami"], token: savedToken)
        #expect(after.status == 65, "the signed-out token is refused: \(after.error)")

        // An SME files with its contact details; an official reads them in full.
        let sme = try Binaries.account(database, Binaries.exampleSME, in: directory)
        let intake = try Binaries.account(database, ["--role", "intake", "--name", "浙江省中小企业服务中心", "--province", "330000"], in: directory)
        #expect(try await server.file(token: sme).status == 201)
        let contact = try ctl(["contact", "ARR-2026-000001"], token: intake)
        #expect(contact.output.contains("0571-87000000"), "\(contact.output)\(contact.error)")
        server.stop()

        let log = try String(contentsOf: server.logFile, encoding: .utf8)
        #expect(log.contains("POST /v1/sessions"), "the trace log has the requests")
        var files = try Data(contentsOf: URL(fileURLWithPath: database))
        files.append((try? Data(contentsOf: URL(fileURLWithPath: database + "-wal"))) ?? Data())
        for secret in ["财政厅-2026-春", "not-the-password", admin, sme, intake, savedToken] {
            #expect(!log.contains(secret), "a password or token in the log")
            #expect(files.range(of: Data(secret.utf8)) == nil, "a password or token in the database file")
        }
        for personal in ["0571-87000000", "wang.fang@example.cn", "王芳"] {
            #expect(!log.contains(personal), "contact details in the log")
        }
    }
}
