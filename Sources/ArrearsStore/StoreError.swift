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
    case duplicate(String)
    /// The complaint's evidence would pass its allowance of bytes.
    case evidenceAllowanceExceeded(used: Int, adding: Int, limit: Int)
    /// The database refused a value by a rule of its own (a CHECK, a NOT NULL, text it cannot hold); the domain's checks
    /// should have refused it first, so this is a refusal of the request, never a server error.
    case constraint(String)
    /// No SME account by that id.
    case noSuchAccount
    /// The SME account is verified already.
    case alreadyVerified

    public var description: String {
        switch self {
        case .notFound: "no such complaint in your scope"
        case let .versionConflict(current): "the complaint has changed since; it is now at version \(current)"
        case .idempotencyKeyReused: "this Idempotency-Key was used for a different request"
        case let .duplicate(what): "\(what) already exists"
        case let .evidenceAllowanceExceeded(used, adding, limit):
            "this complaint's evidence may total \(limit) bytes; \(used) are attached and this file has \(adding)"
        case let .constraint(rule): "a value breaks a rule of the database (\(rule))"
        case .noSuchAccount: "no such SME account"
        case .alreadyVerified: "this SME account is verified already"
        }
    }
}
