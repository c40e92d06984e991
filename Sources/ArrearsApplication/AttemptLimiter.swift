import Foundation

/// Counts attempts per key in a sliding window and says how long to wait once a key has had its fill: failed sign-ins
/// per account and per address, registrations per address. Per process; several servers each keep their own count.
actor AttemptLimiter {
    let limit: Int
    let window: TimeInterval
    private var attempts: [String: [Date]] = [:]

    init(limit: Int, window: TimeInterval) {
        self.limit = limit
        self.window = window
    }

    /// Seconds to wait before the next attempt for any of these keys is allowed; nil when all may go ahead.
    func waitBeforeNext(_ keys: [String], now: Date) -> Int? {
        var wait: TimeInterval = 0
        for key in keys {
            let recent = (attempts[key] ?? []).filter { now.timeIntervalSince($0) < window }
            attempts[key] = recent.isEmpty ? nil : recent
            if recent.count >= limit, let oldest = recent.first { wait = max(wait, window - now.timeIntervalSince(oldest)) }
        }
        return wait > 0 ? Int(wait.rounded(.up)) : nil
    }

    func record(_ keys: [String], now: Date) {
        for key in keys { attempts[key, default: []].append(now) }
        // Bounded memory under a flood of distinct keys: forget what the window has passed.
        if attempts.count > 100_000 { attempts = attempts.filter { now.timeIntervalSince($0.value.last ?? now) < window } }
    }

    func forget(_ key: String) { attempts[key] = nil }
}
