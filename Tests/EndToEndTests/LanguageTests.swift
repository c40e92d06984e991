import Foundation
import Testing

/// An official reads refusals in Chinese unless the locale or `--lang` asks for English; the rule is the same in both.
@Suite("The language arrearsctl reads in", .serialized)
struct LanguageTests {
    @Test("A refusal is titled 未找到 by default and under a Chinese locale, Not found with --lang en or an English locale")
    func refusalLanguage() throws {
        let (server, token) = try ServerProcess.startedForExampleSME()
        defer { server.stop() }
        let environment = [
            "ARREARS_CONFIG": server.directory.appendingPathComponent("ctl.json").path, "ARREARS_SERVER": server.baseURL, "ARREARS_TOKEN": token,
        ]
        func show(_ extra: [String], locale: String) throws -> String {
            let result = try Binaries.run(
                "arrearsctl", ["show", "ARR-2026-999999"] + extra, environment: environment.merging(["LANG": locale, "LC_ALL": ""]) { $1 },
                in: server.directory)
            #expect(result.status != 0)
            return result.error
        }
        #expect(try show([], locale: "C.UTF-8").contains("被拒绝（404）：未找到"))
        #expect(try show([], locale: "zh_CN.UTF-8").contains("未找到"))
        #expect(try show(["--lang", "en"], locale: "zh_CN.UTF-8").contains("refused (404): Not found"))
        #expect(try show([], locale: "en_US.UTF-8").contains("Not found"))
        #expect(try show(["--lang", "zh"], locale: "en_US.UTF-8").contains("未找到"))
    }

    @Test("Help reads in Chinese by default, in English under an English locale or with --lang en")
    func help() throws {
        func help(_ arguments: [String], locale: String) throws -> String {
            try Binaries.run(
                "arrearsctl", arguments, environment: ["LANG": locale, "LC_ALL": "", "LC_MESSAGES": ""], in: FileManager.default.temporaryDirectory
            )
            .output
        }
        #expect(try help(["--help"], locale: "C.UTF-8").contains("OVERVIEW: 在终端处理违约拖欠中小企业款项登记（投诉）平台的投诉。"))
        #expect(try help(["accept", "--help"], locale: "zh_CN.UTF-8").contains("正式受理投诉；转交期限开始计算。"))
        #expect(try help(["accept", "--help"], locale: "en_US.UTF-8").contains("Accept a complaint (正式受理); the forwarding clock starts."))
        #expect(try help(["queue", "--help", "--lang", "en"], locale: "C.UTF-8").contains("List complaints in your scope, oldest first."))
    }
}
