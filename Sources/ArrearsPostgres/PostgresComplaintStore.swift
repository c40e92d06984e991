import ArrearsCore
import ArrearsStore
import Foundation
import Logging
import PostgresNIO
import ServiceLifecycle
import Synchronization

/// The scale-out store: the same tables and behaviour as `SQLiteComplaintStore`, on one PostgreSQL database that several
/// `arrearsd` processes share. Row locks (`SELECT … FOR UPDATE`) decide racing transitions across processes; numbers come
/// from a sequence per year and an Idempotency-Key is a row, so neither can be taken twice. Its connection pool is a
/// service: it serves queries while `run()` runs (in a service group, or inside `running(_:)`), and stops with it.
public final class PostgresComplaintStore: ComplaintStore, Service, Sendable {
    let pool: PrimaryPool
    let logger: Logger
    /// The working-day calendar deadlines and statistics count on (`CalendarCache`).
    let calendars = CalendarCache()
    /// Queue lines' clocks, read once per version.
    let clocks = RecentClocks(capacity: 8_192)
    /// Reads and writes under way (`OperationalGauges`).
    let reads = Atomic<Int>(0)
    let writes = Atomic<Int>(0)
    /// Pending statistics rows this process appended since its folder last ran: an idle server sends nothing.
    let unfolded = Atomic<Int>(0)

    /// Migrates the database (one connection, failing fast with the server's message), then makes a pool to it; the pool
    /// serves once it runs.
    public static func open(_ location: PostgresLocation, logger: Logger, connections: Int = 20) async throws -> PostgresComplaintStore {
        let primary = try await PostgresDatabase.primary(of: location, logger: logger)
        try await PostgresDatabase.migrate(primary, logger: logger)
        return PostgresComplaintStore(location, primary: primary.hosts[0], logger: logger, connections: connections)
    }

    /// A pool to an already migrated database (to `primary` among several hosts, else the first); its connections are
    /// made as needed once it runs.
    public init(_ location: PostgresLocation, primary: PostgresLocation.Endpoint? = nil, logger: Logger, connections: Int = 20) {
        pool = PrimaryPool(location, primary: primary, connections: connections, logger: logger)
        self.logger = logger
    }

    /// The host the pool works on: the primary among several.
    public var primaryHost: PostgresLocation.Endpoint { pool.endpoint }

    /// Runs the connection pool until the task is cancelled (the service group's shutdown, or `running(_:)` ending), and
    /// beside it the statistics folder: a few times a second it moves what writers appended into the cells (one folder
    /// at a time across every server), so a reading rarely has anything left to fold.
    public func run() async throws {
        // The pool must outlive the folder: a fold under way when the task is cancelled finishes (or fails) against a
        // running pool, and only then is the pool stopped. A lease asked of a stopped pool would wait for ever.
        let pool = Task { [pool] in await pool.run() }
        while !Task.isCancelled {
            try? await Task.sleep(for: .milliseconds(200))
            if Task.isCancelled { break }
            // Only after this process wrote: other servers fold what they wrote, and a reading folds everything.
            guard unfolded.exchange(0, ordering: .relaxed) > 0 else { continue }
            _ = try? await foldStatistics(wait: false)
        }
        pool.cancel()
        await pool.value
    }

    /// Runs the pool while `body` works, for commands and tests without a service group; the pool stops when it returns.
    public func running<T: Sendable>(_ body: () async throws -> T) async throws -> T {
        try await withThrowingTaskGroup(of: Void.self, returning: T.self) { group in
            group.addTask { try await self.run() }
            defer { group.cancelAll() }
            return try await body()
        }
    }

    /// Every read goes through here: a pooled connection, no transaction (each statement sees committed data).
    func read<T: Sendable>(_ body: @escaping @Sendable (PostgresConnection) async throws -> T) async throws -> T {
        reads.add(1, ordering: .relaxed)
        defer { reads.subtract(1, ordering: .relaxed) }
        do { return try await pool.withConnection { connection in try await body(connection) } } catch let error as PSQLError {
            throw Self.refusal(error) ?? error
        }
    }

