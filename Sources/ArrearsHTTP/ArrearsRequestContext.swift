import Hummingbird
import NIOCore

/// The request context: Hummingbird's basic one plus the peer's address, which sign-in and registration limits key on.
public struct ArrearsRequestContext: RequestContext, RemoteAddressRequestContext {
    public var coreContext: CoreRequestContextStorage
    public let remoteAddress: SocketAddress?

    public init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.remoteAddress = source.channel.remoteAddress
    }
}
