import ArrearsApplication
import ArrearsCore
import ArrearsHTTP
import ArrearsStore
import ArrearsTestSupport
import Foundation
import Testing

@Suite("Remembered tokens")
struct TokenCacheTests {
    static let digest = BearerToken.digest("arr_token-of-wang-fang")
    static let signedIn = Fixtures.instant("2026-11-02T01:30:00Z")

    /// A store with the SME's account and one 12-hour session.
    static func storeWithSession() async throws -> any AccountStore {
        let harness = try await HTTPHarness.make()
        try await harness.store.createSession(
            tokenDigest: digest, account: Fixtures.sme.account, at: signedIn, expiresAt: signedIn.addingTimeInterval(12 * 3600),
            by: .machineOperator)
        return harness.store
    }

    @Test("Signing out through this server refuses the token at once, even while it is remembered")
    func signOutHere() async throws {
        let cache = TokenCache(try await Self.storeWithSession(), lifetime: 2)
        #expect(try await cache.account(tokenDigest: Self.digest, at: Self.signedIn)?.id == Fixtures.sme.account)
        #expect(try await cache.revokeSession(tokenDigest: Self.digest, at: Self.signedIn))
        #expect(try await cache.account(tokenDigest: Self.digest, at: Self.signedIn.addingTimeInterval(0.1)) == nil)
    }

    @Test("An admin's revocation of all of an account's tokens through this server takes effect at once")
    func revokeAllHere() async throws {
        let cache = TokenCache(try await Self.storeWithSession(), lifetime: 2)
        _ = try await cache.account(tokenDigest: Self.digest, at: Self.signedIn)
        #expect(
            try await cache.revokeTokens(of: Fixtures.sme.account, at: Self.signedIn, by: .machineOperator) == 2, "its operator token and the session"
        )
        #expect(try await cache.account(tokenDigest: Self.digest, at: Self.signedIn.addingTimeInterval(0.1)) == nil)
    }

    @Test("A sign-out through another server is seen here within the lifetime, not after")
    func signOutElsewhere() async throws {
        let store = try await Self.storeWithSession()
        let cache = TokenCache(store, lifetime: 2)
        _ = try await cache.account(tokenDigest: Self.digest, at: Self.signedIn)
        _ = try await store.revokeSession(tokenDigest: Self.digest, at: Self.signedIn)
        #expect(
            try await cache.account(tokenDigest: Self.digest, at: Self.signedIn.addingTimeInterval(1.5))?.id == Fixtures.sme.account,
            "remembered for up to 2 s")
        #expect(try await cache.account(tokenDigest: Self.digest, at: Self.signedIn.addingTimeInterval(2.5)) == nil, "looked up again after 2 s")
        let uncached = TokenCache(store, lifetime: 0)
        #expect(try await uncached.account(tokenDigest: Self.digest, at: Self.signedIn) == nil, "lifetime 0 looks up every time")
    }
}
