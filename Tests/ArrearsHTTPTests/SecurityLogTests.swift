import ArrearsAPI
import ArrearsTestSupport
import Foundation
import GRDB
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

@Suite("The security log: who changed accounts, who signed in, who read contact details and evidence")
struct SecurityLogTests {
    func log(_ client: some TestClientProtocol, _ harness: HTTPHarness, _ query: String = "") async throws
        -> [Components.Schemas.SecurityLogEntry]
    {
        let response = try await client.execute(uri: "/v1/audit/log\(query)", method: .get, headers: harness.headers("admin"))
        #expect(response.status == .ok)
        return try decoded(Operations.GetSecurityLog.Output.Ok.Body.JsonPayload.self, response).items
    }

    @Test("Officials see the contact masked; reading it in full is logged with who and the request id; the SME sees its own")
    func contactReads() async throws {
        let harness = try await HTTPHarness.make()
        try await harness.application().test(.router) { client in
            let id = try await fileComplaint(client, harness)
            func contact(_ account: String) async throws -> Components.Schemas.Contact {
                try complaint(try await client.execute(uri: "/v1/complaints/\(id)", method: .get, headers: harness.headers(account))).filing
                    .complainant.contact
            }
            #expect(try await contact("intake").phone == "057*-****0000")
            #expect(try await contact("intake").person == "王*")
            #expect(try await contact("sme").phone == "0571-87000000")
            #expect(try await log(client, harness).filter { $0.action == .contact_read }.isEmpty, "masked reads are not contact reads")

            let full = try await client.execute(
                uri: "/v1/complaints/\(id)/contact", method: .get, headers: harness.headers("intake", ["X-Request-Id": "call-wang-fang-1"]))
            #expect(try full.status == .ok && decoded(Components.Schemas.Contact.self, full).phone == "0571-87000000")
            let outsider = try await client.execute(uri: "/v1/complaints/\(id)/contact", method: .get, headers: harness.headers("guangdongIntake"))
            #expect(outsider.status == .notFound && !String(buffer: outsider.body).contains("0571"))

            let reads = try await log(client, harness, "?subject=ARR-2026-000001")
            #expect(reads.count == 1)
            #expect(reads.first?.action == .contact_read)
            #expect(reads.first?.actor == "intake-zj")
            #expect(reads.first?.requestId == "call-wang-fang-1")
            let entries = String(buffer: try await client.execute(uri: "/v1/audit/log", method: .get, headers: harness.headers("admin")).body)
            #expect(!entries.contains("0571-87000000") && !entries.contains("wang.fang"), "the log never holds the contact itself")
        }
    }

    @Test("A complaint export masks contacts unless intake asks for them in full; handlers may not; each export is logged")
    func exports() async throws {
        let harness = try await HTTPHarness.make()
        try await harness.application().test(.router) { client in
            _ = try await fileComplaint(client, harness)
            let masked = try await client.execute(uri: "/v1/exports/complaints", method: .get, headers: harness.headers("intake"))
            let text = String(buffer: masked.body)
            #expect(masked.status == .ok && masked.headers[.contentType] == "text/csv")
            #expect(Array(buffer: masked.body).starts(with: [0xEF, 0xBB, 0xBF]), "a BOM for Excel")
            #expect(text.contains("编号,状态") && text.contains("ARR-2026-000001"))
            #expect(text.contains("057*-****0000") && !text.contains("0571-87000000") && text.contains("456000.00"))
            let full = try await client.execute(
                uri: "/v1/exports/complaints?contacts=full&from=2026-11-01&to=2026-11-30", method: .get, headers: harness.headers("intake"))
            #expect(String(buffer: full.body).contains("0571-87000000,wang.fang@example.cn"))
            let none = try await client.execute(uri: "/v1/exports/complaints?from=2026-11-03", method: .get, headers: harness.headers("intake"))
            #expect(!String(buffer: none.body).contains("ARR-2026-000001"), "filed 11-02 CST: outside from=11-03")
            let handler = try await client.execute(uri: "/v1/exports/complaints?contacts=full", method: .get, headers: harness.headers("handler"))
            #expect(handler.status == .unprocessableContent && String(buffer: handler.body).contains("contacts.not-permitted"))
            let exports = try await log(client, harness, "?subject=complaints")
            #expect(exports.count == 3, "three exports served, the refused one not: \(exports)")
            #expect(exports[1].detail.additionalProperties["contacts"] == "full")
        }
    }

