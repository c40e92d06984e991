import ArrearsCore
import ArrearsStore
import GRDB

extension SQLiteComplaintStore {
    public func monthlyStatistics(_ month: CSTMonth, visibleTo actor: Actor) async throws -> MonthlyStatistics {
        let province = actor.role == .admin ? nil : actor.province
        let end = month.lastDay.description
        return try await read { db in
            let monthly = try Self.figures(db, from: month.firstDay.description, through: end, province: province)
            let cumulative = try Self.figures(db, from: "0000-01-01", through: end, province: province)
            return MonthlyStatistics(month: month, province: province, monthly: monthly, cumulative: cumulative)
        }
    }

    /// Tallies the event log between two CST dates (inclusive); "open" is counted at the later one.
    static func figures(_ db: Database, from start: String, through end: String, province: RegionCode?) throws -> StatisticsFigures {
        let filter = province == nil ? "" : " AND intake_province = ?"
        let extra: StatementArguments = province.map { [$0.code] } ?? []
        var tallies: [ComplaintEventKind: Int] = [:]
        var claimed: Int64 = 0
        var paid: Int64 = 0
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT kind, COUNT(DISTINCT complaint_id) AS complaints,
                       COALESCE(SUM(amount_claimed_fen), 0) AS claimed, COALESCE(SUM(amount_paid_fen), 0) AS paid
                FROM complaint_events WHERE cst_date BETWEEN ? AND ?\(filter) GROUP BY kind
                """,
            arguments: [start, end] + extra)
        for row in rows {
            guard let kind = ComplaintEventKind(rawValue: row["kind"]) else { continue }
            tallies[kind] = row["complaints"]
            claimed += row["claimed"] as Int64
            paid += row["paid"] as Int64
        }
        let open =
            try Int.fetchOne(
                db, sql: "SELECT COALESCE(SUM(open_delta), 0) FROM complaint_events WHERE cst_date <= ?\(filter)",
                arguments: [end] + extra) ?? 0
        var figures = StatisticsFigures(tallies: tallies, amountClaimed: Fen(unchecked: claimed), amountPaid: Fen(unchecked: paid), openAtEnd: open)
        let grounds = try Row.fetchAll(
            db,
            sql: """
                SELECT json_extract(detail, '$.ground') AS ground, COUNT(DISTINCT complaint_id) AS complaints
                FROM complaint_events WHERE kind = 'rejected' AND cst_date BETWEEN ? AND ?\(filter) GROUP BY ground
                """,
            arguments: [start, end] + extra)
        for row in grounds {
            if let text = row["ground"] as String?, let ground = RejectionGround(rawValue: text) {
                figures.rejectedByGround[ground] = row["complaints"]
            }
        }
        return figures
    }
}
