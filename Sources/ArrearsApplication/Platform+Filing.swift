import ArrearsCore
import ArrearsStore
import Foundation

/// What filing did: a new complaint, or the one an earlier request with the same Idempotency-Key made.
public enum Filed: Sendable {
    case created(ComplaintView)
    case replayed(ComplaintView)

    public var view: ComplaintView {
        switch self {
        case let .created(view), let .replayed(view): view
        }
    }
}

extension Platform {
    /// Files a complaint (登记): the SME online under its own credit code, an intake officer by phone, fax or letter on an
    /// SME's behalf (the SME's account, if it has one, then owns it). A key seen before with the same filing answers with
    /// the complaint it made, even past the filing limit, so a client retrying after a lost answer is never refused for
    /// a complaint that was stored.
    public func file(_ filing: ComplaintFiling, idempotencyKey key: String?, by caller: Caller) async throws -> Filed {
        let account = try caller.signedIn()
        let now = clock.now()
        if account.role == .sme, let own = account.creditCode, own != filing.complainant.creditCode {
            throw Refusal.invalid([
                FieldViolation(
                    field: "complainant.creditCode", rule: "complainant.is-account",
                    facts: ["own": "\(own)"])
            ])
        }
        let claim = try key.map { key throws(Refusal) in try Self.claim(key, filing, by: account) }
        do {
            try await limits.admitSubmission(account: account.id.rawValue, address: caller.address, now: now)
        } catch {
            // Only a refusal asks the store first (a read per filing otherwise cost a tenth of intake): a retry of a filing
            // that was stored gets its complaint back, never 429.
            guard let claim, let earlier = try await store.registration(claimedBy: claim) else { throw error }
            return .replayed(try await replayedView(earlier, for: account.actor))
        }
        // Officials register phone, fax and letter complaints for an SME; the SME's own account, if it has one, owns them.
        let owner = account.role == .sme ? account.id : try await accounts.smeAccount(creditCode: filing.complainant.creditCode)
        let id = ComplaintID(UUID().uuidString.lowercased())
        let (complaint, event) = try await lifecycle().register(filing, id: id, complainantAccount: owner, by: account.actor, at: now)
        switch try await store.register(complaint, event: event, idempotency: claim) {
        case let .created(stored):
            // A new complaint's history is the one event just stored with it.
            return .created(try await view(stored, events: [event], for: account.actor))
        case let .replayed(earlier):
            return .replayed(try await replayedView(earlier, for: account.actor))
        }
    }

    /// A replayed complaint may have moved on since it was filed: its history is read again.
    private func replayedView(_ complaint: Complaint, for actor: Actor) async throws -> ComplaintView {
        try await view(complaint, events: try await store.events(of: complaint.id, visibleTo: actor) ?? [], for: actor)
    }

    /// A client's key for this filing: 1–200 visible ASCII characters, bound to a digest of the filing as the domain reads
    /// it, so the same complaint sent from a form or as JSON, in any field order, is the same request.
    static func claim(_ key: String, _ filing: ComplaintFiling, by account: Account) throws(Refusal) -> IdempotencyClaim {
        guard (1...200).contains(key.count), key.unicodeScalars.allSatisfy({ (0x21...0x7E).contains($0.value) }) else {
            throw .invalid([FieldViolation(field: "Idempotency-Key", rule: "idempotency.format")])
        }
        // The bytes Foundation's sorted encoding gave before, so keys claimed then still match. A filing of domain values
        // always encodes; the fallback only keeps this function total.
        let body = (try? StreamingJSONEncoder.foundationSorted.encode(filing)) ?? Array(String(describing: filing).utf8)
        return IdempotencyClaim(account: account.id, key: key, fingerprint: HexDigest.sha256(body))
    }
}
