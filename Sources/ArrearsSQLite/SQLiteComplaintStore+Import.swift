import ArrearsCore
import ArrearsStore
import GRDB

extension SQLiteComplaintStore: HistoryImportStore {
    public func importHistories(_ histories: [(Complaint, [ComplaintEvent])]) async throws -> Int {
        try await writer.write { db in
            var inserted = 0
            var cells = StatisticsCells(calendar: try statisticsCalendar(db))
            for (complaint, events) in histories {
                if try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM complaints WHERE id = ?)", arguments: [complaint.id.rawValue]) == true {
                    continue
                }
                var numbered = complaint
                numbered.number = try Self.nextNumber(for: complaint, in: db)
                try Self.insert(numbered, keys: Self.businessKeys(complaint.filing), in: db)
                var previous = AuditChain.genesis
                var replay = StatisticsCells.Replay(complaint: numbered)
                for event in events {
                    previous = try Self.append(event, province: numbered.intakeProvince, in: db, previous: previous)
                    replay.count(event, into: &cells)
                }
                inserted += 1
            }
            try cells.write(db)
            return inserted
        }
    }
}
