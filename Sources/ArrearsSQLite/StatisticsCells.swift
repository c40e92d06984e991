import ArrearsCore
import ArrearsStore
import GRDB

/// Sums what events add to the statistics cells (`StatisticsLedger`) and writes the sums in one go: once per transaction
/// for live events, once per batch for imports.
struct StatisticsCells {
    struct Cell: Hashable {
        let month: String
        let province: String
        let dimension: String
        let key: String
        let figure: String
    }

    private(set) var deltas: [Cell: Int64] = [:]

    /// Adds one event. `priorForwards` and `departmentAfter` describe the complaint around it (see `StatisticsLedger`).
    mutating func count(_ event: ComplaintEvent, filing: ComplaintFiling, priorForwards: Int, departmentAfter: DepartmentID?) {
        let contribution = StatisticsLedger.contribution(of: event, priorForwards: priorForwards)
        guard !contribution.isEmpty else { return }
        let month = event.on.month.description
        let keys = StatisticsLedger.keys(of: filing, event: event, departmentAfter: departmentAfter)
        let province = keys[.province] ?? ""
        for (dimension, key) in keys {
            for (figure, value) in contribution {
                deltas[Cell(month: month, province: province, dimension: dimension.rawValue, key: key, figure: figure.rawValue), default: 0] += value
            }
        }
    }

    func write(_ db: Database) throws {
        let statement = try db.cachedStatement(
            sql: """
                INSERT INTO statistics_cells (month, province, dimension, key, figure, value) VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (month, province, dimension, key, figure) DO UPDATE SET value = value + excluded.value
                """)
        for (cell, value) in deltas where value != 0 {
            try statement.execute(arguments: [cell.month, cell.province, cell.dimension, cell.key, cell.figure, value])
        }
    }

    /// Recomputes every cell from the event log, oldest event of each complaint first.
    static func rebuild(_ db: Database) throws {
        try db.execute(sql: "DELETE FROM statistics_cells")
        let rows = try Row.fetchCursor(
            db,
            sql: """
                SELECT e.complaint_id, e.sequence, e.kind, e.from_state, e.to_state, e.actor, e.actor_name, e.role, e.occurred_at, e.detail, c.body
                FROM complaint_events e JOIN complaints c ON c.id = e.complaint_id ORDER BY e.complaint_id, e.sequence
                """)
        var cells = StatisticsCells()
        var current: (id: String, filing: ComplaintFiling)?
        var forwards = 0
        var department: DepartmentID?
        while let row = try rows.next() {
            let id: String = row["complaint_id"]
            if current?.id != id {
                if cells.deltas.count > 50_000 {
                    try cells.write(db)
                    cells = StatisticsCells()
                }
                current = (id, try StoreCoding.decode(Complaint.self, from: row["body"]).filing)
                forwards = 0
                department = nil
            }
            let event = try SQLiteComplaintStore.event(from: row, complaint: ComplaintID(id))
            department = departmentAfter(event, before: department)
            cells.count(event, filing: current!.filing, priorForwards: forwards, departmentAfter: department)
            if event.kind == .forwarded { forwards += 1 }
        }
        try cells.write(db)
    }

    /// The handling department holding a complaint after an event, from the one before it.
    static func departmentAfter(_ event: ComplaintEvent, before: DepartmentID?) -> DepartmentID? {
        switch event.kind {
        case .forwarded: event.detail.department
        case .returned, .reopened: nil
        default: before
        }
    }
}
