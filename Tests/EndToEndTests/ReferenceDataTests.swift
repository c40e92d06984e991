import AsyncHTTPClient
import Foundation
import NIOCore
import Testing

/// The operator loads next year's holidays and a new routing table with `arrearsd`, without a release.
@Suite("Reference data loaded by the operator", .serialized)
struct ReferenceDataTests {
    static let year2027 = """
        date,kind,name
        2027-01-01,holiday,New Year's Day
        2027-02-06,holiday,Spring Festival
        2027-02-07,holiday,Spring Festival
        2027-02-08,holiday,Spring Festival
        2027-10-01,holiday,National Day
        2027-10-02,holiday,National Day
        2027-10-09,workday,National Day

        """

    @Test("calendar import extends the calendar; a partial year is refused with the rule named and nothing stored")
    func calendarImport() throws {
        let directory = try ServerProcess.temporaryDirectory()
        let database = directory.appendingPathComponent("arrears.sqlite").path
        let partial = directory.appendingPathComponent("partial.csv")
        try Self.year2027.replacingOccurrences(of: "2027-10-01,holiday,National Day\n", with: "").write(
            to: partial, atomically: true, encoding: .utf8)
        let refused = try Binaries.run("arrearsd", ["calendar", "import", partial.path, "--database", database], in: directory)
        #expect(refused.status != 0)
        #expect(refused.error.contains("calendar.incomplete-year"), "\(refused.error)")
        #expect(try Binaries.run("arrearsd", ["calendar", "show", "--database", database], in: directory).output.contains("2004–2026"))

        let file = directory.appendingPathComponent("2027.csv")
        try Self.year2027.write(to: file, atomically: true, encoding: .utf8)
        let loaded = try Binaries.run("arrearsd", ["calendar", "import", file.path, "--database", database, "--by", "运维 王工"], in: directory)
        #expect(loaded.status == 0, "\(loaded.error)")
        #expect(loaded.output.contains("the calendar now covers 2004–2027"))
        let shown = try Binaries.run("arrearsd", ["calendar", "show", "--year", "2027", "--database", database], in: directory)
        #expect(shown.output.contains("working-day calendar: 2004–2027") && shown.output.contains("2027-10-09  workday  National Day"))
    }

    @Test("A holiday table imported while the server runs counts in the next deadline, without a restart")
    func calendarImportWhileServing() async throws {
        let (server, sme) = try ServerProcess.startedForExampleSME()
        defer { server.stop() }
        let directory = URL(fileURLWithPath: server.database).deletingLastPathComponent()
        let intake = try Binaries.account(server.database, ["--role", "intake", "--name", "浙江省中小企业服务中心", "--province", "330000"], in: directory)
        let handler = try Binaries.account(server.database, ["--role", "handler", "--name", "浙江省教育厅", "--department", "ZJ-EDU"], in: directory)
        let filed = try await server.file(token: sme)
        let number = try #require((filed.body["complaint"] as? [String: Any])?["number"] as? String)
        #expect(try await server.decide(number, "accept", version: 1, body: "{}", token: intake) == 200)
        #expect(try await server.decide(number, "forward", version: 2, body: #"{"department":"ZJ-EDU"}"#, token: intake) == 200)
        // Extended to the whole 90 days, the handling period ends in 2027, past the shipped table.
        let file = directory.appendingPathComponent("2027.csv")
        try Self.year2027.write(to: file, atomically: true, encoding: .utf8)
        let loaded = try Binaries.run("arrearsd", ["calendar", "import", file.path, "--database", server.database], in: directory)
        #expect(loaded.status == 0, "\(loaded.error)")
        try await Task.sleep(for: .milliseconds(1100))  // the server looks for new tables at most once a second
        let body = #"{"days":60,"approvedBy":"张处长","reason":"核实结算"}"#
        #expect(try await server.decide(number, "extend", version: 3, body: body, token: handler) == 200)
        var request = HTTPClientRequest(url: server.baseURL + "/v1/complaints/\(number)")
        request.headers.add(name: "Authorization", value: "Bearer \(handler)")
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(30))
        let bytes = try await response.body.collect(upTo: 1 << 20)
        let detail = try JSONSerialization.jsonObject(with: Data(bytes.readableBytesView)) as? [String: Any]
        let deadline = (detail?["complaint"] as? [String: Any])?["deadline"] as? [String: Any]
        let due = try #require(deadline?["dueOn"] as? String, "the deadline is counted on the imported table: \(String(describing: deadline))")
        #expect(due.hasPrefix("2027-"), "90 days from forwarding end in 2027, got \(due)")
    }

    @Test("routing import stores a new version the running server forwards by; a table naming an unknown department is refused")
    func routingImport() async throws {
        let directory = try ServerProcess.temporaryDirectory()
        let database = directory.appendingPathComponent("arrears.sqlite").path
        let exported = try Binaries.run("arrearsd", ["routing", "export", "--database", database], in: directory)
        #expect(exported.status == 0)
        var table = try #require(try JSONSerialization.jsonObject(with: Data(exported.output.utf8)) as? [String: Any])
        var rules = table["rules"] as? [[String: Any]] ?? []
        rules.append(["id": "ghost", "priority": 1, "effectiveFrom": "2026-01-01", "department": "NOWHERE"])
        table["rules"] = rules
        let bad = directory.appendingPathComponent("bad.json")
        try JSONSerialization.data(withJSONObject: table).write(to: bad)
        let refused = try Binaries.run("arrearsd", ["routing", "import", bad.path, "--database", database], in: directory)
        #expect(refused.status != 0 && refused.error.contains("routing.department-unknown"), "\(refused.error)")

        rules.removeLast()
        rules.append([
            "id": "zj-edu-to-finance", "priority": 200, "effectiveFrom": "2026-01-01", "supervisingAuthority": "浙江省教育厅", "department": "ZJ-FIN",
        ])
        table["rules"] = rules
        let good = directory.appendingPathComponent("good.json")
        try JSONSerialization.data(withJSONObject: table).write(to: good)
        let imported = try Binaries.run("arrearsd", ["routing", "import", good.path, "--database", database], in: directory)
        #expect(imported.status == 0 && imported.output.contains("routing table version 1"), "\(imported.error)")

        let token = try Binaries.account(database, ["--role", "intake", "--name", "浙江省中小企业服务中心", "--province", "330000"], in: directory)
        let server = ServerProcess(directory: directory)
        try server.start()
        defer { server.stop() }
        var request = HTTPClientRequest(url: server.baseURL + "/v1/routing")
        request.headers.add(name: "Authorization", value: "Bearer \(token)")
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(30))
        let body = try await response.body.collect(upTo: 1 << 20)
        let served = try JSONSerialization.jsonObject(with: Data(body.readableBytesView)) as? [String: Any]
        #expect(served?["version"] as? Int == 1)
        #expect((served?["rules"] as? [[String: Any]])?.contains { $0["id"] as? String == "zj-edu-to-finance" } == true)
    }
}
