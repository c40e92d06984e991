import ArrearsApplication
import ArrearsCore
import ArrearsMessages
import ArrearsStore
import Foundation
import HTTPTypes
import Hummingbird

/// The complainant's web pages (投诉人网页), served by arrearsd beside the JSON API: another edge over the same
/// application layer, so every rule, permission, limit and audit entry is the API's. Every path outside the API's is
/// the portal's; API paths pass through untouched.
public struct Portal<Context: RequestContext>: RouterMiddleware {
    /// How the host tells the portal about the connection: the client's address (after trusted proxies), the request's
    /// id, and whether it arrived over TLS (then cookies are `Secure`).
    public struct Edge: Sendable {
        public let clientAddress: @Sendable (Request, Context) -> String
        public let requestID: @Sendable () -> String?
        public let isSecure: @Sendable (Request, Context) -> Bool

        public init(
            clientAddress: @escaping @Sendable (Request, Context) -> String, requestID: @escaping @Sendable () -> String?,
            isSecure: @escaping @Sendable (Request, Context) -> Bool
        ) {
            self.clientAddress = clientAddress
            self.requestID = requestID
            self.isSecure = isSecure
        }
    }

    let platform: Platform
    let edge: Edge
    let responder: RouterResponder<Context>

    /// The API's paths, by their components as the router matches them (`//metrics/` is `/metrics`); everything else
    /// is a page.
    static func isAPI(_ path: String) -> Bool {
        let parts = path.split(separator: "/")
        guard let first = parts.first else { return false }
        return first == "v1" || (parts.count == 1 && ["healthz", "readyz", "metrics", "openapi.yaml"].contains(first))
    }

    public init(platform: Platform, bodyLimit: Int, edge: Edge) {
        self.platform = platform
        self.edge = edge
        let router = Router(context: Context.self)
        PortalRoutes(platform: platform, bodyLimit: bodyLimit).register(on: router)
        responder = router.buildResponder()
    }

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard !Self.isAPI(request.uri.path) else { return try await next(request, context) }
        let cookies = request.cookies
        let words = Wording(Language(acceptLanguage: request.headers[.acceptLanguage]))
        var account: Account?
        var token = cookies[Cookies.session]?.value
        if let candidate = token, candidate.count <= 200 {
            account = try? await platform.account(tokenDigest: BearerToken.digest(candidate))
        }
        if account == nil { token = nil }
        let anonymous = cookies[Cookies.form]?.value ?? BearerToken.generate()
        let visit = Visit(
            words: words, account: account,
            caller: Caller(
                account: account, address: edge.clientAddress(request, context), requestID: edge.requestID(),
                tokenDigest: token.map(BearerToken.digest)),
            sessionToken: token, anonymousToken: anonymous, secure: edge.isSecure(request, context))
        var response: Response
        do {
            try Self.checkOrigin(request)
            response = try await Visit.$current.withValue(visit) { try await responder.respond(to: request, context: context) }
        } catch {
            response = ErrorPage.response(for: error, request: request, visit: visit)
        }
        let secure = visit.secure
        if cookies[Cookies.form] == nil { response.setCookie(Cookies.formCookie(anonymous, secure: secure)) }
        // A session the server no longer knows (expired, revoked) is forgotten by the browser too.
        let setsSession = response.headers[values: .setCookie].contains { $0.hasPrefix(Cookies.session + "=") }
        if cookies[Cookies.session] != nil, account == nil, !setsSession {
            response.setCookie(Cookies.expired(Cookies.session, secure: secure))
        }
        return response
    }

    /// Refuses a form sent from another site: a browser says so in `Sec-Fetch-Site`, or an `Origin` naming another host.
    static func checkOrigin(_ request: Request) throws {
        guard request.method == .post else { return }
        if let site = request.headers[HTTPField.Name("Sec-Fetch-Site")!], !["same-origin", "none"].contains(site) {
            throw PortalRefusal.crossSite
        }
        if let origin = request.headers[HTTPField.Name("Origin")!], let host = request.head.authority {
            let named = URL(string: origin).map { url in url.host.map { $0 + (url.port.map { ":\($0)" } ?? "") } ?? "" } ?? ""
            guard named == host else { throw PortalRefusal.crossSite }
        }
    }
}

/// Why the portal itself refuses a request (the application layer's refusals are `Refusal`).
enum PortalRefusal: Error {
    /// A form posted from another site, or without this visit's form token.
    case crossSite
    /// A page that needs a signed-in visitor.
    case signInNeeded
    /// A form for an action the portal does not offer.
    case noSuchAction
}
