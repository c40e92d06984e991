import ArrearsCore
import Foundation

/// A message someone must hear about a complaint (通知): the handling department when a complaint is forwarded to it, the
/// complainant when there is a result, the province's supervisor when a deadline passes. Made in the transaction of the
/// event that causes it and kept in the outbox until a webhook delivers it.
public struct ComplaintNotification: Sendable, Equatable {
    public init(topic: String, recipient: String, complaintNumber: String, causeKey: String, payload: String) {
        self.topic = topic
        self.recipient = recipient
        self.complaintNumber = complaintNumber
        self.causeKey = causeKey
        self.payload = payload
    }

    /// `complaint.forwarded`, `complaint.resolved`, `complaint.rejected`, `complaint.overdue`, `complaint.supervision-notice`
    /// or `complaint.information-requested`.
    public let topic: String
    /// Who must hear it: `department:ZJ-EDU`, `account:<id>` (the SME), `supervisor:330000` (or `supervisor:national`),
    /// `respondent-of:<number>` (the gateway sends to the respondent's notification address on record for the complaint).
    public let recipient: String
    public let complaintNumber: String
    /// One message per cause, even when two servers notice the same overdue complaint: the event, or the deadline missed.
    public let causeKey: String
    /// The webhook's JSON body (Standard Webhooks' `type`, `timestamp`, `data`); never a contact detail.
    public let payload: String

    /// What an event obliges the platform to tell, if anything.
    public static func caused(by event: ComplaintEvent, complaint: Complaint) throws -> ComplaintNotification? {
        let topic: String
        let recipient: String
        var extra = ["event": event.kind.rawValue, "sequence": String(event.sequence)]
        switch event.kind {
        case .forwarded:
            guard let department = event.detail.department ?? complaint.handlingDepartment else { return nil }
            (topic, recipient) = ("complaint.forwarded", "department:" + department.rawValue)
        case .resolved, .rejected:
            guard let account = complaint.complainantAccount else { return nil }
            (topic, recipient) = ("complaint." + event.kind.rawValue, "account:" + account.rawValue)
        case .escalated:
            // The 督办书 must reach the respondent; the document itself is read from the complaint's files by its id.
            guard let number = event.detail.documentNumber, let file = event.detail.evidence else { return nil }
            (topic, recipient) = ("complaint.supervision-notice", "respondent-of:" + complaint.number)
            extra["documentNumber"] = number
            extra["document"] = file.id.rawValue
            extra["sha256"] = file.sha256
            extra["replyBy"] = event.detail.waiting?.dueOn?.description
        case .informationRequested:
            guard let account = complaint.complainantAccount else { return nil }
            (topic, recipient) = ("complaint.information-requested", "account:" + account.rawValue)
            extra["answerBy"] = event.detail.waiting?.dueOn?.description
        default:
            return nil
        }
        return try make(
            topic: topic, recipient: recipient, complaint: complaint, cause: "event:\(complaint.id.rawValue):\(event.sequence)", at: event.at,
            extra: extra)
    }

    /// The supervisor's message for a complaint whose earliest running clock ended before `today` (CST), once per due date;
    /// `clock` names the stage (`feedback`: the respondent is silent and a 督办书 is due).
    public static func overdue(_ complaint: Complaint, today: CSTDate, at now: Date) throws -> ComplaintNotification? {
        guard let due = complaint.nextDue, due < today, let clock = complaint.clocks.first(where: { $0.dueOn == due }) else { return nil }
        return try make(
            topic: "complaint.overdue", recipient: "supervisor:" + (complaint.intakeProvince?.code ?? "national"), complaint: complaint,
            cause: "overdue:\(complaint.id.rawValue):\(due)", at: now,
            extra: ["daysOverdue": String(due.days(until: today)), "clock": clock.stage.rawValue])
    }

