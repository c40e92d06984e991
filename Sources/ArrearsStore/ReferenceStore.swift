import ArrearsCore
import Foundation

/// Reference data an admin changes without a release: next year's holiday table and the routing table.
public protocol ReferenceStore: Sendable {
    /// The holiday tables imported so far, oldest first, each as the CSV that was loaded.
    func calendarImports() async throws -> [String]

    /// The calendar deadlines and statistics count on now (`CalendarCache`).
    func workingDayCalendar() async throws -> WorkingDayCalendar

    /// Records an imported holiday table (already validated against the calendar it extends).
    func recordCalendarImport(csv: String, years: ClosedRange<Int>, by: String, at: Date) async throws

    /// The routing table in force and its version; nil while none has been imported (the shipped one applies).
    func routingTable() async throws -> VersionedRoutingTable?

    /// Stores a new version of the routing table and returns its version number.
    func recordRoutingTable(_ table: RoutingTable, by: String, at: Date) async throws -> Int
}

/// A routing table and the version it was stored as (0: the one shipped with the release).
public struct VersionedRoutingTable: Sendable, Equatable {
    public let version: Int
    public let table: RoutingTable

    public init(version: Int, table: RoutingTable) {
        self.version = version
        self.table = table
    }
}

extension ReferenceStore {
    /// The routing table in force: the latest imported, else the shipped one (version 0).
    public func routingInForce() async throws -> VersionedRoutingTable {
        if let stored = try await routingTable() { return stored }
        return VersionedRoutingTable(version: 0, table: try ShippedReferenceData.routing())
    }
}
