import ArrearsCore
import Foundation

/// A clock tests set by hand, so CST midnights and deadlines fall where a test needs them.
public final class FixedInstantSource: InstantSource, @unchecked Sendable {
    private let lock = NSLock()
    private var current: Date

    public init(_ instant: Date) {
        current = instant
    }

    /// A clock at an ISO 8601 instant, e.g. `2026-11-02T01:30:00Z`.
    public convenience init(_ iso: String) {
        self.init(Fixtures.instant(iso))
    }

    public func now() -> Date { lock.withLock { current } }

    public func set(_ iso: String) { lock.withLock { current = Fixtures.instant(iso) } }
}
