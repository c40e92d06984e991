import ArrearsHTTP
import Testing

@Suite("Standard Webhooks signatures")
struct WebhookSignerTests {
    @Test("The scheme's published example signs to its published signature")
    func publishedVector() throws {
        let signer = try WebhookSigner(secret: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")
        let signature = signer.signature(id: "msg_p5jXN8AQM9LWM0D4loKWxJek", timestamp: 1_614_265_330, body: #"{"test": 2432232314}"#)
        #expect(signature == "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=")
    }

    @Test("A secret too short or not base64 is refused before the server starts")
    func weakSecrets() {
        #expect(throws: WebhookSecretError.self) { try WebhookSigner(secret: "whsec_c2hvcnQ=") }
        #expect(throws: WebhookSecretError.self) { try WebhookSigner(secret: "whsec_not base64 at all!") }
    }
}