    /// A data exception (class 22: text with NUL, a value out of range) or an integrity one (class 23: CHECK, NOT NULL) as
    /// the store's refusal; the domain's checks should have refused it first. Unique violations the store answers itself
    /// (a taken id) are caught where they happen.
    static func refusal(_ error: PSQLError) -> StoreError? {
        guard let state = error.serverInfo?[.sqlState], state.hasPrefix("22") || state.hasPrefix("23") else { return nil }
        return .constraint(error.serverInfo?[.constraintName] ?? error.serverInfo?[.message] ?? state)
    }

    /// Every write goes through here: one transaction, retried when PostgreSQL chose it as a deadlock's victim or could
    /// not serialise it (nothing of it was committed), counted for `/metrics`.
    @discardableResult
    func write<T: Sendable>(_ body: @escaping @Sendable (PostgresConnection) async throws -> T) async throws -> T {
        writes.add(1, ordering: .relaxed)
        defer { writes.subtract(1, ordering: .relaxed) }
        var attempt = 1
        while true {
            do {
                return try await pool.withConnection { [self] connection in
                    try await connection.query("BEGIN", logger: logger)
                    do {
                        let result = try await body(connection)
                        try await connection.query("COMMIT", logger: logger)
                        return result
                    } catch {
                        // Not on a closed connection: the server rolled back when it went, and a statement written to
                        // a closed connection is never answered (postgres-nio 1.33.2).
                        if !connection.isClosed { _ = try? await connection.query("ROLLBACK", logger: logger) }
                        throw error
                    }
                }
            } catch let error as PSQLError where attempt < 5 && ["40001", "40P01"].contains(error.serverInfo?[.sqlState]) {
                attempt += 1
            } catch let error as PSQLError {
                throw Self.refusal(error) ?? error
            }
        }
    }

    /// The calendar in force, read on `connection` when the cache asks.
    func statisticsCalendar(_ connection: PostgresConnection) async throws -> WorkingDayCalendar {
        try await calendars.calendar(
            count: { try await connection.query("SELECT count(*) FROM calendar_imports", logger: logger).collect().first?.decode(Int.self) ?? 0 },
            tables: {
                var tables: [String] = []
                for try await csv in try await connection.query("SELECT csv FROM calendar_imports ORDER BY id", logger: logger).decode(String.self) {
                    tables.append(csv)
                }
                return tables
            })
    }

    public func register(_ complaint: Complaint, event: ComplaintEvent, idempotency: IdempotencyClaim?) async throws -> Registration {
        try await write { [self] connection in
            let plan = RegistrationWrite(complaint, event: event)
            let ordinal: Int
            if let claim = idempotency {
                // Claiming the key first makes a concurrent retry (another process, even) wait here for this
                // transaction, then find the key taken and replay, instead of filing the complaint twice. The number
                // comes back with the claim (one round trip), and only when the key was not taken.
                let claimed = try await connection.query(
                    """
                    INSERT INTO idempotency_keys (account, key, fingerprint, complaint_id, created_at)
                    VALUES (\(claim.account.rawValue), \(claim.key), \(claim.fingerprint), \(complaint.id.rawValue),
                        \(StoreCoding.instant(complaint.receivedAt)))
                    ON CONFLICT (account, key) DO NOTHING RETURNING nextval(\(try Self.numberSequence(plan.year))::regclass)
                    """, logger: logger
                ).collect()
                guard let taken = try claimed.first?.decode(Int.self) else {
                    guard let earlier = try await registration(connection, claimedBy: claim) else { throw StoreError.notFound }
                    return .replayed(earlier)
                }
                ordinal = taken
            } else {
                ordinal = try await nextOrdinal(of: plan.year, connection)
            }
            let (numbered, write) = try plan.numbered(
                ordinal: ordinal, related: try await related(connection, plan.keys), calendar: try await statisticsCalendar(connection))
            try await insert(numbered, keys: plan.keys, connection)
            try await execute(write, connection)
            return .created(numbered)
        }
    }

    public func registration(claimedBy claim: IdempotencyClaim) async throws -> Complaint? {
        try await read { [self] connection in try await registration(connection, claimedBy: claim) }
    }

