import Foundation
import Testing

/// A handling department presses a silent respondent with arrearsctl against a real server: the notice, the 督办书 it
/// issues, the file it keeps, and the SME's answer to a request for information.
@Suite("Handling with arrearsctl: notice, 督办书, request for information", .serialized)
struct HandlingEndToEndTests {
    @Test("notify-respondent, escalate --step supervision_notice and evidence get give a printable 督办书 whose number show names")
    func supervisionNotice() async throws {
        let directory = try ServerProcess.temporaryDirectory()
        let database = directory.appendingPathComponent("arrears.sqlite").path
        let smeToken = try Binaries.account(
            database, ["--role", "sme", "--name", "杭州示例建设有限公司", "--credit-code", "91330100716105852F"], in: directory)
        let intakeToken = try Binaries.account(database, ["--role", "intake", "--name", "浙江省中小企业服务中心", "--province", "330000"], in: directory)
        let handlerToken = try Binaries.account(database, ["--role", "handler", "--name", "浙江省教育厅财务处", "--department", "ZJ-EDU"], in: directory)
        let server = ServerProcess(directory: directory)
        try server.start()
        defer { server.stop() }
        let filed = try await server.file(token: smeToken, key: "handling-1", timeout: 30)
        let number = try #require((filed.body["complaint"] as? [String: Any])?["number"] as? String)

        let config = directory.appendingPathComponent("arrearsctl.json").path
        func ctl(_ arguments: [String], token: String) throws -> Binaries.Result {
            try Binaries.run(
                "arrearsctl", arguments + ["--server", server.baseURL],
                environment: ["ARREARS_CONFIG": config, "ARREARS_TOKEN": token, "LANG": "zh_CN.UTF-8", "LC_ALL": ""], in: directory)
        }
        #expect(try ctl(["accept", number], token: intakeToken).status == 0)
        #expect(try ctl(["forward", number, "--to", "ZJ-EDU"], token: intakeToken).status == 0)
        let notified = try ctl(["notify-respondent", number, "--method", "written_notice", "--note", "浙教函〔2026〕88号"], token: handlerToken)
        #expect(notified.status == 0 && notified.output.contains("已通知被投诉人"), "\(notified.output)\(notified.error)")
        let pressed = try ctl(["escalate", number, "--step", "supervision_notice", "--text", "请于五个工作日内书面说明付款安排"], token: handlerToken)
        #expect(pressed.status == 0, "\(pressed.output)\(pressed.error)")
        let shown = try ctl(["show", number], token: handlerToken)
        #expect(shown.output.contains("编号\(number)-DB1") && shown.output.contains("被投诉人反馈期限"), "\(shown.output)")

        let listed = try ctl(["evidence", "list", number], token: smeToken)
        let line = try #require(listed.output.split(separator: "\n").first { $0.contains("text/html") }, "\(listed.output)")
        let id = String(line.split(separator: " ")[0])
        let path = directory.appendingPathComponent("notice.html").path
        let got = try ctl(["evidence", "get", number, id, "--output", path], token: smeToken)
        #expect(got.status == 0, "\(got.error)")
        let html = try String(contentsOfFile: path, encoding: .utf8)
        #expect(html.contains("<title>督办书 \(number)-DB1</title>") && html.contains("浙江省示例职业技术学院") && html.contains("浙江省教育厅"))

        #expect(try ctl(["request-information", number, "--question", "请提供验收单", "--working-days", "3"], token: handlerToken).status == 0)
        let answered = try ctl(["answer-information", number, "--answer", "验收单已作为证据上传"], token: smeToken)
        #expect(answered.status == 0 && answered.output.contains("投诉人已补充说明"), "\(answered.output)\(answered.error)")
        let refused = try ctl(["record-feedback", number, "--text", "x"], token: smeToken)
        #expect(refused.status != 0)
    }
}
