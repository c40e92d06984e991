import ArrearsCore
import ArrearsStore
import Foundation
import GRDB
import Synchronization

/// The embedded default store: complaints and their event log in one SQLite file, through GRDB.
public final class SQLiteComplaintStore: ComplaintStore, Sendable {
    let writer: any DatabaseWriter
    /// Every write of the server goes through it, so concurrent writes share fsyncs.
    let groupCommit: GroupCommit
    /// The working-day calendar deadlines and statistics count on (`CalendarCache`).
    let calendars = CalendarCache()
    /// Complaints with their events, read once per version (`RecentHistories`).
    let histories = RecentHistories()
    /// Monthly statistics by reading connection, scope and month, as of that connection's last seen commit.
    let recentStatistics = RecentlyRead<Int, MonthlyStatistics>(capacity: 256)
    /// Queue lines' clocks, read once per version.
    let clocks = RecentClocks(capacity: 8_192)
    /// Reads and writes under way (`OperationalGauges`).
    let reads = Atomic<Int>(0)
    let writes = Atomic<Int>(0)

    /// Wraps an opened, migrated database.
    public init(_ writer: any DatabaseWriter) {
        self.writer = writer
        self.groupCommit = GroupCommit(writer)
    }

    /// The calendar in force, read within `db`'s transaction when the cache asks.
    func statisticsCalendar(_ db: Database) throws -> WorkingDayCalendar {
        try calendars.calendar(
            count: { try Int.fetchOne(db.cachedStatement(sql: "SELECT count(*) FROM calendar_imports")) ?? 0 },
            tables: { try String.fetchAll(db.cachedStatement(sql: "SELECT csv FROM calendar_imports ORDER BY id")) })
    }

