import ArrearsApplication
import ArrearsCore
import Hummingbird
import NIOCore

/// Reads every JSON request body strictly (`StrictJSON`) before the generated server decodes it: a trailing comma, a
/// duplicate key, a `null` (which Codable would read as an absent optional and act on — schemathesis found this on the
/// size test) or a number that is not a whole number is refused with the field and the rule named.
struct StrictJSONMiddleware<Context: RequestContext>: RouterMiddleware {
    let json: StrictJSON
    let routes: DocumentedRoutes

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard request.method == .post || request.method == .put || request.method == .patch,
            request.headers[.contentType]?.lowercased().hasPrefix("application/json") == true,
            !BodyLimitMiddleware<Context>.isEvidenceUpload(request.uri.path),
            // A method the path does not have is answered 405 whatever its body.
            routes.operations(for: request.uri.path)[request.method.rawValue] != nil
        else { return try await next(request, context) }
        var request = request
        // Already collected (and limited) by BodyLimitMiddleware, so this is a copy of bytes in memory.
        let body = try await request.collectBody(upTo: .max)
        if body.readableBytes > 0, let violation = body.withUnsafeReadableBytes({ json.violation(in: $0) }) {
            throw Refusal.malformed([violation], detail: violation.message)
        }
        return try await next(request, context)
    }
}
