import ArrearsCore
import ArrearsStore

/// Why the platform said no to a caller: the one type every edge maps, the API to problem+json and a web page to a page.
/// Every error a `Platform` operation throws is a `Refusal` or converts to one with `Refusal(_:)`; anything else is a
/// fault of the server.
public enum Refusal: Error, Equatable, Sendable {
    /// No or unknown credentials.
    case unauthenticated
    /// The name or the password is wrong (which, is not said).
    case signInRefused
    /// Nothing of that name within the caller's scope; says no more than that.
    case notFound(Message)
    /// The caller's role may never do this (`action` names it in the catalogue: `action.<action>`, e.g. `read-statistics`).
    case notPermitted(action: String, role: Role)
    /// Values break rules, each named by field and rule.
    case invalid([FieldViolation])
    /// The request cannot be read as meant (e.g. an If-Match that is not a version).
    case malformed([FieldViolation], detail: Message)
    /// Not possible in the complaint's state.
    case illegalInState(command: String, state: ComplaintState)
    /// Possible, but not yet: a period must run out first.
    case notYet(rule: String, facts: [String: MessageFact])
    /// No longer possible: the period it belonged to has ended.
    case tooLate(rule: String, facts: [String: MessageFact])
    /// Someone else changed the complaint first.
    case versionConflict(current: Int)
    /// An Idempotency-Key reused for a different filing.
    case idempotencyKeyReused
    /// A unique thing (an account id, an SME's credit code) is taken.
    case duplicate(Message)
    /// Too many attempts of a kind (`attempts.<kind>` in the catalogue); wait this many seconds.
    case tooMany(String, retryAfter: Int)
    /// Sign-out with a token that is not a sign-in session (an operator token).
    case notASession
    /// No webhook delivery has this number.
    case noSuchDelivery(Int64)
    /// A webhook delivery that has already been delivered cannot be retried.
    case alreadyDelivered(Int64)
    /// An evidence file the vault would not keep.
    case evidence(EvidenceRefusal)
    /// The complaint's evidence would pass its allowance.
    case evidenceAllowanceExceeded(used: Int, adding: Int, limit: Int)
    /// The database cannot be reached for a moment (a failover under way); try again, a filing with the same key.
    case unavailable

    /// The HTTP status every web edge answers the refusal with (the API and the portal alike).
    public var status: Int {
        switch self {
        case .unauthenticated, .signInRefused: 401
        case .notFound, .noSuchDelivery: 404
        case .notPermitted: 403
        case .invalid, .evidence(.empty), .idempotencyKeyReused: 422
        case .malformed, .evidence(.truncated): 400
        case .illegalInState, .notYet, .tooLate, .versionConflict, .duplicate, .notASession, .alreadyDelivered: 409
        case .tooMany: 429
        case .evidence(.notAcceptedType), .evidence(.malformed): 415
        case .evidence(.tooLarge), .evidenceAllowanceExceeded: 413
        case .unavailable: 503
        }
    }

    /// What the lower layers' errors mean to a caller; nil for faults.
    public init?(_ error: any Error) {
        switch error {
        case let refusal as Refusal: self = refusal
        case let failure as ValidationFailure: self = .invalid(failure.violations)
        case let violation as FieldViolation: self = .invalid([violation])
        case let error as TransitionError: self = Self(error)
        case let error as StoreError: self = Self(error)
        case let error as EvidenceRefusal: self = .evidence(error)
        default: return nil
        }
    }

    init(_ error: TransitionError) {
        switch error {
        case let .illegalInState(command, state): self = .illegalInState(command: command, state: state)
        case let .roleNotPermitted(command, role): self = .notPermitted(action: command, role: role)
        case .outOfScope: self = .complaintNotFound
        case let .invalidInput(violation): self = .invalid([violation])
        case let .notYet(rule, facts): self = .notYet(rule: rule, facts: facts)
        case let .tooLate(rule, facts): self = .tooLate(rule: rule, facts: facts)
        }
    }

    init(_ error: StoreError) {
        switch error {
        case .notFound: self = .complaintNotFound
        case let .versionConflict(current): self = .versionConflict(current: current)
        case .idempotencyKeyReused: self = .idempotencyKeyReused
        case let .duplicate(what): self = .duplicate(what)
        case let .evidenceAllowanceExceeded(used, adding, limit): self = .evidenceAllowanceExceeded(used: used, adding: adding, limit: limit)
        case .constraint: self = .invalid([FieldViolation(field: "(record)", rule: "store.constraint", message: error.message)])
        case .noSuchAccount: self = .notFound(error.message)
        case .alreadyVerified: self = .duplicate(Message("duplicate.verification"))
        case .unavailable: self = .unavailable
        }
    }

