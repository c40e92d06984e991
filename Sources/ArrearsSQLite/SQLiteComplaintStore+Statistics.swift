import ArrearsCore
import ArrearsStore
import GRDB

extension SQLiteComplaintStore {
    public func monthlyStatistics(_ month: CSTMonth, visibleTo actor: Actor, breakdowns: Bool) async throws -> MonthlyStatistics {
        let province = actor.statisticsProvince
        return try await read { [recentStatistics] db in
            // The figures are a function of the stored cells alone, which change only with a commit: SQLite's change
            // counter for this connection (commits by any other connection or process) says whether they still hold.
            let changes = try Int.fetchOne(db.cachedStatement(sql: "PRAGMA data_version")) ?? 0
            let key = "\(db.description) \(month) \(province?.code ?? StatisticsCells.national) \(breakdowns)"
            return try recentStatistics.value(key, stamp: changes) {
                try Self.statistics(db, month: month, province: province, breakdowns: breakdowns)
            }
        }
    }

    /// Sums the cells of the month and of every month up to it, for every dimension key, in one pass.
    static func statistics(_ db: Database, month: CSTMonth, province: RegionCode?, breakdowns: Bool) throws -> MonthlyStatistics {
        let arguments: StatementArguments = [month.description, province?.code ?? StatisticsCells.national, month.description]
        let rows = try Row.fetchCursor(db, sql: cellSums(breakdowns: breakdowns), arguments: arguments)
        var period: [String: [Figure: Int64]] = [:]
        var toEnd: [String: [Figure: Int64]] = [:]
        while let row = try rows.next() {
            guard let figure = Figure(rawValue: row["figure"]) else { continue }
            let cell = (row["dimension"] as String) + "\u{1F}" + (row["key"] as String)
            period[cell, default: [:]][figure] = row["period"]
            toEnd[cell, default: [:]][figure] = row["to_end"]
        }
        let (inMonth, upToEnd) = try durations(db, month: month, province: province)
        return MonthlyStatistics.assemble(
            month: month, province: province, period: period, toEnd: toEnd, durationsInMonth: inMonth, durationsToEnd: upToEnd)
    }

    /// Each key's figures for the month and up to its end, in the cells' key order (migration 0012), so SQLite sums as it
    /// reads instead of sorting. Each scope has its own cells: the province's, or the whole country's ('*').
    static func cellSums(breakdowns: Bool) -> String {
        """
        SELECT dimension, key, figure, SUM(CASE WHEN month = ?1 THEN value ELSE 0 END) AS period, SUM(value) AS to_end
        FROM statistics_cells WHERE province = ?2 AND month <= ?3\(breakdowns ? "" : " AND dimension = 'all'") GROUP BY dimension, key, figure
        """
    }

    /// The duration histograms (`step unit` → days → count), for the month and cumulatively.
    static func durations(_ db: Database, month: CSTMonth, province: RegionCode?) throws -> ([String: [Int: Int]], [String: [Int: Int]]) {
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT step, unit, days, SUM(CASE WHEN month = ? THEN count ELSE 0 END) AS period, SUM(count) AS to_end
                FROM statistics_durations WHERE province = ? AND month <= ? GROUP BY step, unit, days
                """,
            arguments: [month.description, province?.code ?? StatisticsCells.national, month.description])
        var period: [String: [Int: Int]] = [:]
        var toEnd: [String: [Int: Int]] = [:]
        for row in rows {
            let key = (row["step"] as String) + " " + (row["unit"] as String)
            period[key, default: [:]][row["days"]] = row["period"]
            toEnd[key, default: [:]][row["days"]] = row["to_end"]
        }
        return (period, toEnd)
    }
}

extension SQLiteComplaintStore {
    /// Recomputes the statistics cells from the event log (they are derived data); for `arrearsd statistics rebuild` and
    /// to prove the cells kept as events happen are the ones the log implies.
    public func rebuildStatistics() async throws {
        try await write { db in try StatisticsCells.rebuild(db) }
    }
}
