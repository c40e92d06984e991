import HTTPTypes
import Hummingbird

/// Every decision on a complaint must say which version it was based on: a POST to
/// `/v1/complaints/{id}/{command}` without `If-Match` is answered 428 before anything reads it. Attaching evidence decides
/// nothing and only adds, so it needs no version.
struct PreconditionMiddleware<Context: RequestContext>: RouterMiddleware {
    /// Only documented POST routes: any other method or path is for the router to refuse (404, or 405 with Allow), not
    /// 428 (schemathesis found POST /v1/complaints/{id}/contact answered 428).
    let routes: DocumentedRoutes

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let segments = request.uri.path.split(separator: "/")
        if request.method == .post, segments.count == 4, segments[0] == "v1", segments[1] == "complaints", segments[3] != "evidence",
            request.headers[.ifMatch] == nil, routes.methods(for: request.uri.path).contains("POST")
        {
            throw ProblemMapping.versionRequired
        }
        return try await next(request, context)
    }
}
