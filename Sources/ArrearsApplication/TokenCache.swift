import ArrearsCore
import ArrearsStore
import Foundation
import Synchronization

/// The accounts behind recently seen bearer tokens, for a few seconds, in front of the account store.
///
/// Every request under /v1 resolves its token; without this, that lookup was one of the three database round trips of
/// a complaint read (the profile in docs/performance.md). A sign-out or revocation through this server removes the
/// token at once; one made elsewhere (another replica, `arrearsd account revoke`) is seen within `lifetime`. Only
/// tokens that resolved are kept, so a wrong token costs a lookup every time, and the cache cannot be filled with them.
public final class TokenCache: AccountStore, Sendable {
    private let store: any AccountStore
    private let lifetime: TimeInterval
    private let state = Mutex(State())

    private struct Entry {
        let account: Account
        let until: Date
    }

    /// `revocations` counts revocations through this server: a lookup that read the database before one committed must
    /// not put its (now stale) answer in the cache after the revocation emptied it.
    private struct State {
        var entries: [String: Entry] = [:]
        var revocations = 0
    }

    /// More tokens than this are not kept; past it, the cache starts again empty (a burst of sign-ins, not a steady state).
    static let capacity = 10_000

    /// `lifetime` 0 turns the cache off.
    public init(_ store: any AccountStore, lifetime: TimeInterval) {
        self.store = store
        self.lifetime = lifetime
    }

    public func account(tokenDigest: String, at now: Date) async throws -> Account? {
        guard lifetime > 0 else { return try await store.account(tokenDigest: tokenDigest, at: now) }
        let (cached, revocations) = state.withLock { ($0.entries[tokenDigest], $0.revocations) }
        if let cached, cached.until > now { return cached.account }
        guard let account = try await store.account(tokenDigest: tokenDigest, at: now) else { return nil }
        state.withLock { state in
            guard state.revocations == revocations else { return }
            if state.entries.count >= Self.capacity { state.entries.removeAll(keepingCapacity: true) }
            state.entries[tokenDigest] = Entry(account: account, until: now.addingTimeInterval(lifetime))
        }
        return account
    }

    public func revokeSession(tokenDigest: String, at now: Date) async throws -> Bool {
        defer { forget { digest, _ in digest == tokenDigest } }
        return try await store.revokeSession(tokenDigest: tokenDigest, at: now)
    }

    public func revokeTokens(of account: AccountID, at now: Date, by auditor: Auditor) async throws -> Int {
        defer { forget { _, entry in entry.account.id == account } }
        return try await store.revokeTokens(of: account, at: now, by: auditor)
    }

    public func changePassword(of account: AccountID, passwordHash: String, keeping session: String?, at now: Date, by auditor: Auditor)
        async throws -> Int
    {
        // The other sessions end: none of them may be answered from the cache afterwards.
        defer { forget { digest, entry in entry.account.id == account && digest != session } }
        return try await store.changePassword(of: account, passwordHash: passwordHash, keeping: session, at: now, by: auditor)
    }

    /// Drops entries after a revocation has committed (or failed: dropping is always safe).
    private func forget(_ matching: (String, Entry) -> Bool) {
        state.withLock { state in
            state.revocations += 1
            state.entries = state.entries.filter { !matching($0.key, $0.value) }
        }
    }

    public func createAccount(_ account: Account, tokenDigest: String?, passwordHash: String?, contact: Contact?, by auditor: Auditor) async throws {
        try await store.createAccount(account, tokenDigest: tokenDigest, passwordHash: passwordHash, contact: contact, by: auditor)
    }

    public func account(id: AccountID) async throws -> Account? {
        try await store.account(id: id)
    }

    public func signInRecord(login: String) async throws -> (account: Account, passwordHash: String)? {
        try await store.signInRecord(login: login)
    }

    public func createSession(tokenDigest: String, account: AccountID, at now: Date, expiresAt: Date, by auditor: Auditor) async throws {
        try await store.createSession(tokenDigest: tokenDigest, account: account, at: now, expiresAt: expiresAt, by: auditor)
    }

    public func smeAccount(creditCode: CreditCode) async throws -> AccountID? {
        try await store.smeAccount(creditCode: creditCode)
    }

    /// Verifies, then drops the account's cached sessions so the next request reads it verified.
    public func verifySME(_ account: AccountID, method: String, evidence: String, at now: Date, by auditor: Auditor) async throws
        -> SMEVerification
    {
        defer { forget { _, entry in entry.account.id == account } }
        return try await store.verifySME(account, method: method, evidence: evidence, at: now, by: auditor)
    }
}
