import ArrearsCore
import ArrearsStore
import PostgresNIO

extension PostgresComplaintStore: HistoryImportStore {
    /// Stores the batch in one transaction: each complaint not already there is numbered and inserted with its chained
    /// events, and the statistics its history implies are added once for the batch. A few statements a batch, not a few
    /// a complaint: the numbers of each year in one, then the complaints, their keys and their events each in multi-row
    /// statements of up to `rowsPerStatement` rows.
    public func importHistories(_ histories: [(Complaint, [ComplaintEvent])]) async throws -> Int {
        try await write { [self] connection in
            let existing = try await connection.query(
                "SELECT id FROM complaints WHERE id = ANY(\(histories.map(\.0.id.rawValue))::text[])", logger: logger)
            var stored: Set<String> = []
            for try await id in existing.decode(String.self) { stored.insert(id) }
            var fresh: [(Complaint, [ComplaintEvent])] = []
            for history in histories where !stored.contains(history.0.id.rawValue) {
                stored.insert(history.0.id.rawValue)
                fresh.append(history)
            }
            guard !fresh.isEmpty else { return 0 }
            var cells = StatisticsCells(calendar: try await statisticsCalendar(connection))
            var numbered: [Complaint] = []
            var ordinals = try await ordinalsByYear(fresh.map { $0.0.receivedOn.components.year }, connection)
            for (complaint, events) in fresh {
                var complaint = complaint
                let year = complaint.receivedOn.components.year
                complaint.number = StoreCoding.complaintNumber(year: year, ordinal: ordinals[year]!.popLast()!)
                numbered.append(complaint)
                var replay = StatisticsCells.Replay(complaint: complaint)
                for event in events { replay.count(event, into: &cells) }
            }
            for start in stride(from: 0, to: numbered.count, by: Self.rowsPerStatement) {
                try await insert(Array(numbered[start..<min(start + Self.rowsPerStatement, numbered.count)]), connection)
            }
            var chained: [StoredEvent] = []
            for (complaint, events) in fresh { chained += try StoredEvent.chain(events, province: complaint.intakeProvince) }
            for start in stride(from: 0, to: chained.count, by: Self.rowsPerStatement) {
                var statement = PostgresStatement()
                let rows = chained[start..<min(start + Self.rowsPerStatement, chained.count)].map { Self.eventValues($0, &statement) }
                statement.sql = "INSERT INTO complaint_events (\(Self.eventColumns)) VALUES \(rows.joined(separator: ", "))"
                try await connection.query(statement.query, logger: logger)
            }
            try await write(cells, connection)
            return fresh.count
        }
    }

    /// Rows in one multi-row INSERT: 500 complaints bind 12,000 values, 500 events 8,500 — well under the protocol's
    /// 65,535 a statement, and big enough that the round trips stop mattering.
    static let rowsPerStatement = 500

    /// As many numbers of each year as `years` names it, one statement a year; each year's are last-first, to be taken
    /// with `popLast` in the order the sequence gave them.
    func ordinalsByYear(_ years: [Int], _ connection: PostgresConnection) async throws -> [Int: [Int]] {
        var wanted: [Int: Int] = [:]
        for year in years { wanted[year, default: 0] += 1 }
        var ordinals: [Int: [Int]] = [:]
        for (year, count) in wanted {
            let sequence = try Self.numberSequence(year)
            let rows = try await connection.query(
                "SELECT nextval(\(sequence)::regclass) FROM generate_series(1, \(count)) ORDER BY 1 DESC", logger: logger)
            for try await ordinal in rows.decode(Int.self) { ordinals[year, default: []].append(ordinal) }
        }
        return ordinals
    }

    /// Numbered complaints' rows and their business keys, in two statements.
    func insert(_ complaints: [Complaint], _ connection: PostgresConnection) async throws {
        var statement = PostgresStatement()
        let rows = try complaints.map { try ComplaintInsert.values(of: $0, body: StoreCoding.encode($0), &statement) }
        statement.sql = "INSERT INTO complaints (\(ComplaintInsert.columns)) VALUES \(rows.joined(separator: ", ")) RETURNING seq, id"
        var seqs: [String: Int64] = [:]
        for try await (seq, id) in try await connection.query(statement.query, logger: logger).decode((Int64, String).self) { seqs[id] = seq }
        var keys: (seq: [Int64], complainant: [String], respondent: [String], contract: [String]) = ([], [], [], [])
        for complaint in complaints {
            let business = BusinessKeys(complaint.filing)
            for contract in Set(business.contracts).sorted() {
                keys.seq.append(seqs[complaint.id.rawValue]!)
                keys.complainant.append(business.complainant)
                keys.respondent.append(business.respondent)
                keys.contract.append(contract)
            }
        }
        try await connection.query(
            """
            INSERT INTO complaint_keys (complaint_seq, complainant_code, respondent_key, contract_key)
            SELECT * FROM unnest(\(keys.seq)::bigint[], \(keys.complainant)::text[], \(keys.respondent)::text[], \(keys.contract)::text[])
            """, logger: logger)
    }
}
