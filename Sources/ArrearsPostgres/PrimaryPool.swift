import ArrearsStore
import Logging
import NIOCore
import PostgresNIO
import Synchronization

/// The connection pool to the primary (主库) among a location's hosts. With one host it is a pool to that host. With
/// several — a primary and its standbys — it pools to the one that accepts writes and asks it twice a second whether it
/// still does. When it is lost, the requests waiting for one of its connections are refused at once as
/// `StoreError.unavailable` (HTTP 503, retried by the client; a filing with its Idempotency-Key), and once a host accepts
/// writes again (a standby promoted, or the primary back) the pool is made anew to it. Nothing acknowledged is at risk as
/// long as the standby is synchronous: a commit is acknowledged only once the standby has it.
final class PrimaryPool: Sendable {
    /// One pool to one host, and the signal that it was lost.
    private struct Generation: Sendable {
        let client: PostgresClient
        let endpoint: PostgresLocation.Endpoint
        let lost: Signal
    }

    let location: PostgresLocation
    let connections: Int
    let logger: Logger
    private let current: Mutex<Generation>
    private let runners = Mutex<[Task<Void, Never>]>([])
    /// Set when a query lost its connection: the watcher looks at once instead of at its next turn.
    private let suspected = Atomic<Bool>(false)
    /// Times the pool moved to another primary since start (`/metrics`).
    let moves = Atomic<Int>(0)

    /// A pool to `endpoint` (the first host unless the caller found the primary already); serves once `run()` runs.
    init(_ location: PostgresLocation, primary endpoint: PostgresLocation.Endpoint? = nil, connections: Int, logger: Logger) {
        self.location = location
        self.connections = connections
        self.logger = logger
        current = Mutex(Self.generation(location, endpoint ?? location.hosts[0], connections: connections, logger: logger))
    }

    private static func generation(
        _ location: PostgresLocation, _ endpoint: PostgresLocation.Endpoint, connections: Int, logger: Logger
    ) -> Generation {
        var configuration = location.only(endpoint).clientConfiguration
        configuration.options.maximumConnections = connections
        return Generation(client: PostgresClient(configuration: configuration, backgroundLogger: logger), endpoint: endpoint, lost: Signal())
    }

    /// Where the pool connects now.
    var endpoint: PostgresLocation.Endpoint { current.withLock { $0.endpoint } }

    /// Runs the pool until cancelled; with several hosts, watches the primary beside it. Pools are stopped last, so work
    /// under way when the task is cancelled finishes against them.
    func run() async {
        start(current.withLock { $0.client })
        var failures = 0
        while !Task.isCancelled {
            if location.hosts.count > 1 {
                failures = await watch(failures: failures)
            } else {
                try? await Task.sleep(for: .seconds(3600))
            }
        }
        let runners = self.runners.withLock { $0 }
        for runner in runners { runner.cancel() }
        // A pool lost with its host may still be retrying it (postgres-nio does not stop a pool in backoff at once); the
        // one in use is awaited, the lost ones are not.
        await runners.last?.value
    }

    private func start(_ client: PostgresClient) {
        let runner = Task { await client.run() }
        runners.withLock { $0.append(runner) }
    }

    /// One turn of the watcher: asks the host in use, on a new connection, whether it accepts writes, and returns how
    /// many times in a row it did not. Twice in a row, the host is lost: waiting requests are refused, and the first
    /// host that accepts writes gets a new pool. A new connection each time because a held idle connection whose server
    /// went away can leave the next query waiting for ever (postgres-nio 1.33.2, seen with `pg_ctl stop -m fast`).
    private func watch(failures: Int) async -> Int {
        let generation = current.withLock { $0 }
        if !generation.lost.isSet, await Self.acceptsWrites(location.only(generation.endpoint), logger: logger) {
            for _ in 0..<10 {
                if suspected.exchange(false, ordering: .relaxed) { break }
                try? await Task.sleep(for: .milliseconds(50))
            }
            return 0
        }
        guard !Task.isCancelled else { return failures }
        if failures + 1 < 2 && !generation.lost.isSet {
            try? await Task.sleep(for: .milliseconds(100))
            return failures + 1
        }
        if !generation.lost.isSet {
            logger.warning("the PostgreSQL primary cannot be reached or no longer accepts writes", metadata: ["host": "\(generation.endpoint)"])
            generation.lost.set()
        }
        guard let primary = await Self.primary(among: location, logger: logger) else {
            try? await Task.sleep(for: .milliseconds(100))
            return failures + 1
        }
        logger.warning("the PostgreSQL primary moved", metadata: ["from": "\(generation.endpoint)", "to": "\(primary)"])
        let next = Self.generation(location, primary, connections: connections, logger: logger)
        current.withLock { $0 = next }
        moves.add(1, ordering: .relaxed)
        start(next.client)
        let lostRunner = runners.withLock { $0.dropLast().last }
        lostRunner?.cancel()
        return 0
    }