    /// The message that carries a one-time code to the contact on record for an SME's credit code: the gateway reads the
    /// contact of `contactOf` itself (so the payload holds none) and sends the code by text message or email.
    public static func verificationCode(
        _ code: String, account: AccountID, contactOf number: String, expiresAt: Date, at now: Date
    ) throws -> ComplaintNotification {
        let recipient = "contact-of:" + number
        let body = WebhookBody(
            type: "account.verification-code", timestamp: StoreCoding.instant(now),
            data: [
                "recipient": recipient, "complaint": number, "account": account.rawValue, "code": code,
                "expiresAt": StoreCoding.instant(expiresAt),
            ])
        return ComplaintNotification(
            topic: "account.verification-code", recipient: recipient, complaintNumber: number,
            causeKey: "code:\(account.rawValue):\(StoreCoding.instant(now))", payload: try StoreCoding.encode(body))
    }

    static func make(topic: String, recipient: String, complaint: Complaint, cause: String, at: Date, extra: [String: String]) throws
        -> ComplaintNotification
    {
        var data: [String: String] = extra
        data["recipient"] = recipient
        data["complaint"] = complaint.number
        data["complaintId"] = complaint.id.rawValue
        data["state"] = complaint.state.rawValue
        data["respondent"] = complaint.filing.respondent.name
        data["dueOn"] = complaint.deadline?.dueOn?.description
        data["department"] = complaint.handlingDepartment?.rawValue
        let body = WebhookBody(type: topic, timestamp: StoreCoding.instant(at), data: data)
        return ComplaintNotification(
            topic: topic, recipient: recipient, complaintNumber: complaint.number, causeKey: cause, payload: try StoreCoding.encode(body))
    }

    private struct WebhookBody: Encodable {
        let type: String
        let timestamp: String
        let data: [String: String]
    }
}

/// A notification in the outbox and how its delivery stands.
public struct OutboxMessage: Sendable, Equatable {
    public let id: Int64
    public let notification: ComplaintNotification
    public let createdAt: Date
    public var state: DeliveryState
    public var attempts: Int
    /// When the next attempt is due (pending), or until when a server holds it while sending.
    public var nextAttemptAt: Date
    public var lastError: String?
    public var deliveredAt: Date?

    public init(
        id: Int64, notification: ComplaintNotification, createdAt: Date, state: DeliveryState, attempts: Int, nextAttemptAt: Date, lastError: String?,
        deliveredAt: Date?
    ) {
        self.id = id
        self.notification = notification
        self.createdAt = createdAt
        self.state = state
        self.attempts = attempts
        self.nextAttemptAt = nextAttemptAt
        self.lastError = lastError
        self.deliveredAt = deliveredAt
    }
}

/// Where a message is in its delivery.
public enum DeliveryState: String, Sendable, Codable, CaseIterable {
    case pending
    case delivered
    /// Given up after the last retry; `arrearsctl webhooks retry` puts it back.
    case dead
}

/// The outbox (发件箱): notifications written with their events, handed to the delivery worker, retried, given up on.
public protocol NotificationOutbox: Sendable {
    /// Up to `limit` messages due at `now`, oldest first, each held until `leaseUntil` so that no other server sends it
    /// meanwhile; a server that dies while sending lets the hold lapse and the message goes again.
    func claimDueMessages(at now: Date, leaseUntil: Date, limit: Int) async throws -> [OutboxMessage]
    /// The receiver answered 2xx.
    func recordDelivered(_ id: Int64, attempts: Int, at: Date) async throws
    /// The attempt failed; `retryAt` nil means give up (dead letter).
    func recordFailedDelivery(_ id: Int64, attempts: Int, error: String, retryAt: Date?) async throws
    /// Messages in id order after `after`, optionally in one state, for `arrearsctl webhooks list`.
    func outboxMessages(state: DeliveryState?, after: Int64, limit: Int) async throws -> [OutboxMessage]
    /// Puts a dead or pending message back in line at `now`; false when there is no such message or it was delivered.
    func retryMessage(_ id: Int64, at now: Date, by: Auditor) async throws -> Bool
    /// Writes the supervisor's message for every complaint past its deadline that has none yet; how many were written.
    func enqueueOverdueNotifications(today: CSTDate, at now: Date) async throws -> Int
}
