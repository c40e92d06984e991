import ArrearsCore
import ArrearsStore
import Foundation
import GRDB

extension SQLiteComplaintStore: HistoryImportStore {
    /// Encodes, hashes and counts the histories on every core, then stores them in one transaction. Only numbering and
    /// inserts happen in the write, because one writer is the ceiling of a bulk import.
    public func importHistories(_ histories: [(Complaint, [ComplaintEvent])]) async throws -> Int {
        var attempt = 1
        while true {
            let ids = String(decoding: try JSONEncoder().encode(histories.map(\.0.id.rawValue)), as: UTF8.self)
            let (existing, calendar) = try await read { db in
                (
                    Set(try String.fetchAll(db, sql: "SELECT id FROM complaints WHERE id IN (SELECT value FROM json_each(?))", arguments: [ids])),
                    try self.statisticsCalendar(db)
                )
            }
            let prepared = try await PreparedHistories(histories.filter { !existing.contains($0.0.id.rawValue) }, calendar: calendar)
            do {
                return try await write { db in try prepared.store(in: db) }
            } catch is ImportedMeanwhile where attempt < 3 {
                attempt += 1  // another import stored some of these since they were looked up: look again
            }
        }
    }
}

/// Some complaints of a batch were stored by someone else between the look-up and the write.
struct ImportedMeanwhile: Error {}

/// Histories ready to store: each complaint's JSON (its number filled in by the write), its events chained and encoded,
/// and the statistics they add, summed.
struct PreparedHistories: Sendable {
    struct History: Sendable {
        let complaint: Complaint
        let body: String
        /// Its search terms but its number's.
        let searchParties: [String]
        let keys: BusinessKeys
        let events: [StoredEvent]
    }

    var histories: [History] = []
    var cells: StatisticsCells

    init(_ histories: [(Complaint, [ComplaintEvent])], calendar: WorkingDayCalendar) async throws {
        cells = StatisticsCells(calendar: calendar)
        let parts = try await histories.onEveryCore(smallest: 64) { part in
            var cells = StatisticsCells(calendar: calendar)
            let made = try part.map { complaint, events in
                var replay = StatisticsCells.Replay(complaint: complaint)
                for event in events { replay.count(event, into: &cells) }
                return History(
                    complaint: complaint, body: try StoreCoding.encode(complaint), searchParties: SearchTerms.parties(of: complaint),
                    keys: BusinessKeys(complaint.filing), events: try StoredEvent.chain(events, province: complaint.intakeProvince))
            }
            return (made, cells)
        }
        for (made, partCells) in parts {
            self.histories += made
            cells.merge(partCells)
        }
    }

    /// Numbers and inserts every history, then adds the statistics; throws `ImportedMeanwhile` (rolling back) when one
    /// is already there, because its statistics were counted.
    func store(in db: Database) throws -> Int {
        // Each year's numbers taken at once, in the order the histories come (a statement per complaint was a tenth of
        // the writer's time).
        var next: [Int: Int] = [:]
        for (year, count) in Dictionary(grouping: histories, by: \.complaint.receivedOn.components.year).mapValues(\.count) {
            let last = try SQLiteComplaintStore.takeOrdinals(count, of: year, in: db)
            next[year] = last - count + 1
        }
        for history in histories {
            if try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM complaints WHERE id = ?)", arguments: [history.complaint.id.rawValue]) == true
            {
                throw ImportedMeanwhile()
            }
            var numbered = history.complaint
            let year = numbered.receivedOn.components.year
            numbered.number = StoreCoding.complaintNumber(year: year, ordinal: next[year]!)
            next[year]! += 1
            try SQLiteComplaintStore.insert(numbered, encoded: history.body, searchParties: history.searchParties, keys: history.keys, in: db)
            for event in history.events { try event.insert(in: db) }
        }
        try cells.write(db)
        return histories.count
    }
}
