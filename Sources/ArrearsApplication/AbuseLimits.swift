import Foundation

/// Limits against abuse (failed sign-ins, registrations, submissions) and the lifetime of sign-in tokens. Counts are per
/// process.
public struct AbuseLimits: Sendable {
    let sessionLength: TimeInterval
    let passwordCost: UInt8
    /// Failed sign-ins per account, and per address (four times as many: an office shares one address).
    let failures: AttemptLimiter
    let failuresPerAddress: AttemptLimiter
    let registrations: AttemptLimiter
    /// One-time verification codes an account may ask for an hour: each one is a text message someone pays for.
    let verificationCodes = AttemptLimiter(limit: 3, window: 3600)
    /// Complaints filed per account a minute (ten times as many per address); nil when unlimited.
    let submissions: AttemptLimiter?
    let submissionsPerAddress: AttemptLimiter?

    /// `submissionsPerMinute` 0 turns the filing limit off (benchmarks).
    public init(sessionHours: Int, passwordCost: UInt8, signInAttempts: Int, submissionsPerMinute: Int, registrationsPerHour: Int) {
        sessionLength = TimeInterval(sessionHours * 3600)
        self.passwordCost = passwordCost
        failures = AttemptLimiter(limit: signInAttempts, window: 15 * 60)
        failuresPerAddress = AttemptLimiter(limit: signInAttempts * 4, window: 15 * 60)
        registrations = AttemptLimiter(limit: registrationsPerHour, window: 3600)
        submissions = submissionsPerMinute > 0 ? AttemptLimiter(limit: submissionsPerMinute, window: 60) : nil
        submissionsPerAddress = submissionsPerMinute > 0 ? AttemptLimiter(limit: submissionsPerMinute * 10, window: 60) : nil
    }

    /// Counts a submission, or refuses it when the account or its address has used its allowance this minute.
    func admitSubmission(account: String, address: String, now: Date) async throws(Refusal) {
        guard let submissions, let submissionsPerAddress else { return }
        if let wait = await submissions.waitBeforeNext(["account:" + account], now: now) {
            throw .tooMany("filings-by-account", retryAfter: wait)
        }
        if let wait = await submissionsPerAddress.waitBeforeNext(["address:" + address], now: now) {
            throw .tooMany("filings-by-address", retryAfter: wait)
        }
        await submissions.record(["account:" + account], now: now)
        await submissionsPerAddress.record(["address:" + address], now: now)
    }
}