    @Test("Export fields with commas and quotes are quoted, and one that starts like a formula cannot run in a spreadsheet")
    func exportQuoting() async throws {
        let harness = try await HTTPHarness.make()
        try await harness.application().test(.router) { client in
            let filed = try await client.execute(
                uri: "/v1/complaints", method: .post, headers: harness.headers("sme"),
                body: filingJSON { filing in
                    set(&filing, ["respondent", "name"], "=HYPERLINK(\"http://example.cn\",\"点击\")")
                    set(&filing, ["complainant", "contact", "person"], "王,芳")
                })
            #expect(filed.status == .created)
            let export = try await client.execute(uri: "/v1/exports/complaints?contacts=full", method: .get, headers: harness.headers("intake"))
            let line = String(buffer: export.body).components(separatedBy: "\r\n")[1]
            #expect(line.contains(",\"王,芳\","), "a comma inside a name is quoted: \(line)")
            #expect(line.contains(",\"'=HYPERLINK(\"\"http://example.cn\"\",\"\"点击\"\")\","), "quoted, quotes doubled, formula defused: \(line)")
        }
    }

    @Test("Account creation, sign-in, a refused sign-in and revocation are logged in order; the chain verifies, and breaks when edited")
    func accountChanges() async throws {
        let harness = try await HTTPHarness.make()
        try await harness.application().test(.router) { client in
            let password = "财政厅-2026-春-strong"
            let body: [String: Any] = ["id": "zj-fin-wang", "name": "浙江省财政厅 王五", "role": "handler", "department": "ZJ-FIN", "password": password]
            let created = try await client.execute(
                uri: "/v1/accounts", method: .post, headers: harness.headers("admin"),
                body: ByteBuffer(bytes: try JSONSerialization.data(withJSONObject: body)))
            #expect(created.status == .created)
            for attempt in ["wrong-password-1", password] {
                _ = try await client.execute(
                    uri: "/v1/sessions", method: .post, headers: [.contentType: "application/json"],
                    body: ByteBuffer(bytes: try JSONSerialization.data(withJSONObject: ["login": "zj-fin-wang", "password": attempt])))
            }
            _ = try await client.execute(uri: "/v1/accounts/zj-fin-wang/revoke", method: .post, headers: harness.headers("admin"))
            let entries = try await log(client, harness, "?subject=zj-fin-wang")
            #expect(
                entries.map(\.action.rawValue) == ["account.created", "session.refused", "session.started", "account.tokens-revoked"])
            #expect(entries.first?.actor == "admin")
            #expect(entries.first?.detail.additionalProperties["department"] == "ZJ-FIN")
            #expect(!String(describing: entries).contains(password) && !String(describing: entries).contains("wrong-password-1"))

            let forbidden = try await client.execute(uri: "/v1/audit/log", method: .get, headers: harness.headers("supervisor"))
            #expect(forbidden.status == .forbidden, "a provincial supervisor does not read the national log")

            let verified = try decoded(
                Components.Schemas.AuditReport.self,
                try await client.execute(uri: "/v1/audit/verify", method: .get, headers: harness.headers("admin")))
            #expect(verified.intact && (verified.logEntries ?? 0) >= 4)
        }
        // Someone with the file drops the guard and rewrites who created the account.
        let queue = try DatabaseQueue(path: harness.path)
        try await queue.write { db in
            try db.execute(sql: "DROP TRIGGER security_log_is_not_updated")
            try db.execute(sql: "UPDATE security_log SET actor = 'someone-else' WHERE action = 'account.created'")
        }
        try await harness.application().test(.router) { client in
            let report = try decoded(
                Components.Schemas.AuditReport.self,
                try await client.execute(uri: "/v1/audit/verify", method: .get, headers: harness.headers("admin")))
            #expect(!report.intact)
            #expect(report.broken?.complaint == "security-log" && report.broken?.sequence == 1)
        }
    }
}