    /// Every read goes through here, never straight to `writer.read`. A closure that is not
    /// `@Sendable` makes `try await writer.read { … }` quietly pick GRDB's *blocking* overload; on
    /// Swift concurrency's few threads, enough of those waiting for a reader connection stopped the
    /// whole server, /healthz included (found with wrk at 64 connections, 2026-11-22).
    func read<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        reads.add(1, ordering: .relaxed)
        defer { reads.subtract(1, ordering: .relaxed) }
        do { return try await writer.read(body) } catch let error as DatabaseError where error.resultCode == .SQLITE_CONSTRAINT {
            throw StoreError.constraint(error.message ?? "a constraint")
        }
    }

    /// Every write goes through here: all or nothing, in the next group commit, counted for `/metrics` while it waits
    /// for and holds the writer.
    func write<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        writes.add(1, ordering: .relaxed)
        defer { writes.subtract(1, ordering: .relaxed) }
        // Constraints the store turns into answers of its own (a taken id) are caught inside `body`; any other is a
        // value the domain let through, refused here rather than answered 500.
        do { return try await groupCommit.write(body) } catch let error as DatabaseError where error.resultCode == .SQLITE_CONSTRAINT {
            throw StoreError.constraint(error.message ?? "a constraint")
        }
    }

    /// Opens the file, migrates it, and returns the store.
    public static func open(path: String) throws -> SQLiteComplaintStore {
        let pool = try SQLiteDatabase.open(path: path)
        try SQLiteDatabase.migrate(pool)
        return SQLiteComplaintStore(pool)
    }

    public func register(_ complaint: Complaint, event: ComplaintEvent, idempotency: IdempotencyClaim?) async throws -> Registration {
        // Encoded before the one writer takes it (its number is written in by SQL); encoded again there only when earlier
        // complaints added findings, which few filings have.
        let encoded = try StoreCoding.encode(complaint)
        return try await write { db in
            if let claim = idempotency, let earlier = try Self.registration(db, claimedBy: claim) { return .replayed(earlier) }
            let plan = RegistrationWrite(complaint, event: event)
            let (numbered, write) = try plan.numbered(
                ordinal: try Self.nextOrdinal(of: plan.year, in: db), related: try Self.related(db, plan.keys),
                calendar: try self.statisticsCalendar(db))
            try Self.insert(numbered, encoded: numbered.findings.count == complaint.findings.count ? encoded : nil, keys: plan.keys, in: db)
            try Self.execute(write, in: db)
            if let claim = idempotency {
                try db.cachedStatement(
                    sql: "INSERT INTO idempotency_keys (account, key, fingerprint, complaint_id, created_at) VALUES (?, ?, ?, ?, ?)"
                ).execute(
                    arguments: [claim.account.rawValue, claim.key, claim.fingerprint, numbered.id.rawValue, StoreCoding.instant(numbered.receivedAt)])
            }
            return .created(numbered)
        }
    }

    public func registration(claimedBy claim: IdempotencyClaim) async throws -> Complaint? {
        try await read { db in try Self.registration(db, claimedBy: claim) }
    }

    static func registration(_ db: Database, claimedBy claim: IdempotencyClaim) throws -> Complaint? {
        guard
            let row = try Row.fetchOne(
                db.cachedStatement(sql: "SELECT fingerprint, complaint_id FROM idempotency_keys WHERE account = ? AND key = ?"),
                arguments: [claim.account.rawValue, claim.key])
        else { return nil }
        guard row["fingerprint"] as String == claim.fingerprint else { throw StoreError.idempotencyKeyReused }
        guard let earlier = try fetchComplaint(db, id: ComplaintID(row["complaint_id"]), scope: .everything) else { throw StoreError.notFound }
        return earlier
    }

    /// The next ordinal of a year's complaints (ARR-2026-000001, …).
    static func nextOrdinal(of year: Int, in db: Database) throws -> Int {
        try takeOrdinals(1, of: year, in: db)
    }

    /// Takes the next `count` ordinals of a year; returns the last of them.
    static func takeOrdinals(_ count: Int, of year: Int, in db: Database) throws -> Int {
        try Int.fetchOne(
            db.cachedStatement(
                sql: """
                    INSERT INTO complaint_numbers (year, last) VALUES (?1, ?2) ON CONFLICT (year) DO UPDATE SET last = last + ?2 RETURNING last
                    """),
            arguments: [year, count]) ?? count
    }

    /// Adds a complaint's search terms (`SearchTerms`) under its position.
    /// `parties` are the complaint's terms but its number's (`SearchTerms.parties`), when made before.
    static func index(_ complaint: Complaint, seq: Int64, parties: [String]? = nil, in db: Database) throws {
        let document = SearchTerms.numbered(complaint.number, parties: parties ?? SearchTerms.parties(of: complaint))
        try db.cachedStatement(sql: "INSERT INTO complaint_search (rowid, terms) VALUES (?, ?)")
            .execute(arguments: [seq, document.joined(separator: " ")])
    }

    /// Inserts a numbered complaint's row and its business keys (for duplicate detection). `encoded` is the complaint's
    /// JSON made before its number was known (bulk imports encode outside the write); SQLite writes the number into it.
    static func insert(
        _ numbered: Complaint, encoded: String? = nil, searchParties: [String]? = nil, keys: BusinessKeys, in db: Database
    ) throws {
        let filing = numbered.filing
        let (complainant, respondent) = (filing.complainant, filing.respondent)
        try db.cachedStatement(
            sql: """
                INSERT INTO complaints (id, number, state, version, intake_province, handling_department,
                    complainant_account, received_at, due_on, amount_claimed_fen, body,
                    complainant_name, complainant_code, complainant_industry, complainant_size, contact_person, contact_phone,
                    contact_email, respondent_name, respondent_kind, respondent_level, respondent_region, channel)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, json_set(?11, '$.number', ?2),
                    ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23)
                """
        ).execute(
            arguments: [
                numbered.id.rawValue, numbered.number, numbered.state.rawValue, numbered.version,
                numbered.intakeProvince?.code, numbered.handlingDepartment?.rawValue,
                numbered.complainantAccount?.rawValue, StoreCoding.instant(numbered.receivedAt),
                numbered.nextDue?.description, filing.amountClaimed.value, try encoded ?? StoreCoding.encode(numbered),
                complainant.name, complainant.creditCode.description, complainant.industry.rawValue, complainant.declaredSize.rawValue,
                complainant.contact.person, complainant.contact.phone, complainant.contact.email, respondent.name, respondent.kind.rawValue,
                respondent.level.rawValue, respondent.region.description, filing.channel.rawValue,
            ])
        let seq = db.lastInsertedRowID
        try index(numbered, seq: seq, parties: searchParties, in: db)
        for contract in Set(keys.contracts) {
            try db.cachedStatement(
                sql: "INSERT INTO complaint_keys (complaint_seq, complainant_code, respondent_key, contract_key) VALUES (?, ?, ?, ?)"
            ).execute(arguments: [seq, keys.complainant, keys.respondent, contract])
        }
    }

    public func complaint(_ id: ComplaintID, visibleTo actor: Actor) async throws -> Complaint? {
        try await read { db in try Self.fetchComplaint(db, id: id, scope: SQLiteScope(actor)) }
    }

    public func events(of id: ComplaintID, visibleTo actor: Actor) async throws -> [ComplaintEvent]? {
        try await read { db in
            // Only the id is needed to check scope; decoding the whole complaint here doubled the cost of a read.
            let (condition, arguments) = Self.lookup(id, SQLiteScope(actor))
            guard let found = try String.fetchOne(db.cachedStatement(sql: "SELECT id FROM complaints WHERE \(condition)"), arguments: arguments)
            else { return nil }
            return try Self.fetchEvents(db, of: ComplaintID(found))
        }
    }

    public func history(of id: ComplaintID, visibleTo actor: Actor) async throws -> (complaint: Complaint, events: [ComplaintEvent])? {
        try await read { [histories] db in
            let (condition, arguments) = Self.lookup(id, SQLiteScope(actor))
            let statement = try db.cachedStatement(sql: "SELECT version, complainant_account, body FROM complaints WHERE \(condition)")
            guard let row = try Row.fetchOne(statement, arguments: arguments) else { return nil }
            return try histories.history(id.rawValue, version: row[0], account: row[1]) {
                let complaint = try StoreCoding.decode(Complaint.self, from: row[2] as String)
                return (complaint, try Self.fetchEvents(db, of: complaint.id))
            }
        }
    }

    /// A complaint's events, oldest first (no scope check: the caller has made it).
    static func fetchEvents(_ db: Database, of id: ComplaintID) throws -> [ComplaintEvent] {
        try Row.fetchAll(
            db.cachedStatement(
                sql: """
                    SELECT kind, from_state, to_state, actor, actor_name, role, occurred_at, sequence, detail
                    FROM complaint_events WHERE complaint_id = ? ORDER BY sequence
                    """),
            arguments: [id.rawValue]
        ).map { row in try Self.event(from: row, complaint: id) }
    }

    /// An event from its stored row.
    static func event(from row: Row, complaint id: ComplaintID) throws -> ComplaintEvent {
        ComplaintEvent(
            complaintID: id, sequence: row["sequence"], kind: try decodeEnum(row["kind"]),
            from: try (row["from_state"] as String?).map { try decodeEnum($0) }, to: try decodeEnum(row["to_state"]),
            actor: AccountID(row["actor"]), actorName: row["actor_name"], role: try decodeEnum(row["role"]),
            at: try StoreCoding.instant(row["occurred_at"]), detail: try StoreCoding.decode(EventDetail.self, from: row["detail"]))
    }

    public func transition(
        _ id: ComplaintID, visibleTo actor: Actor, expectedVersion: Int,
        decide: @escaping @Sendable (Complaint) throws -> (Complaint, ComplaintEvent)
    ) async throws -> Complaint {
        try await write { db in
            guard let current = try Self.fetchComplaint(db, id: id, scope: SQLiteScope(actor)) else { throw StoreError.notFound }
            let (next, event) = try TransitionOrder.decide(current, expectedVersion: expectedVersion, decide)
            try Self.save(next, replacing: current, event: event, calendar: try self.statisticsCalendar(db), in: db)
            return next
        }
    }

    /// Writes a complaint's next state over the version it was decided on, and appends its event.
    static func save(_ next: Complaint, replacing current: Complaint, event: ComplaintEvent, calendar: WorkingDayCalendar, in db: Database) throws {
        try db.execute(
            sql: """
                UPDATE complaints SET state = ?, version = ?, handling_department = ?, due_on = ?, body = ?
                WHERE id = ? AND version = ?
                """,
            arguments: [
                next.state.rawValue, next.version, next.handlingDepartment?.rawValue, next.nextDue?.description,
                try StoreCoding.encode(next), current.id.rawValue, current.version,
            ])
        guard db.changesCount == 1 else { throw StoreError.versionConflict(current: current.version) }
        try execute(EventWrite(event, next: next, replacing: current, calendar: calendar), in: db)
    }

    /// Writes what an event writes beside the complaint's row: the chained event, its notification, its statistics.
    static func execute(_ write: EventWrite, in db: Database) throws {
        try append(write.event, province: write.province, in: db)
        if let notification = write.notification { try enqueue(notification, at: write.event.at, in: db) }
        try write.cells.write(db)
    }

    /// The newest ten complaints with one business key between the same parties.
    static let relatedKeysSQL = """
        SELECT complaint_seq FROM complaint_keys WHERE complainant_code = ? AND respondent_key = ? AND contract_key = ?
        ORDER BY complaint_seq DESC LIMIT 10
        """

    /// Earlier complaints between the same parties that share a contract number or amount, newest first; ten are
    /// enough for the officer to judge. Each key reads at most ten index entries, so the cost does not grow with the
    /// number of complaints the parties already have.
    static func related(_ db: Database, _ keys: BusinessKeys) throws -> [RelatedComplaint] {
        var matched: [Int64: [String]] = [:]
        for key in Set(keys.contracts) {
            let seqs = try Int64.fetchAll(db.cachedStatement(sql: relatedKeysSQL), arguments: [keys.complainant, keys.respondent, key])
            for seq in seqs { matched[seq, default: []].append(key) }
        }
        return try matched.keys.sorted(by: >).prefix(10).compactMap { seq in
            guard
                let row = try Row.fetchOne(
                    db.cachedStatement(
                        sql: "SELECT id, number, state, json_extract(body, '$.resolution') IS NOT NULL AS has_result FROM complaints WHERE seq = ?"),
                    arguments: [seq])
            else { return nil }
            return BusinessKeys.related(
                id: ComplaintID(row["id"]), number: row["number"], state: try decodeEnum(row["state"]), hasResult: row["has_result"],
                matched: matched[seq] ?? [])
        }
    }

    /// Appends an event, chained to the one before it (`AuditChain`); returns this event's hash.
    @discardableResult
    static func append(_ event: ComplaintEvent, province: RegionCode?, in db: Database) throws -> String {
        let previous =
            event.sequence == 1
            ? AuditChain.genesis
            : try String.fetchOne(
                db.cachedStatement(sql: "SELECT hash FROM complaint_events WHERE complaint_id = ? AND sequence = ?"),
                arguments: [event.complaintID.rawValue, event.sequence - 1]) ?? AuditChain.genesis
        let stored = try StoredEvent(event, province: province, previous: previous)
        try stored.insert(in: db)
        return stored.hash
    }

    public func readinessProblem() async -> Message? {
        do {
            let current = try await read { db in try SQLiteDatabase.isCurrent(db) }
            return current ? nil : Message("readiness.schema")
        } catch {
            return Message("readiness.unreachable", ["error": .text("\(error)")])
        }
    }

    /// Finds a complaint by its id or its number (officials type numbers), within a scope.
    static func fetchComplaint(_ db: Database, id: ComplaintID, scope: SQLiteScope) throws -> Complaint? {
        let (condition, arguments) = lookup(id, scope)
        guard let body = try String.fetchOne(db.cachedStatement(sql: "SELECT body FROM complaints WHERE \(condition)"), arguments: arguments) else {
            return nil
        }
        return try StoreCoding.decode(Complaint.self, from: body)
    }

    /// The condition that finds one complaint by id or number within a scope.
    static func lookup(_ id: ComplaintID, _ scope: SQLiteScope) -> (String, StatementArguments) {
        ("(id = ?1 OR number = ?1) AND \(scope.sql)", [id.rawValue] + scope.arguments)
    }

    static func decodeEnum<T: RawRepresentable>(_ raw: String) throws -> T where T.RawValue == String {
        guard let value = T(rawValue: raw) else {
            throw DatabaseError(resultCode: .SQLITE_CORRUPT, message: "unknown value \(raw) for \(T.self)")
        }
        return value
    }
}
