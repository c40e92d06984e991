import ArrearsCore
import ArrearsStore
import PostgresNIO

extension PostgresComplaintStore {
    /// Appends what events add to the statistics as one pending row; the folder moves it into the cells. A writer
    /// touches no row another writer touches (migration 0008).
    func write(_ cells: StatisticsCells, _ connection: PostgresConnection) async throws {
        var statement = PostgresStatement()
        guard let insert = Self.pendingInsert(cells, &statement) else { return }
        statement.sql = insert
        unfolded.add(1, ordering: .relaxed)
        try await connection.query(statement.query, logger: logger)
    }

    /// The INSERT of a pending row holding `cells`, its values bound into `statement`; nil when they add nothing.
    static func pendingInsert(_ cells: StatisticsCells, _ statement: inout PostgresStatement) -> String? {
        let deltas = cells.deltas.filter { $0.value != 0 }.map { (cell, value) in
            (cell.province, cell.dimension.rawValue, cell.key, cell.figure.rawValue, cell.month.description, value)
        }
        let durations = cells.durations.map { (cell, count) in
            (cell.province, cell.step.rawValue, cell.unit.rawValue, cell.month.description, cell.days, count)
        }
        guard !deltas.isEmpty || !durations.isEmpty else { return nil }
        let values = [
            statement.bind(deltas.map(\.0)), statement.bind(deltas.map(\.1)), statement.bind(deltas.map(\.2)), statement.bind(deltas.map(\.3)),
            statement.bind(deltas.map(\.4)), statement.bind(deltas.map(\.5)), statement.bind(durations.map(\.0)),
            statement.bind(durations.map(\.1)), statement.bind(durations.map(\.2)), statement.bind(durations.map(\.3)),
            statement.bind(durations.map { Int32($0.4) }), statement.bind(durations.map(\.5)),
        ]
        return """
            INSERT INTO statistics_pending (provinces, dimensions, keys, figures, months, amounts,
                d_provinces, d_steps, d_units, d_months, d_days, d_counts)
            VALUES (\(values.joined(separator: ", ")))
            """
    }

    /// The advisory lock only one folder holds at a time ("STAT" in ASCII).
    static let foldLock: Int64 = 0x5354_4154

    /// Moves pending additions into the cells, in batches, each batch deleted and added in one statement of one
    /// transaction, so each is counted exactly once. `wait`: a reader waits for a folder already at work (then folds what
    /// is left); the background folder gives way. Returns how many pending rows it folded.
    @discardableResult
    func foldStatistics(wait: Bool) async throws -> Int {
        var folded = 0
        while true {
            let batch = try await write { [self] connection -> Int in
                if wait {
                    try await connection.query("SELECT pg_advisory_xact_lock(\(Self.foldLock))", logger: logger)
                } else {
                    let rows = try await connection.query("SELECT pg_try_advisory_xact_lock(\(Self.foldLock))", logger: logger).collect()
                    guard try rows.first?.decode(Bool.self) == true else { return 0 }
                }
                let rows = try await connection.query(
                    """
                    WITH moved AS (
                        DELETE FROM statistics_pending WHERE id IN (SELECT id FROM statistics_pending ORDER BY id LIMIT \(Self.foldBatch))
                        RETURNING *
                    ), cells AS (
                        INSERT INTO statistics_cells (province, dimension, key, figure, month, value)
                        SELECT c.province, c.dimension, c.key, c.figure, c.month, sum(c.amount)
                        FROM moved, unnest(moved.provinces, moved.dimensions, moved.keys, moved.figures, moved.months, moved.amounts)
                            AS c (province, dimension, key, figure, month, amount)
                        GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5
                        ON CONFLICT (province, dimension, key, figure, month) DO UPDATE SET value = statistics_cells.value + excluded.value
                    ), durations AS (
                        INSERT INTO statistics_durations (province, step, unit, month, days, count)
                        SELECT d.province, d.step, d.unit, d.month, d.days, sum(d.count)
                        FROM moved, unnest(moved.d_provinces, moved.d_steps, moved.d_units, moved.d_months, moved.d_days, moved.d_counts)
                            AS d (province, step, unit, month, days, count)
                        GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5
                        ON CONFLICT (province, step, unit, month, days) DO UPDATE SET count = statistics_durations.count + excluded.count
                    )
                    SELECT count(*) FROM moved
                    """, logger: logger
                ).collect()
                return try rows.first?.decode(Int.self) ?? 0
            }
            folded += batch
            if batch < Self.foldBatch { return folded }
        }
    }

    /// Pending rows folded in one statement.
    static let foldBatch = 2_000

    public func monthlyStatistics(_ month: CSTMonth, visibleTo actor: Actor, breakdowns: Bool) async throws -> MonthlyStatistics {
        let province = actor.statisticsProvince
        let scope = province?.code ?? StatisticsCells.national
        let monthText = month.description
        // What was written before this reading is in the cells once this returns.
        try await foldStatistics(wait: true)
        return try await read { [self] connection in
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
