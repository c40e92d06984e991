import ArrearsCore
import Synchronization

/// Values as last read, each with the stamp of what it was read from (a row's version, the database's change counter):
/// a value is answered again only while the stamp is the same, so nothing stale is ever answered. Bounded: when full, an
/// entry makes room.
public final class RecentlyRead<Stamp: Equatable & Sendable, Value: Sendable>: Sendable {
    private struct Entry {
        let stamp: Stamp
        let value: Value
    }

    private let entries = Mutex<[String: Entry]>([:])
    let capacity: Int

    public init(capacity: Int = 2_048) {
        self.capacity = capacity
    }

    /// The value stored under `key` with `stamp`: the one read before, or `read` now.
    public func value(_ key: String, stamp: Stamp, read: () throws -> Value) rethrows -> Value {
        if let entry = entries.withLock({ $0[key] }), entry.stamp == stamp { return entry.value }
        let value = try read()
        entries.withLock { entries in
            if entries.count >= capacity, entries[key] == nil { entries.remove(at: entries.startIndex) }
            entries[key] = Entry(stamp: stamp, value: value)
        }
        return value
    }
}

/// What a complaint's history was read at: its row's version (every event comes with a new one) and complainant account
/// (the one change made without a new version: an SME account claiming complaints filed for it at intake).
public struct HistoryStamp: Equatable, Sendable {
    let version: Int
    let account: String?
}

/// Complaints with their events as last read, by the id or number they were asked for: decoding the stored complaint
/// and its events is a sixth of a read's time, and a complaint is read far more often than it changes.
public typealias RecentHistories = RecentlyRead<HistoryStamp, (complaint: Complaint, events: [ComplaintEvent])>

extension RecentlyRead where Stamp == HistoryStamp {
    public typealias History = Value

    /// The history stored under `key` at `version` with `account`: the one read before, or `read` now.
    public func history(_ key: String, version: Int, account: String?, read: () throws -> Value) rethrows -> Value {
        try value(key, stamp: HistoryStamp(version: version, account: account), read: read)
    }
}
