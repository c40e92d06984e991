import ArrearsAPI
import ArrearsApplication
import ArrearsStore

extension ArrearsService {
    public func listWebhookDeliveries(_ input: Operations.ListWebhookDeliveries.Input) async throws -> Operations.ListWebhookDeliveries.Output {
        let messages = try await platform.webhookDeliveries(
            state: input.query.state.flatMap { DeliveryState(rawValue: $0.rawValue) }, after: input.query.after ?? 0, limit: input.query.limit,
            by: caller())
        return .ok(.init(body: .json(.init(items: messages.map(Self.wire)))))
    }

    public func retryWebhookDelivery(_ input: Operations.RetryWebhookDelivery.Input) async throws -> Operations.RetryWebhookDelivery.Output {
        .ok(.init(body: .json(Self.wire(try await platform.retryWebhookDelivery(input.path.deliveryId, by: caller())))))
    }

    static func wire(_ message: OutboxMessage) -> Components.Schemas.WebhookDelivery {
        .init(
            id: message.id, topic: .init(rawValue: message.notification.topic) ?? .complaint_forwarded,
            recipient: message.notification.recipient, complaint: message.notification.complaintNumber,
            state: .init(rawValue: message.state.rawValue) ?? .pending, attempts: message.attempts, createdAt: message.createdAt,
            nextAttemptAt: message.nextAttemptAt, lastError: message.lastError, deliveredAt: message.deliveredAt)
    }
}
