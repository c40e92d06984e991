import ArrearsCore
import Foundation
import Synchronization

/// The working-day calendar a database counts on: the shipped table with every imported one loaded over it, in order.
/// Any process may import a table, so the calendar is rebuilt when the number of imported tables changes; that number is
/// looked at most once a second. The one rule by which deadlines and statistics both count, on every engine.
public final class CalendarCache: Sendable {
    private struct Entry {
        let imports: Int
        let calendar: WorkingDayCalendar
        let checked: ContinuousClock.Instant
    }

    private let entry = Mutex<Entry?>(nil)
    /// How long a count of imported tables is trusted.
    static let recheck = Duration.seconds(1)

    public init() {}

    /// The calendar, counting imported tables with `count` when the last count is older than a second and loading them
    /// with `tables` only when their number changed.
    public func calendar(count: () throws -> Int, tables: () throws -> [String]) throws -> WorkingDayCalendar {
        if let fresh { return fresh }
        let now = ContinuousClock.now
        let imports = try count()
        if let same = entry.withLock({ $0 }), same.imports == imports {
            entry.withLock { $0 = Entry(imports: imports, calendar: same.calendar, checked: now) }
            return same.calendar
        }
        let calendar = try Self.load(tables())
        entry.withLock { $0 = Entry(imports: imports, calendar: calendar, checked: now) }
        return calendar
    }

    /// The same, for engines whose reads are asynchronous.
    public func calendar(count: () async throws -> Int, tables: () async throws -> [String]) async throws -> WorkingDayCalendar {
        if let fresh { return fresh }
        let now = ContinuousClock.now
        let imports = try await count()
        if let same = entry.withLock({ $0 }), same.imports == imports {
            entry.withLock { $0 = Entry(imports: imports, calendar: same.calendar, checked: now) }
            return same.calendar
        }
        let calendar = try Self.load(try await tables())
        entry.withLock { $0 = Entry(imports: imports, calendar: calendar, checked: now) }
        return calendar
    }

    /// The calendar when its count of imported tables is under a second old, so a caller can skip a round trip to the
    /// database; nil when it must be looked at again.
    public var fresh: WorkingDayCalendar? {
        entry.withLock { entry in entry.flatMap { ContinuousClock.now - $0.checked < Self.recheck ? $0.calendar : nil } }
    }

    /// Forgets the calendar, after a table was imported through this process: the next use loads it at once.
    public func invalidate() {
        entry.withLock { $0 = nil }
    }

    /// The shipped calendar with the imported tables over it.
    public static func load(_ tables: [String]) throws -> WorkingDayCalendar {
        var calendar = try ShippedReferenceData.calendar()
        for csv in tables { calendar = try calendar.loading(WorkingDayCalendar(csv: csv)) }
        return calendar
    }
}
