import ArrearsCore

/// Failures every engine reports in the same words.
public enum StoreError: Error, Equatable, Sendable, CustomStringConvertible {
    /// No such complaint, or not in the caller's scope.
    case notFound
    /// Someone else changed the complaint first.
    case versionConflict(current: Int)
    /// An idempotency key was reused with a different request.
    case idempotencyKeyReused
    /// A unique value (e.g. an account id) is taken.
    case duplicate(Message)
    /// The complaint's evidence would pass its allowance of bytes.
    case evidenceAllowanceExceeded(used: Int, adding: Int, limit: Int)
    /// The database refused a value by a rule of its own (a CHECK, a NOT NULL, text it cannot hold); the domain's checks
    /// should have refused it first, so this is a refusal of the request, never a server error.
    case constraint(String)
    /// No SME account by that id.
    case noSuchAccount
    /// The SME account is verified already.
    case alreadyVerified
    /// The database cannot be reached now (its primary was lost, a standby not yet promoted): nothing is known to have
    /// changed, and a write may or may not have been committed — a retry with the same Idempotency-Key finds out.
    case unavailable

    /// What a person reads about it.
    public var message: Message {
        switch self {
        case .notFound: Message("refusal.no-such-complaint")
        case let .versionConflict(current): Message("refusal.version-conflict", ["current": "\(current)"])
        case .idempotencyKeyReused: Message("rule.idempotency.same-request")
        case let .duplicate(what): Message("refusal.duplicate", ["what": .message(what)])
        case let .evidenceAllowanceExceeded(used, adding, limit):
            Message("rule.evidence.complaint-limit", ["limit": "\(limit)", "used": "\(used)", "adding": "\(adding)"])
        case let .constraint(rule): Message("rule.store.constraint", ["constraint": .text(rule)])
        case .noSuchAccount: Message("refusal.no-such-account")
        case .alreadyVerified: Message("refusal.already-verified")
        case .unavailable: Message("refusal.database-unavailable")
        }
    }

    public var description: String { message.description }
}
