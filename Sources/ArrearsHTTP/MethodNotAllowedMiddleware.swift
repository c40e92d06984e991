import HTTPTypes
import Hummingbird

/// Answers 405 with `Allow` when a known path is asked with a method it does not have, where the
/// router alone would say 404 (RFC 9110 §15.5.6).
struct MethodNotAllowedMiddleware<Context: RequestContext>: RouterMiddleware {
    let routes: DocumentedRoutes

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as HTTPError where error.status == .notFound {
            let allowed = routes.methods(for: request.uri.path)
            guard !allowed.isEmpty, !allowed.contains(request.method.rawValue) else { throw error }
            let allow = allowed.sorted().joined(separator: ", ")
            throw ProblemMapping.methodNotAllowed(path: request.uri.path, allow: allow)
        }
    }
}
