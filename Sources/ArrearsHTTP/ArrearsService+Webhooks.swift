import ArrearsAPI
import ArrearsCore
import ArrearsStore
import Foundation

extension ArrearsService {
    public func listWebhookDeliveries(_ input: Operations.ListWebhookDeliveries.Input) async throws -> Operations.ListWebhookDeliveries.Output {
        try requireAdmin("list webhook deliveries")
        let messages = try await outbox.outboxMessages(
            state: input.query.state.flatMap { DeliveryState(rawValue: $0.rawValue) }, after: input.query.after ?? 0,
            limit: min(max(input.query.limit ?? 100, 1), 1000))
        return .ok(.init(body: .json(.init(items: messages.map(Self.wire)))))
    }

    public func retryWebhookDelivery(_ input: Operations.RetryWebhookDelivery.Input) async throws -> Operations.RetryWebhookDelivery.Output {
        let account = try requireAdmin("retry webhook deliveries")
        let id = input.path.deliveryId
        let now = clock.now()
        guard try await outbox.retryMessage(id, at: now, by: Self.auditor(id: account.id.rawValue, role: account.role)) else {
            let existing = try await outbox.outboxMessages(state: nil, after: id - 1, limit: 1).first { $0.id == id }
            guard existing != nil else {
                throw Problem(status: .notFound, slug: "not-found", title: "No such delivery", detail: "there is no webhook delivery \(id)")
            }
            throw Problem(
                status: .conflict, slug: "webhook-delivered", title: "Already delivered",
                detail: "webhook delivery \(id) was delivered; nothing to retry")
        }
        guard let message = try await outbox.outboxMessages(state: nil, after: id - 1, limit: 1).first(where: { $0.id == id }) else {
            throw Problem(status: .notFound, slug: "not-found", title: "No such delivery", detail: "there is no webhook delivery \(id)")
        }
        return .ok(.init(body: .json(Self.wire(message))))
    }

    @discardableResult
    func requireAdmin(_ command: String) throws -> Account {
        let account = try caller()
        guard account.role == .admin else { throw TransitionError.roleNotPermitted(command: command, role: account.role) }
        return account
    }

    static func wire(_ message: OutboxMessage) -> Components.Schemas.WebhookDelivery {
        .init(
            id: message.id, topic: .init(rawValue: message.notification.topic) ?? .complaint_forwarded,
            recipient: message.notification.recipient, complaint: message.notification.complaintNumber,
            state: .init(rawValue: message.state.rawValue) ?? .pending, attempts: message.attempts, createdAt: message.createdAt,
            nextAttemptAt: message.nextAttemptAt, lastError: message.lastError, deliveredAt: message.deliveredAt)
    }
}
