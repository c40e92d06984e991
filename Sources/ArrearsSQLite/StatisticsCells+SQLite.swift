import ArrearsCore
import ArrearsStore
import GRDB

extension StatisticsCells {
    /// Adds the sums to the stored cells.
    func write(_ db: Database) throws {
        let cells = try db.cachedStatement(
            sql: """
                INSERT INTO statistics_cells (month, province, dimension, key, figure, value) VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (province, dimension, key, figure, month) DO UPDATE SET value = value + excluded.value
                """)
        for (cell, value) in deltas where value != 0 {
            try cells.execute(arguments: [cell.month.description, cell.province, cell.dimension.rawValue, cell.key, cell.figure.rawValue, value])
        }
        let histogram = try db.cachedStatement(
            sql: """
                INSERT INTO statistics_durations (month, province, step, unit, days, count) VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (province, step, unit, month, days) DO UPDATE SET count = count + excluded.count
                """)
        for (cell, count) in durations {
            try histogram.execute(arguments: [cell.month.description, cell.province, cell.step.rawValue, cell.unit.rawValue, cell.days, count])
        }
    }

    /// Recomputes everything from the event log, oldest event of each complaint first.
    static func rebuild(_ db: Database) throws {
        try db.execute(sql: "DELETE FROM statistics_cells")
        try db.execute(sql: "DELETE FROM statistics_durations")
        let calendar = try CalendarCache.load(String.fetchAll(db, sql: "SELECT csv FROM calendar_imports ORDER BY id"))
        let rows = try Row.fetchCursor(
            db,
            sql: """
                SELECT e.complaint_id, e.sequence, e.kind, e.from_state, e.to_state, e.actor, e.actor_name, e.role, e.occurred_at, e.detail, c.body
                FROM complaint_events e JOIN complaints c ON c.id = e.complaint_id ORDER BY e.complaint_id, e.sequence
                """)
        var cells = StatisticsCells(calendar: calendar)
        var replay: Replay?
        while let row = try rows.next() {
            let id: String = row["complaint_id"]
            if replay?.complaint.id.rawValue != id {
                if cells.deltas.count > 50_000 {
                    try cells.write(db)
                    cells = StatisticsCells(calendar: calendar)
                }
                replay = Replay(complaint: try StoreCoding.decode(Complaint.self, from: row["body"]))
            }
            replay?.count(try SQLiteComplaintStore.event(from: row, complaint: ComplaintID(id)), into: &cells)
        }
        try cells.write(db)
    }

}