    func registration(_ connection: PostgresConnection, claimedBy claim: IdempotencyClaim) async throws -> Complaint? {
        let rows = try await connection.query(
            "SELECT fingerprint, complaint_id FROM idempotency_keys WHERE account = \(claim.account.rawValue) AND key = \(claim.key)",
            logger: logger
        ).collect()
        guard let (fingerprint, id) = try rows.first?.decode((String, String).self) else { return nil }
        guard fingerprint == claim.fingerprint else { throw StoreError.idempotencyKeyReused }
        guard let earlier = try await fetchComplaint(connection, id: ComplaintID(id), visibleTo: nil) else { throw StoreError.notFound }
        return earlier
    }

    /// The next ordinal of a year's complaints (ARR-2026-000001, …) from the year's own sequence: nextval never waits
    /// for another transaction, so registrations on every server run side by side. A number taken by a transaction that
    /// then fails is not given again: numbers are unique and increasing, and may have gaps (migration 0008).
    func nextOrdinal(of year: Int, _ connection: PostgresConnection) async throws -> Int {
        let rows = try await connection.query("SELECT nextval(\(try Self.numberSequence(year))::regclass)", logger: logger).collect()
        return try rows.first?.decode(Int.self) ?? 1
    }

    /// The sequence a year's numbers come from; migration 0008 made one for each year 2000–2099.
    static func numberSequence(_ year: Int) throws -> String {
        guard (2000...2099).contains(year) else { throw PostgresStoreError("no complaint numbers are kept for the year \(year)") }
        return "complaint_number_\(year)"
    }

    /// Inserts a numbered complaint's row and its business keys (for duplicate detection), in one prepared statement.
    func insert(_ numbered: Complaint, keys: BusinessKeys, _ connection: PostgresConnection) async throws {
        _ = try await connection.execute(ComplaintInsert(complaint: numbered, body: try StoreCoding.encode(numbered), keys: keys), logger: logger)
    }

    public func complaint(_ id: ComplaintID, visibleTo actor: Actor) async throws -> Complaint? {
        try await read { [self] connection in try await fetchComplaint(connection, id: id, visibleTo: actor) }
    }

    public func events(of id: ComplaintID, visibleTo actor: Actor) async throws -> [ComplaintEvent]? {
        try await read { [self] connection in
            guard let found = try await visibleID(connection, id, actor) else { return nil }
            var events: [ComplaintEvent] = []
            let rows = try await connection.query(
                """
                SELECT kind, from_state, to_state, actor, actor_name, role, occurred_at, sequence, detail
                FROM complaint_events WHERE complaint_id = \(found.rawValue) ORDER BY sequence
                """, logger: logger)
            for try await row in rows.decode((String, String?, String, String, String?, String, String, Int, String).self) {
                events.append(try Self.event(row, complaint: found))
            }
            return events
        }
    }

    public func history(of id: ComplaintID, visibleTo actor: Actor) async throws -> (complaint: Complaint, events: [ComplaintEvent])? {
        try await read { [self] connection in
            // One statement, so one snapshot: the complaint's version and its last event agree even while it moves on.
            var statement = PostgresStatement()
            let condition = PostgresScope.lookup(id, actor, &statement)
            statement.sql = """
                WITH c AS (SELECT id, body FROM complaints WHERE \(condition))
                SELECT c.body, e.kind, e.from_state, e.to_state, e.actor, e.actor_name, e.role, e.occurred_at, e.sequence, e.detail
                FROM c JOIN complaint_events e ON e.complaint_id = c.id ORDER BY e.sequence
                """
            var complaint: Complaint?
            var events: [ComplaintEvent] = []
            let rows = try await connection.query(statement.query, logger: logger)
            for try await row in rows.decode((String, String, String?, String, String, String?, String, String, Int, String).self) {
                let found = try complaint ?? StoreCoding.decode(Complaint.self, from: row.0)
                complaint = found
                events.append(try Self.event((row.1, row.2, row.3, row.4, row.5, row.6, row.7, row.8, row.9), complaint: found.id))
            }
            return complaint.map { ($0, events) }
        }
    }

    /// An event from its stored columns, in the order `events(of:)` selects them.
    static func event(
        _ row: (String, String?, String, String, String?, String, String, Int, String), complaint id: ComplaintID
    ) throws -> ComplaintEvent {
        let (kind, from, to, actor, actorName, role, occurredAt, sequence, detail) = row
        return ComplaintEvent(
            complaintID: id, sequence: sequence, kind: try decodeEnum(kind), from: try from.map { try decodeEnum($0) }, to: try decodeEnum(to),
            actor: AccountID(actor), actorName: actorName, role: try decodeEnum(role), at: try StoreCoding.instant(occurredAt),
            detail: try StoreCoding.decode(EventDetail.self, from: detail))
    }

