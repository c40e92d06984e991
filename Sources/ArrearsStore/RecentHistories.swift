import ArrearsCore
import Synchronization

/// Complaints with their events as last read, by the id or number they were asked for: decoding the stored complaint
/// and its events is a sixth of a read's time, and a complaint is read far more often than it changes. An entry is used
/// only while the row has the same version (every event comes with a new one) and the same complainant account (the one
/// change made without a new version: an SME account claiming complaints filed for it at intake), so nothing stale is
/// ever answered. Bounded: when full, an entry makes room.
public final class RecentHistories: Sendable {
    public typealias History = (complaint: Complaint, events: [ComplaintEvent])

    private struct Entry {
        let version: Int
        let account: String?
        let history: History
    }

    private let entries = Mutex<[String: Entry]>([:])
    let capacity: Int

    public init(capacity: Int = 2_048) {
        self.capacity = capacity
    }

    /// The history stored under `key` at `version` with `account`: the one read before, or `read` now.
    public func history(_ key: String, version: Int, account: String?, read: () throws -> History) rethrows -> History {
        if let entry = entries.withLock({ $0[key] }), entry.version == version, entry.account == account { return entry.history }
        let history = try read()
        entries.withLock { entries in
            if entries.count >= capacity, entries[key] == nil { entries.remove(at: entries.startIndex) }
            entries[key] = Entry(version: version, account: account, history: history)
        }
        return history
    }
}
