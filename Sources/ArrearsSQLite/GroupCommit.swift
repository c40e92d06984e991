import GRDB
import Synchronization

/// Group commit (合并提交): writes that arrive while the writer is busy share the next transaction and its one fsync.
///
/// With `synchronous = FULL` every commit waits for the disk, so one transaction per request caps durable writes at the
/// disk's flush rate. Here each write runs inside a savepoint of a shared transaction: a write that fails rolls back
/// only its own savepoint and gets its own error; the others commit together. No caller is answered before the
/// commit that holds its write has returned, so an acknowledged write is on disk. Batches form by themselves: whatever
/// queued during one commit is the next batch, so a lone request waits for nothing.
final class GroupCommit: Sendable {
    private let writer: any DatabaseWriter
    private let queue = Mutex(Queue())
    private let commits = Atomic<Int>(0)
    private let committedWrites = Atomic<Int>(0)

    /// Writes waiting for the next batch, and whether a batch loop is running to take them.
    private struct Queue {
        var waiting: [any GroupedWrite] = []
        var draining = false
    }

    /// The most writes one transaction takes, so one batch's wait for its fsync stays short.
    static let batchLimit = 256

    init(_ writer: any DatabaseWriter) {
        self.writer = writer
    }

    /// Since start: transactions committed, and the writes they carried.
    var committed: (commits: Int, writes: Int) {
        (commits.load(ordering: .relaxed), committedWrites.load(ordering: .relaxed))
    }

    /// Runs `body` in the next shared transaction and returns its result once that transaction is committed.
    func write<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            let write = PendingWrite(body: body, continuation: continuation)
            let leads = queue.withLock { queue in
                queue.waiting.append(write)
                defer { queue.draining = true }
                return !queue.draining
            }
            if leads { Task { await self.drain() } }
        }
    }

    /// Takes batches until none is waiting; one loop at a time, started by the write that found none running.
    private func drain() async {
        while true {
            let batch = queue.withLock { queue in
                let batch = Array(queue.waiting.prefix(Self.batchLimit))
                queue.waiting.removeFirst(batch.count)
                if batch.isEmpty { queue.draining = false }
                return batch
            }
            if batch.isEmpty { return }
            do {
                try await writer.writeWithoutTransaction { db in
                    try db.inTransaction(.immediate) {
                        // A savepoint costs a sub-journal of every page the write changes; a write alone in its
                        // transaction (a bulk import, a quiet moment) has nothing to be isolated from.
                        let isolated = batch.count > 1
                        for write in batch {
                            write.run(in: db, savepoint: isolated)
                            // An I/O error or a full disk rolls back the whole transaction; nothing after it may run
                            // in autocommit mode and be acknowledged as if it were part of the batch.
                            guard db.isInsideTransaction else { throw GroupCommitAborted() }
                            // Without a savepoint, a failed write's partial changes go only with the whole transaction.
                            if !isolated, let error = write.failure { throw error }
                        }
                        return .commit
                    }
                }
                commits.add(1, ordering: .relaxed)
                committedWrites.add(batch.count, ordering: .relaxed)
                for write in batch { write.finish(commitError: nil) }
            } catch {
                for write in batch { write.finish(commitError: error) }
            }
        }
    }
}

/// The shared transaction ended without a commit; every write in it is lost and none is acknowledged.
struct GroupCommitAborted: Error {}

/// One write waiting for its batch, type-erased so writes of any result type share a queue.
private protocol GroupedWrite: Sendable {
    /// Runs the write, in its own savepoint when it shares the transaction; called once, on the writer.
    func run(in db: Database, savepoint: Bool)
    /// The write's own error, once it has run and failed.
    var failure: (any Error)? { get }
    /// Answers the caller after the batch's transaction ended: committed (nil) or not.
    func finish(commitError: (any Error)?)
}

/// A write and its waiting caller. `outcome` is set by `run` on the writer's queue and read by `finish` after the
/// transaction returned, never at the same time, which is what makes the unchecked `Sendable` sound.
private final class PendingWrite<T: Sendable>: GroupedWrite, @unchecked Sendable {
    let body: @Sendable (Database) throws -> T
    let continuation: CheckedContinuation<T, any Error>
    var outcome: Result<T, any Error>?

    init(body: @escaping @Sendable (Database) throws -> T, continuation: CheckedContinuation<T, any Error>) {
        self.body = body
        self.continuation = continuation
    }

    func run(in db: Database, savepoint: Bool) {
        do {
            if savepoint {
                var value: T?
                try db.inSavepoint {
                    value = try body(db)
                    return .commit
                }
                outcome = value.map { .success($0) }
            } else {
                outcome = .success(try body(db))
            }
        } catch {
            outcome = .failure(error)
        }
    }

    var failure: (any Error)? {
        if case .failure(let error) = outcome { error } else { nil }
    }

    func finish(commitError: (any Error)?) {
        switch (outcome, commitError) {
        case (.failure(let error), _): continuation.resume(throwing: error)
        case (.success(let value), nil): continuation.resume(returning: value)
        case (_, let error?): continuation.resume(throwing: error)
        case (nil, nil): continuation.resume(throwing: GroupCommitAborted())
        }
    }
}
