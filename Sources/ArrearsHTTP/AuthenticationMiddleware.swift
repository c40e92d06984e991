import ArrearsStore
import Hummingbird

/// Resolves `Authorization: Bearer …` to an account for everything under /v1; refuses with 401 otherwise.
struct AuthenticationMiddleware<Context: RequestContext>: RouterMiddleware {
    let accounts: any AccountStore

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard request.uri.path.hasPrefix("/v1/") else { return try await next(request, context) }
        guard let header = request.headers[.authorization], header.lowercased().hasPrefix("bearer ") else {
            throw Problem.unauthenticated
        }
        let token = header.dropFirst("bearer ".count).trimmingCharacters(in: .whitespaces)
        guard !token.isEmpty, token.count <= 200, let account = try await accounts.account(tokenDigest: BearerToken.digest(token)) else {
            throw Problem.unauthenticated
        }
        return try await RequestValues.$account.withValue(account) { try await next(request, context) }
    }
}
