import AsyncHTTPClient
import Foundation
import NIOCore
import Testing

/// `arrearsd audit verify` on the database file, after someone edited a row behind the server's back.
@Suite("Audit verification on the file", .serialized)
struct AuditVerifyTests {
    @Test("Editing one stored event makes arrearsd audit verify fail, naming the complaint and the event")
    func tamperedFile() async throws {
        let directory = try ServerProcess.temporaryDirectory()
        let database = directory.appendingPathComponent("arrears.sqlite").path
        let token = try Binaries.run(
            "arrearsd",
            ["account", "create", "--database", database, "--role", "sme", "--name", "杭州示例建设有限公司", "--credit-code", "91330100716105852F"],
            in: directory
        ).output.trimmingCharacters(in: .whitespacesAndNewlines)
        let server = ServerProcess(directory: directory)
        try server.start()
        for key in ["first", "second"] {
            var request = HTTPClientRequest(url: server.baseURL + "/v1/complaints")
            request.method = .POST
            request.headers.add(name: "Authorization", value: "Bearer \(token)")
            request.headers.add(name: "Content-Type", value: "application/json")
            request.headers.add(name: "Idempotency-Key", value: key)
            request.body = .bytes(ByteBuffer(string: WalkthroughTests.filing))
            let response = try await HTTPClient.shared.execute(request, timeout: .seconds(30))
            #expect(response.status.code == 201)
        }
        let online = try Binaries.run("arrearsd", ["audit", "verify", "--database", database], in: directory)
        #expect(online.status == 0 && online.output.contains("audit chain intact: 2 complaints, 2 events"), "\(online.output)\(online.error)")
        server.stop()

        // What an intruder with the file could do: drop the guard and rewrite the amount claimed.
        let tamper = """
            import sqlite3, sys
            db = sqlite3.connect(sys.argv[1])
            db.execute("DROP TRIGGER complaint_events_are_not_updated")
            db.execute("UPDATE complaint_events SET amount_claimed_fen = 99900000 WHERE complaint_id = (SELECT id FROM complaints WHERE number = 'ARR-2026-000002')")
            db.commit()
            """
        let edited = try Binaries.run("/usr/bin/python3", ["-c", tamper, database], in: directory)
        #expect(edited.status == 0, "\(edited.error)")
        let offline = try Binaries.run("arrearsd", ["audit", "verify", "--database", database], in: directory)
        #expect(offline.status == 1)
        #expect(offline.output.contains("audit chain BROKEN at ARR-2026-000002 event 1"), "\(offline.output)\(offline.error)")
        let one = try Binaries.run("arrearsd", ["audit", "verify", "--database", database, "--complaint", "ARR-2026-000001"], in: directory)
        #expect(one.status == 0, "the untouched complaint still verifies")
    }
}
