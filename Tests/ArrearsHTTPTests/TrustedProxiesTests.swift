import ArrearsHTTP
import Testing

@Suite("Client addresses behind a reverse proxy")
struct TrustedProxiesTests {
    let proxies = try! TrustedProxies(list: "10.0.0.5, 10.0.0.6")

    @Test("From a trusted proxy, the client is the rightmost address that is not a proxy")
    func trusted() {
        #expect(proxies.client(peer: "10.0.0.5", forwardedFor: "203.0.113.7") == "203.0.113.7")
        // A client may send its own X-Forwarded-For; the proxy appends the real peer, which is what counts.
        #expect(proxies.client(peer: "10.0.0.5", forwardedFor: "1.2.3.4, 203.0.113.7") == "203.0.113.7")
        #expect(proxies.client(peer: "10.0.0.6", forwardedFor: "198.51.100.9, 10.0.0.5") == "198.51.100.9")
        #expect(proxies.client(peer: "10.0.0.5", forwardedFor: "2001:db8::17") == "2001:db8::17")
    }

    @Test("From anyone else the header is ignored, and so is garbage in it")
    func untrusted() {
        #expect(proxies.client(peer: "203.0.113.7", forwardedFor: "1.2.3.4") == "203.0.113.7")
        #expect(TrustedProxies().client(peer: "127.0.0.1", forwardedFor: "1.2.3.4") == "127.0.0.1")
        #expect(proxies.client(peer: "10.0.0.5", forwardedFor: "not-an-address") == "10.0.0.5")
        #expect(throws: TrustedProxiesError.self) { try TrustedProxies(list: "10.0.0.5, proxy.internal") }
    }
}
