import ArrearsCore
import ArrearsStore
import PostgresNIO

extension PostgresComplaintStore: OperationalGaugeStore {
    /// Two counts on the state and due-date indexes.
    public func operationalGauges(today: CSTDate) async throws -> OperationalGauges {
        var gauges = try await read { [self] connection in
            var gauges = OperationalGauges()
            for try await (state, count) in try await connection.query(
                "SELECT state, count(*) FROM complaints GROUP BY state", logger: logger
            ).decode((String, Int).self) {
                gauges.complaintsByState[try Self.decodeEnum(state)] = count
            }
            for try await (state, count) in try await connection.query(
                "SELECT state, count(*) FROM complaints WHERE due_on < \(today.description) GROUP BY state", logger: logger
            ).decode((String, Int).self) {
                gauges.overdueByState[try Self.decodeEnum(state)] = count
            }
            return gauges
        }
        gauges.readsInFlight = reads.load(ordering: .relaxed)
        gauges.writesInFlight = writes.load(ordering: .relaxed)
        gauges.primaryMoves = pool.location.hosts.count > 1 ? pool.moves.load(ordering: .relaxed) : nil
        return gauges
    }
}
