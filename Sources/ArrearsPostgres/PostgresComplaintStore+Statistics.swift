import ArrearsCore
import ArrearsStore
import PostgresNIO

extension PostgresComplaintStore {
    /// Adds the sums to the stored cells, one statement for each table. Cells are written in key order, so two
    /// transactions that touch the same cells lock them in the same order and do not deadlock.
    func write(_ cells: StatisticsCells, _ connection: PostgresConnection) async throws {
        let deltas = cells.deltas.filter { $0.value != 0 }.map { (cell, value) in
            (cell.province, cell.dimension.rawValue, cell.key, cell.figure.rawValue, cell.month.description, value)
        }.sorted { ($0.0, $0.1, $0.2, $0.3, $0.4) < ($1.0, $1.1, $1.2, $1.3, $1.4) }
        if !deltas.isEmpty {
            try await connection.query(
                """
                INSERT INTO statistics_cells (province, dimension, key, figure, month, value)
                SELECT * FROM unnest(\(deltas.map(\.0))::text[], \(deltas.map(\.1))::text[], \(deltas.map(\.2))::text[],
                    \(deltas.map(\.3))::text[], \(deltas.map(\.4))::text[], \(deltas.map(\.5))::bigint[])
                ON CONFLICT (province, dimension, key, figure, month) DO UPDATE SET value = statistics_cells.value + excluded.value
                """, logger: logger)
        }
        let durations = cells.durations.map { (cell, count) in
            (cell.province, cell.step.rawValue, cell.unit.rawValue, cell.month.description, cell.days, count)
        }.sorted { ($0.0, $0.1, $0.2, $0.3, $0.4) < ($1.0, $1.1, $1.2, $1.3, $1.4) }
        if !durations.isEmpty {
            try await connection.query(
                """
                INSERT INTO statistics_durations (province, step, unit, month, days, count)
                SELECT * FROM unnest(\(durations.map(\.0))::text[], \(durations.map(\.1))::text[], \(durations.map(\.2))::text[],
                    \(durations.map(\.3))::text[], \(durations.map(\.4))::integer[], \(durations.map(\.5))::bigint[])
                ON CONFLICT (province, step, unit, month, days) DO UPDATE SET count = statistics_durations.count + excluded.count
                """, logger: logger)
        }
    }

    public func monthlyStatistics(_ month: CSTMonth, visibleTo actor: Actor, breakdowns: Bool) async throws -> MonthlyStatistics {
        let province = actor.statisticsProvince
        let scope = province?.code ?? StatisticsCells.national
        let monthText = month.description
        return try await read { connection in
            var period: [String: [Figure: Int64]] = [:]
            var toEnd: [String: [Figure: Int64]] = [:]
            let rows = try await connection.query(
                """
                SELECT dimension, key, figure, SUM(CASE WHEN month = \(monthText) THEN value ELSE 0 END)::bigint, SUM(value)::bigint
                FROM statistics_cells WHERE province = \(scope) AND month <= \(monthText)\(unescaped: breakdowns ? "" : " AND dimension = 'all'")
                GROUP BY dimension, key, figure
                """, logger: logger)
            for try await (dimension, key, figureText, inMonth, upToEnd) in rows.decode((String, String, String, Int64, Int64).self) {
                guard let figure = Figure(rawValue: figureText) else { continue }
                let cell = dimension + "\u{1F}" + key
                period[cell, default: [:]][figure] = inMonth
                toEnd[cell, default: [:]][figure] = upToEnd
            }
            var histogramsInMonth: [String: [Int: Int]] = [:]
            var histogramsToEnd: [String: [Int: Int]] = [:]
            let durations = try await connection.query(
                """
                SELECT step, unit, days, SUM(CASE WHEN month = \(monthText) THEN count ELSE 0 END)::bigint, SUM(count)::bigint
                FROM statistics_durations WHERE province = \(scope) AND month <= \(monthText) GROUP BY step, unit, days
                """, logger: logger)
            for try await (step, unit, days, inMonth, upToEnd) in durations.decode((String, String, Int, Int, Int).self) {
                histogramsInMonth[step + " " + unit, default: [:]][days] = inMonth
                histogramsToEnd[step + " " + unit, default: [:]][days] = upToEnd
            }
            return MonthlyStatistics.assemble(
                month: month, province: province, period: period, toEnd: toEnd, durationsInMonth: histogramsInMonth,
                durationsToEnd: histogramsToEnd)
        }
    }
}