    /// The answer for any complaint outside the caller's scope, or that does not exist: the two look the same.
    public static let complaintNotFound = Refusal.notFound(Message("refusal.no-such-complaint"))

    /// One sentence saying why, as facts each edge words in its reader's language.
    public var message: Message {
        switch self {
        case .unauthenticated: Message("refusal.unauthenticated")
        case .signInRefused: Message("refusal.sign-in-refused")
        case let .notFound(message): message
        case let .notPermitted(action, role):
            Message("refusal.not-permitted", ["role": .message(Message("role." + role.rawValue)), "action": .message(Message("action." + action))])
        case let .invalid(violations): Message("refusal.invalid", ["count": "\(violations.count)"])
        case let .malformed(_, detail): detail
        case let .illegalInState(command, state):
            Message(
                "refusal.illegal-in-state", ["action": .message(Message("action." + command)), "state": .message(Message("state." + state.rawValue))])
        case let .notYet(rule, facts), let .tooLate(rule, facts): InvalidValue(rule: rule, facts: facts).message
        case let .versionConflict(current): StoreError.versionConflict(current: current).message
        case .idempotencyKeyReused: StoreError.idempotencyKeyReused.message
        case let .duplicate(what): StoreError.duplicate(what).message
        case let .tooMany(what, seconds): Message("refusal.too-many", ["what": .message(Message("attempts." + what)), "seconds": "\(seconds)"])
        case .notASession: Message("refusal.not-a-session")
        case let .noSuchDelivery(id): Message("refusal.no-such-delivery", ["id": "\(id)"])
        case let .alreadyDelivered(id): Message("refusal.already-delivered", ["id": "\(id)"])
        case let .evidence(refusal): refusal.message
        case let .evidenceAllowanceExceeded(used, adding, limit):
            StoreError.evidenceAllowanceExceeded(used: used, adding: adding, limit: limit).message
        case .unavailable: StoreError.unavailable.message
        }
    }

    /// The stable name of the kind of refusal (the last part of a problem's `type`); never changes with the language.
    public var code: String {
        switch self {
        case .unauthenticated, .signInRefused: "unauthenticated"
        case .notFound, .noSuchDelivery: "not-found"
        case .notPermitted: "forbidden"
        case .invalid, .evidence(.empty): "validation"
        case .malformed: "malformed-request"
        case .illegalInState: "illegal-transition"
        case .notYet: "not-yet"
        case .tooLate: "too-late"
        case .versionConflict: "version-conflict"
        case .idempotencyKeyReused: "idempotency-key-reused"
        case .duplicate: "duplicate"
        case .tooMany: "too-many-requests"
        case .notASession: "not-a-session"
        case .alreadyDelivered: "webhook-delivered"
        case .evidence(.notAcceptedType), .evidence(.malformed): "evidence-type"
        case .evidence(.tooLarge), .evidenceAllowanceExceeded: "evidence-too-large"
        case .evidence(.truncated): "evidence-truncated"
        case .unavailable: "database-unavailable"
        }
    }

    /// What a row of an import refused for: the refusal's violations, or one naming its kind.
    public var rejectedFields: [FieldViolation] {
        violations.isEmpty ? [FieldViolation(field: "", rule: code, message: message)] : violations
    }

    /// The fields and rules a refusal names, each with what is wrong.
    public var violations: [FieldViolation] {
        switch self {
        case let .invalid(violations), let .malformed(violations, _): violations
        case let .notYet(rule, _), let .tooLate(rule, _): [FieldViolation(field: "", rule: rule, message: message)]
        case .idempotencyKeyReused: [FieldViolation(field: "Idempotency-Key", rule: "idempotency.same-request", message: message)]
        case let .evidence(refusal): [FieldViolation(field: "body", rule: refusal.rule, message: message)]
        case .evidenceAllowanceExceeded: [FieldViolation(field: "body", rule: "evidence.complaint-limit", message: message)]
        default: []
        }
    }
}

extension EvidenceRefusal {
    /// The rule an upload broke.
    public var rule: String {
        switch self {
        case .notAcceptedType: "evidence.type"
        case .tooLarge: "evidence.file-limit"
        case .truncated: "evidence.truncated"
        case .empty: "evidence.empty"
        case .malformed: "evidence.structure"
        }
    }
}