    /// The first host that accepts writes, asked one at a time on a connection each; nil when none does (the primary is
    /// lost and no standby promoted yet).
    static func primary(among location: PostgresLocation, logger: Logger) async -> PostgresLocation.Endpoint? {
        for endpoint in location.hosts where await acceptsWrites(location.only(endpoint), logger: logger) {
            return endpoint
        }
        return nil
    }

    /// Whether a host can be reached within a second and accepts writes (is not a standby in recovery).
    static func acceptsWrites(_ location: PostgresLocation, logger: Logger) async -> Bool {
        let writable = try? await PostgresDatabase.withConnection(location, logger: logger, connectTimeout: .seconds(1)) { connection in
            try await connection.query("SELECT NOT pg_is_in_recovery()", logger: logger).collect().first?.decode(Bool.self)
        }
        return writable == true
    }

    /// A connection of the pool for `body`. A connection lost before or during `body`, one to a host that no longer
    /// accepts writes, or a wait for a connection of a pool whose host was lost, is `StoreError.unavailable`.
    ///
    /// The work runs in a task of its own, and the caller is answered by whichever comes first: the work, the loss of
    /// the host while it waits for a connection, or the closing of its connection while it works. postgres-nio 1.33.2
    /// never answers a statement written to a connection that has just closed (it writes without a promise), and a pool
    /// whose host is gone keeps a request waiting while it retries the host; such work is left behind, not waited out.
    func withConnection<T: Sendable>(_ body: @escaping @Sendable (PostgresConnection) async throws -> T) async throws -> T {
        let generation = current.withLock { $0 }
        let outcome = Outcome<T>()
        do {
            return try await withCheckedThrowingContinuation { continuation in
                outcome.start(continuation)
                let work = Task { [self] in
                    do {
                        let value = try await generation.client.withConnection { connection in
                            guard !connection.isClosed, outcome.enter() else { throw Leasing() }
                            track(connection, abandoning: outcome)
                            defer { untrack(connection) }
                            return try await body(connection)
                        }
                        outcome.finish(.success(value))
                    } catch {
                        outcome.finish(.failure(error))
                    }
                }
                if location.hosts.count > 1 {
                    let observation = generation.lost.observe {
                        if outcome.abandonIfWaiting() { work.cancel() }
                    }
                    outcome.onFinish { generation.lost.forget(observation) }
                }
            }
        } catch let error where error is Leasing || Self.isLoss(error) {
            suspected.store(true, ordering: .relaxed)
            throw StoreError.unavailable
        }
    }

    /// The operation running on each connection of the pool, to abandon when the connection closes; a connection is
    /// watched from its first operation until it closes.
    private let running = Mutex<[ObjectIdentifier: Running]>([:])
    private struct Running { var abandon: (@Sendable () -> Void)? }

    private func track<T>(_ connection: PostgresConnection, abandoning outcome: Outcome<T>) {
        let id = ObjectIdentifier(connection)
        let watched = running.withLock { running in
            defer { running[id] = Running(abandon: { _ = outcome.abandon() }) }
            return running[id] != nil
        }
        guard !watched else { return }
        // Runs at once when the connection closed already.
        connection.closeFuture.whenComplete { [self] _ in
            running.withLock { $0.removeValue(forKey: id) }?.abandon?()
        }
    }

