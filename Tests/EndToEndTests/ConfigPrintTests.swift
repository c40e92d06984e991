import Foundation
import Testing

@Suite("arrearsd config print")
struct ConfigPrintTests {
    @Test("Flags beat ARREARS_* beat the config file beat defaults; passwords and secrets are masked; unknown keys refused")
    func precedenceAndMasking() throws {
        let directory = try ServerProcess.temporaryDirectory()
        let file = directory.appendingPathComponent("arrears.yaml")
        try """
        port: 9090
        host: 0.0.0.0
        database: postgres://arrears:s3cret-pw@db.internal:5432/arrears
        webhook-url: https://notify.example.gov.cn/hooks/arrears
        webhook-secret: whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSwMfKQ9r8GKYqr
        session-hours: 8
        feedback-working-days: 7
        """.write(to: file, atomically: true, encoding: .utf8)
        let printed = try Binaries.run(
            "arrearsd", ["config", "print", "--config-file", file.path, "--session-hours", "4"], environment: ["ARREARS_PORT": "8088"],
            in: directory)
        #expect(printed.status == 0, "\(printed.error)")
        let lines = printed.output.split(separator: "\n").map(String.init)
        func line(_ key: String) -> String { lines.first { $0.hasPrefix(key + " ") } ?? "" }
        #expect(line("port").contains("8088") && line("port").contains("env ARREARS_PORT"), "\(line("port"))")
        #expect(line("session-hours").contains("4") && line("session-hours").contains("flag --session-hours"), "\(line("session-hours"))")
        #expect(line("host").contains("0.0.0.0") && line("host").contains("file"), "\(line("host"))")
        #expect(line("database").contains("postgres://arrears:****@db.internal"), "\(line("database"))")
        #expect(line("rating-days").contains("15") && line("rating-days").contains("default"), "\(line("rating-days"))")
        #expect(line("feedback-working-days").contains("7") && line("feedback-working-days").contains("file"), "\(line("feedback-working-days"))")
        #expect(line("review-working-days").contains("15"), "\(line("review-working-days"))")
        #expect(!printed.output.contains("s3cret-pw") && !printed.output.contains("whsec_"), "no secret printed: \(printed.output)")

        try "prot: 9090\n".write(to: file, atomically: true, encoding: .utf8)
        let refused = try Binaries.run("arrearsd", ["config", "print", "--config-file", file.path], in: directory)
        #expect(refused.status != 0 && refused.error.contains("unknown setting prot"), "\(refused.error)")
    }
}
