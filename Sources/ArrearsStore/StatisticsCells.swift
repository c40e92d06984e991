import ArrearsCore
import Foundation

/// Sums what events add to the statistics (`StatisticsLedger`) so an engine writes the sums in one go: once per
/// transaction for live events, once per batch for imports.
public struct StatisticsCells: Sendable {
    /// Typed, not text: hashing five strings per cell was a sixth of a bulk import's time (perf); text is made once per
    /// distinct cell when written.
    public struct Cell: Hashable, Sendable {
        public let month: CSTMonth
        public let province: String
        public let dimension: StatisticsDimension
        public let key: String
        public let figure: Figure
    }

    public struct Duration: Hashable, Sendable {
        public let month: CSTMonth
        public let province: String
        public let step: StatisticsStep
        public let unit: ClockUnit
        public let days: Int
    }

    /// The scope of national figures: every province's cells summed as they are written.
    public static let national = "*"

    public let calendar: WorkingDayCalendar
    public private(set) var deltas: [Cell: Int64] = [:]
    public private(set) var durations: [Duration: Int64] = [:]

    public init(calendar: WorkingDayCalendar) {
        self.calendar = calendar
    }

    /// Adds one event. `previousDeadline` is the clock running before it; `priorForwards` and `departmentAfter` describe the
    /// complaint around it (see `StatisticsLedger`).
    public mutating func count(
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
    public mutating func merge(_ other: StatisticsCells) {
        deltas.merge(other.deltas, uniquingKeysWith: +)
        durations.merge(other.durations, uniquingKeysWith: +)
    }

    /// What a complaint's history looked like before each event, when its events are counted one after another
    /// (imports and rebuilds, which have the events but not the complaint as it was).
    public struct Replay: Sendable {
        public let complaint: Complaint
        var forwards = 0
        var department: DepartmentID?
        var deadline: Deadline?

        public init(complaint: Complaint) {
            self.complaint = complaint
        }

        public mutating func count(_ event: ComplaintEvent, into cells: inout StatisticsCells) {
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
