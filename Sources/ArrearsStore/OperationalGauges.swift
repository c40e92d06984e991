import ArrearsCore

/// What an operator watches from outside (Prometheus `/metrics`): the queues, what is past its deadline, and how busy the
/// database is, read when scraped.
public struct OperationalGauges: Sendable, Equatable {
    /// Complaints in each state: the open states are the queues of each stage.
    public var complaintsByState: [ComplaintState: Int] = [:]
    /// Open complaints whose running clock's last day is before today (CST), by state.
    public var overdueByState: [ComplaintState: Int] = [:]
    /// Database reads and writes under way at the moment of the scrape (each holds or waits for a connection).
    public var readsInFlight = 0
    public var writesInFlight = 0
    /// Since start: transactions committed and the writes they carried (SQLite's group commit puts many writes in one);
    /// nil for an engine that does not count them.
    public var commits: Int?
    public var committedWrites: Int?
    /// Since start: times the connection pool moved to another primary (PostgreSQL with a standby); nil for an engine
    /// with one host.
    public var primaryMoves: Int?

    public init() {}
}

/// A store that can report `OperationalGauges`.
public protocol OperationalGaugeStore: Sendable {
    func operationalGauges(today: CSTDate) async throws -> OperationalGauges
}
