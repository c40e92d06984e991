import Crypto
import Foundation

/// Signs webhook bodies as the Standard Webhooks scheme says: HMAC-SHA256 over `id.timestamp.body` with the secret's
/// bytes (`whsec_` + base64), sent as `webhook-signature: v1,<base64>` beside `webhook-id` and `webhook-timestamp`.
public struct WebhookSigner: Sendable {
    /// The secret's bytes; a `SymmetricKey` is made per signature because it is not Sendable.
    let secret: Data

    /// Accepts `whsec_<base64>` (the scheme's form) or plain base64; at least 24 bytes, as the scheme recommends.
    public init(secret text: String) throws {
        let encoded = text.hasPrefix("whsec_") ? String(text.dropFirst(6)) : text
        guard let bytes = Data(base64Encoded: encoded), bytes.count >= 24 else {
            throw WebhookSecretError()
        }
        self.secret = bytes
    }

    /// The `webhook-signature` header value for one delivery.
    public func signature(id: String, timestamp: Int, body: String) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: Data("\(id).\(timestamp).\(body)".utf8), using: SymmetricKey(data: secret))
        return "v1," + Data(mac).base64EncodedString()
    }
}

/// The webhook secret is not `whsec_` followed by at least 24 bytes in base64.
public struct WebhookSecretError: Error, CustomStringConvertible {
    public var description: String {
        "the webhook secret must be whsec_ followed by at least 24 random bytes in base64 (e.g. whsec_$(openssl rand -base64 32))"
    }
}
