import ArrearsCore
import ArrearsStore
import GRDB

extension SQLiteComplaintStore: OperationalGaugeStore {
    /// Two index-only counts (`complaints_by_state`, `complaints_by_due_date`).
    public func operationalGauges(today: CSTDate) async throws -> OperationalGauges {
        var gauges = try await read { db in
            var gauges = OperationalGauges()
            for row in try Row.fetchAll(db, sql: "SELECT state, count(*) AS n FROM complaints GROUP BY state") {
                gauges.complaintsByState[try Self.decodeEnum(row["state"])] = row["n"]
            }
            for row in try Row.fetchAll(
                db, sql: "SELECT state, count(*) AS n FROM complaints WHERE due_on < ? GROUP BY state", arguments: [today.description])
            {
                gauges.overdueByState[try Self.decodeEnum(row["state"])] = row["n"]
            }
            return gauges
        }
        gauges.readsInFlight = reads.load(ordering: .relaxed)
        gauges.writesInFlight = writes.load(ordering: .relaxed)
        (gauges.commits, gauges.committedWrites) = groupCommit.committed
        return gauges
    }
}
