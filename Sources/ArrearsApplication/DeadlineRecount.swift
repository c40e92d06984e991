import ArrearsCore
import ArrearsStore
import Foundation

/// Counts again the provisional clocks of open complaints once the holiday table they ran into is loaded (issue 18:
/// clocks never blank, never left provisional): each becomes definite with a `deadline_recounted` event, in its own
/// transaction, at the version it was read at.
public enum DeadlineRecount {
    /// Who a recount is recorded as: the operator who loaded the table, not any official.
    public static func recorder(_ name: String) -> Actor { Actor(account: AccountID("operator"), role: .admin, name: name) }

    /// Recounts every open complaint whose clock is provisional on `lifecycle`'s calendar; returns how many were.
    public static func run(store: any ComplaintStore, lifecycle: Lifecycle, by name: String, at now: Date) async throws -> Int {
        // Reading every open complaint takes the national scope; the events name the operator.
        let everything = Actor(account: AccountID("operator"), role: .supervisor)
        let recorder = recorder(name)
        // Closed complaints can wait on a supervisor's review decision.
        var query = QueueQuery(states: ComplaintState.allCases.filter { $0.isOpen || $0 == .closed }, limit: QueueQuery.maximumLimit)
        var recounted = 0
        while true {
            let page = try await store.queue(query, visibleTo: everything)
            for summary in page.items where summary.clocks.contains(where: \.provisional) {
                var version = summary.version
                // A decision taken meanwhile moves the version; read it again and count what it left.
                for _ in 0..<3 {
                    do {
                        _ = try await store.transition(summary.id, visibleTo: everything, expectedVersion: version) { complaint in
                            guard let next = lifecycle.recount(complaint, by: recorder, at: now) else { throw RecountSkipped() }
                            return next
                        }
                        recounted += 1
                        break
                    } catch is RecountSkipped {
                        break
                    } catch StoreError.versionConflict(let current) {
                        version = current
                    }
                }
            }
            guard let next = page.nextCursor else { break }
            query.after = next
        }
        return recounted
    }

    struct RecountSkipped: Error {}
}
