import ArrearsCore
import ArrearsStore
import GRDB

extension SQLiteComplaintStore {
    public func monthlyStatistics(_ month: CSTMonth, visibleTo actor: Actor) async throws -> MonthlyStatistics {
        let province = actor.role == .admin ? nil : actor.province
        return try await read { db in try Self.statistics(db, month: month, province: province) }
    }

    /// Sums the cells of the month and of every month up to it, for every dimension key, in one pass.
    static func statistics(_ db: Database, month: CSTMonth, province: RegionCode?) throws -> MonthlyStatistics {
        let filter = province == nil ? "" : " AND province = ?"
        let arguments: StatementArguments = [month.description, month.description] + (province.map { [$0.code] } ?? [])
        let rows = try Row.fetchCursor(
            db,
            sql: """
                SELECT dimension, key, figure, SUM(CASE WHEN month = ? THEN value ELSE 0 END) AS period, SUM(value) AS to_end
                FROM statistics_cells WHERE month <= ?\(filter) GROUP BY dimension, key, figure
                """,
            arguments: arguments)
        var period: [String: [Figure: Int64]] = [:]
        var toEnd: [String: [Figure: Int64]] = [:]
        while let row = try rows.next() {
            guard let figure = Figure(rawValue: row["figure"]) else { continue }
            let cell = (row["dimension"] as String) + "\u{1F}" + (row["key"] as String)
            period[cell, default: [:]][figure] = row["period"]
            toEnd[cell, default: [:]][figure] = row["to_end"]
        }
        func figures(_ cell: String) -> (StatisticsFigures, StatisticsFigures) {
            let end = toEnd[cell] ?? [:]
            return (StatisticsFigures(period: period[cell] ?? [:], toEnd: end), StatisticsFigures(period: end, toEnd: end))
        }
        let (monthly, cumulative) = figures(StatisticsDimension.all.rawValue + "\u{1F}")
        let breakdowns = toEnd.keys.sorted().compactMap { cell -> StatisticsBreakdown? in
            let parts = cell.split(separator: "\u{1F}", omittingEmptySubsequences: false)
            guard parts.count == 2, let dimension = StatisticsDimension(rawValue: String(parts[0])), dimension != .all else { return nil }
            let (month, total) = figures(cell)
            return StatisticsBreakdown(dimension: dimension, key: String(parts[1]), monthly: month, cumulative: total)
        }
        return MonthlyStatistics(month: month, province: province, monthly: monthly, cumulative: cumulative, breakdowns: breakdowns)
    }
}

extension SQLiteComplaintStore {
    /// Recomputes the statistics cells from the event log (they are derived data); for `arrearsd statistics rebuild` and
    /// to prove the cells kept as events happen are the ones the log implies.
    public func rebuildStatistics() async throws {
        try await writer.write { db in try StatisticsCells.rebuild(db) }
    }
}
