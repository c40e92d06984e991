import ArrearsCore
import ArrearsStore
import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import ServiceLifecycle

/// The delivery worker: posts due outbox messages to the webhook endpoint, signed, oldest first; retries a failure after
/// the base delay doubled per attempt (capped at six hours, with jitter so a recovering receiver is not hit all at once);
/// gives up after the last attempt (dead letter, for `arrearsctl webhooks retry`). Once a minute it also writes the
/// supervisors' messages for complaints whose deadline has passed. Several servers share the work through the outbox's
/// claims. Delivery is at least once: receivers drop repeats by `webhook-id`.
public struct WebhookDelivery: Service {
    let outbox: any NotificationOutbox
    let endpoint: String
    let signer: WebhookSigner
    let settings: WebhookSettings
    let clock: any InstantSource
    let logger: Logger

    public init(outbox: any NotificationOutbox, settings: WebhookSettings, clock: any InstantSource, logger: Logger) throws {
        guard let endpoint = settings.url, let secret = settings.secret else { throw WebhookSecretError() }
        self.outbox = outbox
        self.endpoint = endpoint
        signer = try WebhookSigner(secret: secret)
        self.settings = settings
        self.clock = clock
        self.logger = logger
    }

    public func run() async throws {
        // Its own client: a refused connection fails the attempt at once (the shared client keeps reconnecting until the
        // request's deadline), so the backoff, not the client, paces retries to a receiver that is down.
        var configuration = HTTPClient.Configuration(timeout: .init(connect: .seconds(5), read: .seconds(10)))
        configuration.connectionPool.retryConnectionEstablishment = false
        let client = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
        await rounds(client)
        try? await client.shutdown()
    }

    func rounds(_ client: HTTPClient) async {
        var overdueCheckedAt: Date?
        // Stops between rounds on SIGTERM; a round in flight finishes, so no claimed message is left half recorded.
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            let now = clock.now()
            do {
                if overdueCheckedAt.map({ now.timeIntervalSince($0) >= 60 }) ?? true {
                    let written = try await outbox.enqueueOverdueNotifications(today: CSTDate(now), at: now)
                    if written > 0 { logger.info("overdue notifications written", metadata: ["count": "\(written)"]) }
                    overdueCheckedAt = now
                }
                let due = try await outbox.claimDueMessages(at: now, leaseUntil: now.addingTimeInterval(60), limit: 50)
                for message in due { await deliver(message, client) }
                if due.count == 50 { continue }
            } catch {
                logger.warning("webhook round failed", metadata: ["error": "\(String(reflecting: error))"])
            }
            try? await Task.sleep(for: .milliseconds(settings.pollMilliseconds))
        }
    }

    /// One attempt: 2xx is delivered; anything else (refused connection, timeout, 5xx, 4xx) is retried later.
    func deliver(_ message: OutboxMessage, _ client: HTTPClient) async {
        let attempts = message.attempts + 1
        let timestamp = Int(clock.now().timeIntervalSince1970)
        let id = "arrears-\(message.id)"
        var request = HTTPClientRequest(url: endpoint)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        request.headers.add(name: "webhook-id", value: id)
        request.headers.add(name: "webhook-timestamp", value: String(timestamp))
        request.headers.add(name: "webhook-signature", value: signer.signature(id: id, timestamp: timestamp, body: message.notification.payload))
        request.body = .bytes(ByteBuffer(string: message.notification.payload))
        var failure: String
        do {
            let response = try await client.execute(request, timeout: .seconds(15))
            _ = try? await response.body.collect(upTo: 64 * 1024)
            if (200..<300).contains(response.status.code) {
                try await outbox.recordDelivered(message.id, attempts: attempts, at: clock.now())
                return
            }
            failure = "HTTP \(response.status.code)"
        } catch {
            failure = String(describing: error)
        }
        let retryAt = attempts >= settings.maxAttempts ? nil : clock.now().addingTimeInterval(settings.delay(afterAttempt: attempts))
        logger.notice(
            "webhook not delivered",
            metadata: ["outbox": "\(message.id)", "attempt": "\(attempts)", "error": "\(failure)", "dead": "\(retryAt == nil)"])
        try? await outbox.recordFailedDelivery(message.id, attempts: attempts, error: failure, retryAt: retryAt)
    }
}

/// Where notifications go and how hard to try (docs/operations.md "Configuration").
public struct WebhookSettings: Sendable {
    /// The receiver's URL; nil: notifications stay in the outbox (listed by `arrearsctl webhooks list`).
    public var url: String?
    /// `whsec_…`, shared with the receiver.
    public var secret: String?
    public var maxAttempts = 8
    /// The first retry's delay; each further one doubles it.
    public var retryBaseMilliseconds = 30_000
    /// How often the worker looks for due messages.
    public var pollMilliseconds = 1_000

    public init() {}

    /// Seconds before attempt `attempt + 1`: base × 2^(attempt−1), at most six hours, plus up to a tenth at random.
    func delay(afterAttempt attempt: Int) -> TimeInterval {
        let base = Double(retryBaseMilliseconds) / 1000 * pow(2, Double(min(attempt - 1, 20)))
        let capped = min(base, 6 * 3600)
        return capped + Double.random(in: 0...(capped / 10))
    }
}
