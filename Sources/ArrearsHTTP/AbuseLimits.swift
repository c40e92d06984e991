import Foundation

/// Limits against abuse (failed sign-ins, registrations, submissions) and the lifetime of sign-in tokens, from the
/// server's configuration. Counts are per process.
struct AbuseLimits: Sendable {
    let sessionLength: TimeInterval
    let passwordCost: UInt8
    /// Failed sign-ins per account, and per address (four times as many: an office shares one address).
    let failures: AttemptLimiter
    let failuresPerAddress: AttemptLimiter
    let registrations: AttemptLimiter
    /// Complaints filed per account a minute (ten times as many per address); nil when unlimited.
    let submissions: AttemptLimiter?
    let submissionsPerAddress: AttemptLimiter?

    init(_ configuration: ServerConfiguration) {
        sessionLength = TimeInterval(configuration.sessionHours * 3600)
        passwordCost = configuration.passwordCost
        failures = AttemptLimiter(limit: configuration.signInAttempts, window: 15 * 60)
        failuresPerAddress = AttemptLimiter(limit: configuration.signInAttempts * 4, window: 15 * 60)
        registrations = AttemptLimiter(limit: configuration.registrationsPerHour, window: 3600)
        let perMinute = configuration.submissionsPerMinute
        submissions = perMinute > 0 ? AttemptLimiter(limit: perMinute, window: 60) : nil
        submissionsPerAddress = perMinute > 0 ? AttemptLimiter(limit: perMinute * 10, window: 60) : nil
    }

    /// Counts a submission, or refuses it with 429 when the account or its address has used its allowance this minute.
    func admitSubmission(account: String, address: String, now: Date) async throws {
        guard let submissions, let submissionsPerAddress else { return }
        if let wait = await submissions.waitBeforeNext(["account:" + account], now: now) {
            throw Self.tooMany("complaints filed by this account", retryAfter: wait)
        }
        if let wait = await submissionsPerAddress.waitBeforeNext(["address:" + address], now: now) {
            throw Self.tooMany("complaints filed from this address", retryAfter: wait)
        }
        await submissions.record(["account:" + account], now: now)
        await submissionsPerAddress.record(["address:" + address], now: now)
    }

    static func tooMany(_ what: String, retryAfter seconds: Int) -> Problem {
        Problem(
            status: .tooManyRequests, slug: "too-many-requests", title: "Too many attempts",
            detail: "too many \(what); try again in \(seconds) seconds", headers: ["Retry-After": String(seconds)])
    }
}
