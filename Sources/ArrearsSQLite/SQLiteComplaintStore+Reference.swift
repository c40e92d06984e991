import ArrearsCore
import ArrearsStore
import Foundation
import GRDB

extension SQLiteComplaintStore: ReferenceStore {
    public func calendarImports() async throws -> [String] {
        try await read { db in try String.fetchAll(db, sql: "SELECT csv FROM calendar_imports ORDER BY id") }
    }

    public func workingDayCalendar() async throws -> WorkingDayCalendar {
        if let fresh = calendars.fresh { return fresh }
        return try await read { db in try self.statisticsCalendar(db) }
    }

    public func recordCalendarImport(csv: String, years: ClosedRange<Int>, by: String, at: Date) async throws {
        defer { calendars.invalidate() }
        try await write { db in
            try db.execute(
                sql: "INSERT INTO calendar_imports (first_year, last_year, csv, imported_by, imported_at) VALUES (?, ?, ?, ?, ?)",
                arguments: [years.lowerBound, years.upperBound, csv, by, StoreCoding.instant(at)])
            let span = years.count == 1 ? "\(years.lowerBound)" : "\(years.lowerBound)–\(years.upperBound)"
            try Self.appendLog(
                SecurityLogEntry(
                    at: at, actor: Auditor(id: by, role: nil, requestID: nil), action: .calendarImported, subject: "calendar \(span)",
                    detail: ["bytes": String(csv.utf8.count)]),
                in: db)
        }
    }

    public func routingTable() async throws -> VersionedRoutingTable? {
        try await read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT version, body FROM routing_tables ORDER BY version DESC LIMIT 1") else { return nil }
            return VersionedRoutingTable(version: row["version"], table: try StoreCoding.decode(RoutingTable.self, from: row["body"]))
        }
    }

    public func recordRoutingTable(_ table: RoutingTable, by: String, at: Date) async throws -> Int {
        let body = try StoreCoding.encode(table)
        return try await write { db in
            try db.execute(
                sql: "INSERT INTO routing_tables (body, imported_by, imported_at) VALUES (?, ?, ?)", arguments: [body, by, StoreCoding.instant(at)])
            let version = Int(db.lastInsertedRowID)
            try Self.appendLog(
                SecurityLogEntry(
                    at: at, actor: Auditor(id: by, role: nil, requestID: nil), action: .routingImported, subject: "routing v\(version)",
                    detail: ["departments": String(table.departments.count), "rules": String(table.rules.count)]),
                in: db)
            return version
        }
    }
}