    public func transition(
        _ id: ComplaintID, visibleTo actor: Actor, expectedVersion: Int,
        decide: @escaping @Sendable (Complaint) throws -> (Complaint, ComplaintEvent)
    ) async throws -> Complaint {
        try await write { [self] connection in
            guard let current = try await fetchComplaint(connection, id: id, visibleTo: actor, forUpdate: true) else { throw StoreError.notFound }
            let (next, event) = try TransitionOrder.decide(current, expectedVersion: expectedVersion, decide)
            try await save(next, replacing: current, event: event, connection)
            return next
        }
    }

    /// Writes a complaint's next state over the version it was decided on (locked by the caller), appends its event and
    /// counts it.
    func save(_ next: Complaint, replacing current: Complaint, event: ComplaintEvent, _ connection: PostgresConnection) async throws {
        let updated = try await connection.query(
            """
            UPDATE complaints SET state = \(next.state.rawValue), version = \(next.version),
                handling_department = \(next.handlingDepartment?.rawValue), due_on = \(next.nextDue?.description),
                body = \(try StoreCoding.encode(next))
            WHERE id = \(current.id.rawValue) AND version = \(current.version) RETURNING 1
            """, logger: logger
        ).collect()
        guard updated.count == 1 else { throw StoreError.versionConflict(current: current.version) }
        try await execute(EventWrite(event, next: next, replacing: current, calendar: try await statisticsCalendar(connection)), connection)
    }

    /// Writes what an event writes beside the complaint's row — the chained event, its notification, its statistics —
    /// in one statement (after reading the link to the event before it, for all but a complaint's first).
    func execute(_ write: EventWrite, _ connection: PostgresConnection) async throws {
        let event = write.event
        var previous = AuditChain.genesis
        if event.sequence > 1 {
            let rows = try await connection.query(
                "SELECT hash FROM complaint_events WHERE complaint_id = \(event.complaintID.rawValue) AND sequence = \(event.sequence - 1)",
                logger: logger
            ).collect()
            previous = try rows.first?.decode(String.self) ?? AuditChain.genesis
        }
        let stored = try StoredEvent(event, province: write.province, previous: previous)
        var statement = PostgresStatement()
        var parts = [Self.eventInsert(stored, &statement)]
        if let notification = write.notification { parts.append(Self.outboxInsert(notification, at: event.at, &statement)) }
        if let pending = Self.pendingInsert(write.cells, &statement) {
            parts.append(pending)
            unfolded.add(1, ordering: .relaxed)
        }
        statement.sql = "WITH " + parts.enumerated().map { "w\($0.offset) AS (\($0.element))" }.joined(separator: ", ") + " SELECT 1"
        try await connection.query(statement.query, logger: logger)
    }

    /// Earlier complaints between the same parties that share a contract number or amount, newest first; ten are enough
    /// for the officer to judge. One statement: the ten newest per key, then the ten newest of those with what matched.
    func related(_ connection: PostgresConnection, _ keys: BusinessKeys) async throws -> [RelatedComplaint] {
        guard let query = Self.relatedQuery(keys) else { return [] }
        let rows = try await connection.query(query, logger: logger)
        var related: [RelatedComplaint] = []
        for try await (id, number, state, hasResult, matched) in rows.decode((String, String, String, Bool, [String]).self) {
            related.append(
                BusinessKeys.related(id: ComplaintID(id), number: number, state: try Self.decodeEnum(state), hasResult: hasResult, matched: matched))
        }
        return related
    }

