import ArrearsCore
import ArrearsStore
import GRDB

/// Sums what events add to the statistics (`StatisticsLedger`) and writes the sums in one go: once per transaction for
/// live events, once per batch for imports.
struct StatisticsCells: Sendable {
    /// Typed, not text: hashing five strings per cell was a sixth of a bulk import's time (perf); text is made once per
    /// distinct cell when written.
    struct Cell: Hashable {
        let month: CSTMonth
        let province: String
        let dimension: StatisticsDimension
        let key: String
        let figure: Figure
    }

    struct Duration: Hashable {
        let month: CSTMonth
        let province: String
        let step: StatisticsStep
        let unit: ClockUnit
        let days: Int
    }

    /// The scope of national figures: every province's cells summed as they are written.
    static let national = "*"

    let calendar: WorkingDayCalendar
    private(set) var deltas: [Cell: Int64] = [:]
    private(set) var durations: [Duration: Int64] = [:]

    init(calendar: WorkingDayCalendar) {
        self.calendar = calendar
    }

    /// Adds one event. `previousDeadline` is the clock running before it; `priorForwards` and `departmentAfter` describe the
    /// complaint around it (see `StatisticsLedger`).
    mutating func count(
        _ event: ComplaintEvent, complaint filing: ComplaintFiling, receivedOn: CSTDate, previousDeadline: Deadline?, priorForwards: Int,
        departmentBefore: DepartmentID?, departmentAfter: DepartmentID?
    ) {
        let contribution = StatisticsLedger.contribution(
            of: event, receivedOn: receivedOn, previousDeadline: previousDeadline, priorForwards: priorForwards, calendar: calendar)
        let province = filing.respondent.intakeProvince?.code ?? ""
        for entry in contribution.figures {
            let keys = StatisticsLedger.keys(
                of: filing, event: event, side: entry.side, departmentBefore: departmentBefore, departmentAfter: departmentAfter)
            for (dimension, key) in keys {
                // Once for the province, once for the whole country ('*'), so each scope reads only its own cells.
                for scope in [province, Self.national] {
                    let cell = Cell(month: entry.month, province: scope, dimension: dimension, key: key, figure: entry.figure)
                    deltas[cell, default: 0] += entry.value
                }
            }
        }
        if let duration = contribution.duration {
            for scope in [province, Self.national] {
                let cell = Duration(month: event.on.month, province: scope, step: duration.step, unit: duration.unit, days: duration.days)
                durations[cell, default: 0] += 1
            }
        }
    }

    /// Adds another sum of the same calendar's events (imports count in parallel).
    mutating func merge(_ other: StatisticsCells) {
        deltas.merge(other.deltas, uniquingKeysWith: +)
        durations.merge(other.durations, uniquingKeysWith: +)
    }

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
        let calendar = try SQLiteComplaintStore.loadCalendar(db)
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

    /// What a complaint's history looked like before each event, when its events are counted one after another
    /// (imports and rebuilds, which have the events but not the complaint as it was).
    struct Replay {
        let complaint: Complaint
        var forwards = 0
        var department: DepartmentID?
        var deadline: Deadline?

        init(complaint: Complaint) {
            self.complaint = complaint
        }

        mutating func count(_ event: ComplaintEvent, into cells: inout StatisticsCells) {
            let before = department
            switch event.kind {
            case .forwarded: department = event.detail.department
            case .returned, .reopened: department = nil
            default: break
            }
            cells.count(
                event, complaint: complaint.filing, receivedOn: complaint.receivedOn, previousDeadline: deadline, priorForwards: forwards,
                departmentBefore: before, departmentAfter: department)
            if event.kind == .forwarded { forwards += 1 }
            deadline = event.detail.deadline
        }
    }
}
