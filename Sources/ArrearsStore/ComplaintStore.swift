import ArrearsCore

/// Where complaints and their event logs live; every engine (SQLite, PostgreSQL) implements it and
/// passes the same contract suite. Every read and write is limited to what the actor may see.
public protocol ComplaintStore: Sendable {
    /// Stores a new complaint and its first event in one transaction, and gives it a number.
    /// With an idempotency claim, a retry returns the complaint the first request created.
    func register(_ complaint: Complaint, event: ComplaintEvent, idempotency: IdempotencyClaim?) async throws -> Registration

    /// The complaint a claim's key already registered, if any, read before any limit is counted: a client retrying after a
    /// lost answer gets its complaint back. The same key with another request is `StoreError.idempotencyKeyReused`.
    func registration(claimedBy claim: IdempotencyClaim) async throws -> Complaint?

    /// The complaint, if it exists and the actor's scope covers it. Every lookup takes an id or a number.
    func complaint(_ id: ComplaintID, visibleTo actor: Actor) async throws -> Complaint?

    /// The complaint's event history, oldest first, if the actor's scope covers it.
    func events(of id: ComplaintID, visibleTo actor: Actor) async throws -> [ComplaintEvent]?

    /// The complaint and its history as of one moment (one snapshot, one round trip), if the actor's scope covers it:
    /// what a complaint's page shows, so its version and its last event always agree.
    func history(of id: ComplaintID, visibleTo actor: Actor) async throws -> (complaint: Complaint, events: [ComplaintEvent])?

    /// Reads the complaint, lets `decide` produce its next state and event, and writes both in one
    /// transaction, provided the complaint is still at `expectedVersion` (else `StoreError.versionConflict`).
    func transition(
        _ id: ComplaintID, visibleTo actor: Actor, expectedVersion: Int,
        decide: @escaping @Sendable (Complaint) throws -> (Complaint, ComplaintEvent)
    ) async throws -> Complaint

    /// A page of a queue, oldest first.
    func queue(_ query: QueueQuery, visibleTo actor: Actor) async throws -> QueuePage

    /// The month's figures and the cumulative ones, from the event log, within the actor's scope; with `breakdowns`, also
    /// split along every dimension (several times the work).
    func monthlyStatistics(_ month: CSTMonth, visibleTo actor: Actor, breakdowns: Bool) async throws -> MonthlyStatistics

    /// Whether the database answers and its schema is the one this release expects; nil when ready,
    /// else what is wrong, for `/readyz`.
    func readinessProblem() async -> Message?
}

extension ComplaintStore {
    /// The month's figures with every breakdown.
    public func monthlyStatistics(_ month: CSTMonth, visibleTo actor: Actor) async throws -> MonthlyStatistics {
        try await monthlyStatistics(month, visibleTo: actor, breakdowns: true)
    }
}

/// The outcome of a registration.
public enum Registration: Sendable, Equatable {
    case created(Complaint)
    /// The same idempotency key was seen before with the same request: nothing new was created.
    case replayed(Complaint)

    public var complaint: Complaint {
        switch self {
        case let .created(complaint), let .replayed(complaint): complaint
        }
    }
}

/// A client's promise that requests with this key are one and the same request.
public struct IdempotencyClaim: Sendable, Equatable {
    public let account: AccountID
    public let key: String
    /// A digest of the request body: the same key with a different body is refused.
    public let fingerprint: String

    public init(account: AccountID, key: String, fingerprint: String) {
        self.account = account
        self.key = key
        self.fingerprint = fingerprint
    }
}
