import ArrearsApplication
import ArrearsCore
import ArrearsStore
import HTTPTypes
import Hummingbird

/// Resolves `Authorization: Bearer …` to an account for everything under /v1 except what the contract opens to anyone
/// (`security: []`: signing in, SME registration, the due-date calculator); refuses with 401 otherwise. Also notes the peer's address for the limits that key on it.
struct AuthenticationMiddleware: RouterMiddleware {
    static let forwardedFor = HTTPField.Name("X-Forwarded-For")!

    typealias Context = ArrearsRequestContext
    let platform: Platform
    let proxies: TrustedProxies
    let routes: DocumentedRoutes

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let address = proxies.client(
            peer: context.remoteAddress?.ipAddress ?? "unknown", forwardedFor: request.headers[Self.forwardedFor])
        return try await RequestValues.$clientAddress.withValue(address) {
            guard request.uri.path.hasPrefix("/v1/") else { return try await next(request, context) }
            if routes.operations(for: request.uri.path)[request.method.rawValue]?.isOpen == true { return try await next(request, context) }
            guard let header = request.headers[.authorization], header.lowercased().hasPrefix("bearer ") else {
                throw Refusal.unauthenticated
            }
            let token = header.dropFirst("bearer ".count).trimmingCharacters(in: .whitespaces)
            let digest = BearerToken.digest(token)
            guard !token.isEmpty, token.count <= 200, let account = try await platform.account(tokenDigest: digest) else {
                throw Refusal.unauthenticated
            }
            return try await RequestValues.$account.withValue(account) {
                try await RequestValues.$tokenDigest.withValue(digest) { try await next(request, context) }
            }
        }
    }
}
