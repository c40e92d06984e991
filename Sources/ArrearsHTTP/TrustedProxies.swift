import Foundation

/// The reverse proxies whose `X-Forwarded-For` is believed. Behind a proxy every request comes from the proxy's address,
/// so limits per address would lump all clients together; from a listed proxy, the client is the rightmost address in
/// the header that is not itself a listed proxy. From anyone else the header is ignored: a client cannot choose the
/// address it is limited by.
public struct TrustedProxies: Sendable, Equatable {
    public let addresses: Set<String>

    public init(_ addresses: Set<String> = []) {
        self.addresses = addresses
    }

    /// A comma-separated list of IP addresses, as `--trusted-proxies` takes it.
    public init(list: String) throws {
        let items = list.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        for item in items where !Self.isIPAddress(item) {
            throw TrustedProxiesError(description: "trusted proxies are IP addresses separated by commas; \(item) is not one")
        }
        addresses = Set(items)
    }

    /// The client's address: the peer's, unless the peer is a trusted proxy that says whom it forwards for.
    public func client(peer: String, forwardedFor header: String?) -> String {
        guard addresses.contains(peer), let header else { return peer }
        let hops = header.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter(Self.isIPAddress)
        return hops.last { !addresses.contains($0) } ?? hops.first ?? peer
    }

    static func isIPAddress(_ text: String) -> Bool {
        var v4 = in_addr()
        var v6 = in6_addr()
        return inet_pton(AF_INET, text, &v4) == 1 || inet_pton(AF_INET6, text, &v6) == 1
    }
}

/// A `--trusted-proxies` value that is not a list of addresses.
public struct TrustedProxiesError: Error, CustomStringConvertible {
    public let description: String
}
