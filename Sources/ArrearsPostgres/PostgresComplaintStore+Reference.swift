import ArrearsCore
import ArrearsStore
import Foundation
import PostgresNIO

extension PostgresComplaintStore: ReferenceStore {
    public func calendarImports() async throws -> [String] {
        try await read { [self] connection in
            var tables: [String] = []
            for try await csv in try await connection.query("SELECT csv FROM calendar_imports ORDER BY id", logger: logger).decode(String.self) {
                tables.append(csv)
            }
            return tables
        }
    }

    public func workingDayCalendar() async throws -> WorkingDayCalendar {
        if let fresh = calendars.fresh { return fresh }
        return try await read { [self] connection in try await statisticsCalendar(connection) }
    }

    public func recordCalendarImport(csv: String, years: ClosedRange<Int>, by: String, at: Date) async throws {
        defer { calendars.invalidate() }
        try await write { [self] connection in
            try await connection.query(
                """
                INSERT INTO calendar_imports (first_year, last_year, csv, imported_by, imported_at)
                VALUES (\(years.lowerBound), \(years.upperBound), \(csv), \(by), \(StoreCoding.instant(at)))
                """, logger: logger)
            let span = years.count == 1 ? "\(years.lowerBound)" : "\(years.lowerBound)–\(years.upperBound)"
            try await appendLog(
                SecurityLogEntry(
                    at: at, actor: Auditor(id: by, role: nil, requestID: nil), action: .calendarImported, subject: "calendar \(span)",
                    detail: ["bytes": String(csv.utf8.count)]),
                connection)
        }
    }

    public func routingTable() async throws -> VersionedRoutingTable? {
        try await read { [self] connection in
            let rows = try await connection.query("SELECT version, body FROM routing_tables ORDER BY version DESC LIMIT 1", logger: logger).collect()
            guard let (version, body) = try rows.first?.decode((Int, String).self) else { return nil }
            return VersionedRoutingTable(version: version, table: try StoreCoding.decode(RoutingTable.self, from: body))
        }
    }

    public func recordRoutingTable(_ table: RoutingTable, by: String, at: Date) async throws -> Int {
        let body = try StoreCoding.encode(table)
        return try await write { [self] connection in
            let rows = try await connection.query(
                "INSERT INTO routing_tables (body, imported_by, imported_at) VALUES (\(body), \(by), \(StoreCoding.instant(at))) RETURNING version",
                logger: logger
            ).collect()
            let version = try rows.first?.decode(Int.self) ?? 0
            try await appendLog(
                SecurityLogEntry(
                    at: at, actor: Auditor(id: by, role: nil, requestID: nil), action: .routingImported, subject: "routing v\(version)",
                    detail: ["departments": String(table.departments.count), "rules": String(table.rules.count)]),
                connection)
            return version
        }
    }
}