    /// The statement `related` runs (each key's ten newest read backwards off `complaint_keys`' primary key); nil when
    /// the filing has no contract keys.
    static func relatedQuery(_ keys: BusinessKeys) -> PostgresQuery? {
        let wanted = Array(Set(keys.contracts)).sorted()
        guard !wanted.isEmpty else { return nil }
        return """
            WITH hits AS (
                SELECT k.complaint_seq AS seq, k.contract_key AS key
                FROM unnest(\(wanted)::text[]) AS wanted (key)
                CROSS JOIN LATERAL (
                    SELECT complaint_seq, contract_key FROM complaint_keys
                    WHERE complainant_code = \(keys.complainant) AND respondent_key = \(keys.respondent) AND contract_key = wanted.key
                    ORDER BY complaint_seq DESC LIMIT 10
                ) k
            ), top AS (
                SELECT seq, array_agg(key ORDER BY key) AS keys FROM hits GROUP BY seq ORDER BY seq DESC LIMIT 10
            )
            SELECT c.id, c.number, c.state, COALESCE(jsonb_typeof(c.body::jsonb -> 'resolution'), 'null') <> 'null', top.keys
            FROM top JOIN complaints c ON c.seq = top.seq ORDER BY top.seq DESC
            """
    }

    /// The INSERT of an event's row with its link, its values bound into `statement`.
    static func eventInsert(_ stored: StoredEvent, _ statement: inout PostgresStatement) -> String {
        "INSERT INTO complaint_events (\(eventColumns)) VALUES \(eventValues(stored, &statement))"
    }

    /// An event row's columns, in the order `eventValues` binds them.
    static let eventColumns = """
        complaint_id, sequence, kind, from_state, to_state, actor, actor_name, role, occurred_at,
            cst_date, intake_province, open_delta, amount_claimed_fen, amount_paid_fen, detail, prev_hash, hash
        """

    /// An event row's values with its link, bound into `statement`; returns the row as `($n, …)`.
    static func eventValues(_ stored: StoredEvent, _ statement: inout PostgresStatement) -> String {
        let event = stored.event
        let values = [
            statement.bind(event.complaintID.rawValue), statement.bind(event.sequence), statement.bind(event.kind.rawValue),
            statement.bind(event.from?.rawValue), statement.bind(event.to.rawValue), statement.bind(event.actor.rawValue),
            statement.bind(event.actorName), statement.bind(event.role.rawValue), statement.bind(stored.fields[8]),
            statement.bind(stored.fields[9]), statement.bind(stored.province?.code), statement.bind(event.openDelta),
            statement.bind(event.detail.amountClaimed?.value), statement.bind(event.detail.amountPaid?.value), statement.bind(stored.fields[14]),
            statement.bind(stored.previous), statement.bind(stored.hash),
        ]
        return "(" + values.joined(separator: ", ") + ")"
    }

    public func readinessProblem() async -> Message? {
        do {
            let current = try await read { [self] connection in try await PostgresDatabase.isCurrent(connection, logger: logger) }
            return current ? nil : Message("readiness.schema")
        } catch {
            return Message("readiness.unreachable", ["error": .text(String(reflecting: error))])
        }
    }

    /// Finds a complaint by its id or its number within the actor's scope (nil: any complaint); `forUpdate` locks its row
    /// until the transaction ends, so a racing transition in any process waits and then sees the new version.
    func fetchComplaint(_ connection: PostgresConnection, id: ComplaintID, visibleTo actor: Actor?, forUpdate: Bool = false) async throws
        -> Complaint?
    {
        var statement = PostgresStatement()
        let condition = PostgresScope.lookup(id, actor, &statement)
        statement.sql = "SELECT body FROM complaints WHERE \(condition)\(forUpdate ? " FOR UPDATE" : "")"
        let rows = try await connection.query(statement.query, logger: logger).collect()
        guard let body = try rows.first?.decode(String.self) else { return nil }
        return try StoreCoding.decode(Complaint.self, from: body)
    }

    /// The id of a complaint named by id or number, if the actor's scope covers it.
    func visibleID(_ connection: PostgresConnection, _ id: ComplaintID, _ actor: Actor) async throws -> ComplaintID? {
        var statement = PostgresStatement()
        let condition = PostgresScope.lookup(id, actor, &statement)
        statement.sql = "SELECT id FROM complaints WHERE \(condition)"
        let rows = try await connection.query(statement.query, logger: logger).collect()
        return try rows.first.map { ComplaintID(try $0.decode(String.self)) }
    }

    static func decodeEnum<T: RawRepresentable>(_ raw: String) throws -> T where T.RawValue == String {
        guard let value = T(rawValue: raw) else { throw PostgresStoreError("unknown value \(raw) for \(T.self)") }
        return value
    }
}

/// Something in the database that this release cannot read.
public struct PostgresStoreError: Error, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}
