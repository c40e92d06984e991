import ArrearsCore
import ArrearsStore
import PostgresNIO

extension PostgresComplaintStore: HistoryImportStore {
    /// Stores the batch in one transaction: each complaint not already there is numbered and inserted with its chained
    /// events, and the statistics its history implies are added once for the batch.
    public func importHistories(_ histories: [(Complaint, [ComplaintEvent])]) async throws -> Int {
        try await write { [self] connection in
            let existing = try await connection.query(
                "SELECT id FROM complaints WHERE id = ANY(\(histories.map(\.0.id.rawValue))::text[])", logger: logger)
            var stored: Set<String> = []
            for try await id in existing.decode(String.self) { stored.insert(id) }
            var cells = StatisticsCells(calendar: try await statisticsCalendar(connection))
            var count = 0
            for (complaint, events) in histories where !stored.contains(complaint.id.rawValue) {
                var numbered = complaint
                numbered.number = StoreCoding.complaintNumber(
                    year: numbered.receivedOn.components.year, ordinal: try await nextOrdinal(of: numbered.receivedOn.components.year, connection))
                try await insert(numbered, keys: BusinessKeys(complaint.filing), connection)
                for event in try StoredEvent.chain(events, province: complaint.intakeProvince) { try await insert(event, connection) }
                var replay = StatisticsCells.Replay(complaint: complaint)
                for event in events { replay.count(event, into: &cells) }
                count += 1
            }
            try await write(cells, connection)
            return count
        }
    }
}
