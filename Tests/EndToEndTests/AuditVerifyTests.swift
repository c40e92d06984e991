import AsyncHTTPClient
import Foundation
import NIOCore
import Testing

/// `arrearsd audit verify` on the database file, after someone edited a row behind the server's back.
@Suite("Audit verification on the file", .serialized)
struct AuditVerifyTests {
    @Test("Editing one stored event makes arrearsd audit verify fail, naming the complaint and the event")
    func tamperedFile() async throws {
        let (server, token) = try ServerProcess.startedForExampleSME()
        let (directory, database) = (server.directory, server.database)
        for key in ["first", "second"] {
            #expect(try await server.file(token: token, key: key).status == 201)
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
