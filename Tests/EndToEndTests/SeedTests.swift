import Foundation
import Testing

/// `arrearsd seed` against a real database file, then the figures a running server gives for it.
@Suite("Seeding a platform", .serialized)
struct SeedTests {
    @Test("seed 14,600 complaints over 2019-04…2020-12: the 2020-12 cumulative shows 14,600 registered; every chain verifies; a rerun adds nothing")
    func nationalPlatform2020() throws {
        let directory = try ServerProcess.temporaryDirectory()
        let database = directory.appendingPathComponent("arrears.sqlite").path
        let arguments = ["seed", "--database", database, "--complaints", "14600", "--from", "2019-04", "--to", "2020-12"]
        let seeded = try Binaries.run("arrearsd", arguments, in: directory)
        #expect(seeded.status == 0 && seeded.output.contains("seeded 14600 new complaints"), "\(seeded.output)\(seeded.error)")
        #expect(seeded.error.contains("2020-12: ") && seeded.error.contains("(14600 of 14600)"), "progress by month: \(seeded.error.suffix(200))")
        let again = try Binaries.run("arrearsd", arguments, in: directory)
        #expect(again.output.contains("seeded 0 new complaints (14600 already there)"), "\(again.output)\(again.error)")
        let verified = try Binaries.run("arrearsd", ["audit", "verify", "--database", database], in: directory)
        #expect(verified.status == 0 && verified.output.contains("audit chain intact: 14600 complaints"), "\(verified.output)")

        let supervisor = try Binaries.account(database, ["--role", "supervisor", "--name", "国务院促进中小企业发展工作领导小组办公室"], in: directory)
        let server = ServerProcess(directory: directory)
        try server.start()
        defer { server.stop() }
        let stats = try Binaries.run(
            "arrearsctl", ["stats", "--month", "2020-12", "--json"],
            environment: [
                "ARREARS_SERVER": server.baseURL, "ARREARS_TOKEN": supervisor, "ARREARS_CONFIG": directory.appendingPathComponent("c.json").path,
            ],
            in: directory)
        let figures = try JSONSerialization.jsonObject(with: Data(stats.output.utf8)) as? [String: Any]
        let cumulative = figures?["cumulative"] as? [String: Any]
        let monthly = figures?["monthly"] as? [String: Any]
        #expect(cumulative?["registered"] as? Int == 14_600, "\(stats.output)\(stats.error)")
        let forwarded = cumulative?["forwarded"] as? Int ?? 0
        #expect((11_000...13_500).contains(forwarded), "most are forwarded: \(forwarded)")
        #expect((600...1_100).contains(monthly?["registered"] as? Int ?? 0), "December 2020 is one of the busiest months: \(monthly ?? [:])")
        #expect(figures?["registeredAndForwarded"] as? Int == 14_600, "累计登记转送 at 2020-12")
        let byProvince = try Binaries.run(
            "arrearsctl", ["stats", "--month", "2020-12", "--by", "province"],
            environment: [
                "ARREARS_SERVER": server.baseURL, "ARREARS_TOKEN": supervisor, "ARREARS_CONFIG": directory.appendingPathComponent("c.json").path,
            ],
            in: directory)
        let provinces = byProvince.output.split(separator: "\n").filter { $0.range(of: #"^\d{6} "#, options: .regularExpression) != nil }
        #expect(provinces.count >= 30, "a row per province: \(byProvince.output.prefix(400))\(byProvince.error)")
        #expect(byProvince.output.contains("330000"), "Zhejiang among them")
    }
}