    private func untrack(_ connection: PostgresConnection) {
        let id = ObjectIdentifier(connection)
        running.withLock { running in
            if running[id] != nil { running[id] = Running(abandon: nil) }
        }
    }

    /// No connection was had, or it was lost: the pool's host was lost while waiting, the connection handed out had
    /// closed, or it closed while the work ran.
    struct Leasing: Error {}

    /// Whether an error means the connection or its host is gone, not that a statement was refused: the outcome of the
    /// transaction is unknown, and a retry is the only way to learn it.
    static func isLoss(_ error: any Error) -> Bool {
        guard let error = error as? PSQLError else { return false }
        if [.serverClosedConnection, .clientClosedConnection, .connectionError, .uncleanShutdown, .poolClosed].contains(error.code) { return true }
        // Administrator or crash shutdown, not accepting connections, a read-only host (demoted), connection exceptions.
        guard let state = error.serverInfo?[.sqlState] else { return false }
        return ["57P01", "57P02", "57P03", "25006"].contains(state) || state.hasPrefix("08")
    }
}

/// A one-time signal others observe: set once, it stays set, and each observer runs once.
final class Signal: Sendable {
    private struct State {
        var set = false
        var next = 0
        var observers: [Int: @Sendable () -> Void] = [:]
    }
    private let state = Mutex(State())

    var isSet: Bool { state.withLock { $0.set } }

    func set() {
        let observers = state.withLock { state in
            state.set = true
            defer { state.observers = [:] }
            return Array(state.observers.values)
        }
        for action in observers { action() }
    }

    /// Runs `action` when the signal is set (at once when it is); returns what `forget` takes, or nil if it ran.
    func observe(_ action: @escaping @Sendable () -> Void) -> Int? {
        let id: Int? = state.withLock { state in
            guard !state.set else { return nil }
            state.next += 1
            state.observers[state.next] = action
            return state.next
        }
        if id == nil { action() }
        return id
    }

    func forget(_ id: Int?) {
        guard let id else { return }
        _ = state.withLock { $0.observers.removeValue(forKey: id) }
    }
}

/// The one answer of a pooled operation, given by whichever comes first: the operation's own, or its abandonment when
/// its connection or host is lost.
final class Outcome<T: Sendable>: Sendable {
    private struct State {
        var continuation: CheckedContinuation<T, any Error>?
        var entered = false
        var answered = false
        var finished: [@Sendable () -> Void] = []
    }
    private let state = Mutex(State())

    func start(_ continuation: CheckedContinuation<T, any Error>) {
        state.withLock { $0.continuation = continuation }
    }

    /// Marks the work as started on a connection; false when it was given up already.
    func enter() -> Bool {
        state.withLock { state in
            guard state.continuation != nil else { return false }
            state.entered = true
            return true
        }
    }

    /// Runs `action` once the caller is answered (at once if it was already).
    func onFinish(_ action: @escaping @Sendable () -> Void) {
        let now = state.withLock { state in
            if !state.answered { state.finished.append(action) }
            return state.answered
        }
        if now { action() }
    }

    /// Answers the caller unless it was answered already; true when this answered it.
    @discardableResult
    func finish(_ result: Result<T, any Error>, onlyIfWaiting: Bool = false) -> Bool {
        let (continuation, finished) = state.withLock { state in
            guard !(onlyIfWaiting && state.entered), let continuation = state.continuation else {
                return (CheckedContinuation<T, any Error>?.none, [@Sendable () -> Void]())
            }
            defer {
                state.continuation = nil
                state.answered = true
                state.finished = []
            }
            return (continuation, state.finished)
        }
        guard let continuation else { return false }
        continuation.resume(with: result)
        for action in finished { action() }
        return true
    }

    /// Gives the work up if it is still waiting for a connection; true when it did.
    func abandonIfWaiting() -> Bool { finish(.failure(PrimaryPool.Leasing()), onlyIfWaiting: true) }

    /// Gives the work up, answering the caller that the connection was lost; true unless it was answered already.
    @discardableResult
    func abandon() -> Bool { finish(.failure(PrimaryPool.Leasing())) }
}
