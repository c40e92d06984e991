import ArrearsCore
import Foundation

/// One entry of the security log (操作日志): who changed accounts or reference data, who signed in, who read personal data.
public struct SecurityLogEntry: Sendable, Equatable {
    /// Position in the log, from 1; set by the store.
    public var sequence: Int
    public let at: Date
    public let actor: Auditor
    public let action: SecurityAction
    /// What the action concerned: an account id, a complaint number, `routing v3`, `calendar 2027`.
    public let subject: String
    /// Particulars, never secrets: no password, token or contact detail is ever put here.
    public let detail: [String: String]

    public init(sequence: Int = 0, at: Date, actor: Auditor, action: SecurityAction, subject: String, detail: [String: String] = [:]) {
        self.sequence = sequence
        self.at = at
        self.actor = actor
        self.action = action
        self.subject = subject
        self.detail = detail
    }
}

/// Who acted, as the log records it, with the request that carried it when there was one.
public struct Auditor: Sendable, Equatable {
    public let id: String
    public let role: Role?
    public let requestID: String?

    public init(id: String, role: Role?, requestID: String?) {
        self.id = id
        self.role = role
        self.requestID = requestID
    }

    /// The person running `arrearsd` on the server's machine, by their login name.
    public static var machineOperator: Auditor {
        Auditor(id: "operator:" + (ProcessInfo.processInfo.environment["USER"] ?? "unknown"), role: nil, requestID: nil)
    }
}

/// What the security log records.
public enum SecurityAction: String, Sendable, Codable, CaseIterable {
    case accountCreated = "account.created"
    case accountRegistered = "account.registered"
    case accountVerified = "account.verified"
    case tokensRevoked = "account.tokens-revoked"
    case passwordChanged = "account.password-changed"
    case signedIn = "session.started"
    case signInRefused = "session.refused"
    case routingImported = "routing.imported"
    case calendarImported = "calendar.imported"
    case contactRead = "contact.read"
    case evidenceRead = "evidence.read"
    case statisticsPublished = "statistics.published"
    case exported = "data.exported"
    case webhookRetried = "webhook.retried"
}

extension SecurityLogEntry {
    /// The fields an entry's hash covers, exactly as every engine stores them.
    public static func storedFields(_ entry: SecurityLogEntry) throws -> [String?] {
        [
            String(entry.sequence), StoreCoding.instant(entry.at), entry.actor.id, entry.actor.role?.rawValue, entry.action.rawValue,
            entry.subject, try StoreCoding.encode(entry.detail), entry.actor.requestID,
        ]
    }
}
