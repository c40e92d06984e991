import ArrearsCore
import ArrearsSQLite
import ArrearsStore
import ArrearsTestSupport
import Foundation
import GRDB
import Testing

@Suite("Migrating a database with complaints in it")
struct MigrationBackfillTests {
    @Test("Complaints stored before 0002 get their business keys, so a new one on the same contract is still flagged")
    func backfill() async throws {
        let path = try scratchDatabasePath("backfill")
        let pool = try SQLiteDatabase.open(path: path)
        // The database as the first release left it: only 0001, with one complaint.
        try await pool.write { db in try db.execute(sql: SQLiteDatabase.migrations[0].sql) }
        let (old, _) = Fixtures.registered(at: "2026-11-02T01:30:00Z")
        try await pool.write { db in
            try db.execute(
                sql: """
                    INSERT INTO complaints (seq, id, number, state, version, received_at, amount_claimed_fen, body)
                    VALUES (7, ?, 'ARR-2026-000001', 'submitted', 1, '2026-11-02T01:30:00.000Z', 45600000, ?)
                    """,
                arguments: [old.id.rawValue, try StoreCoding.encode(old)])
            try db.execute(sql: "INSERT INTO complaint_numbers (year, last) VALUES (2026, 1)")
        }
        for migration in SQLiteDatabase.migrations.dropFirst() { try await pool.write { db in try db.execute(sql: migration.sql) } }
        let keys = try await pool.read { db in
            try String.fetchAll(db, sql: "SELECT complaint_seq || ' ' || contract_key FROM complaint_keys ORDER BY contract_key")
        }
        #expect(keys == ["7 amount:45600000", "7 number:ZJ-2025-0318"])
        let store = SQLiteComplaintStore(pool)
        let (new, event) = Fixtures.registered(at: "2026-11-03T01:30:00Z")
        let stored = try await store.register(new, event: event, idempotency: nil).complaint
        #expect(stored.findings.map(\.related) == ["ARR-2026-000001"])
    }
}
