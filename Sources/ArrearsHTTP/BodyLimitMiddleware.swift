import Hummingbird
import NIOCore

/// Refuses bodies over the limit with 413 before anything reads them, whether or not the client
/// announced the length. Evidence uploads are exempt: they stream to disk under their own limits.
struct BodyLimitMiddleware<Context: RequestContext>: RouterMiddleware {
    let limit: Int

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if request.method == .post, Self.isEvidenceUpload(request.uri.path) { return try await next(request, context) }
        let tooLarge = ProblemMapping.bodyTooLarge(limit: limit)
        if let length = request.headers[.contentLength].flatMap(Int.init), length > limit { throw tooLarge }
        var request = request
        do {
            _ = try await request.collectBody(upTo: limit)
        } catch let error as HTTPError where error.status == .contentTooLarge {
            throw tooLarge
        } catch is NIOTooManyBytesError {
            // A chunked body announces no length; NIO notices the excess while collecting.
            throw tooLarge
        }
        return try await next(request, context)
    }

    /// `/v1/complaints/{id}/evidence`.
    static func isEvidenceUpload(_ path: String) -> Bool {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        return parts.count == 5 && parts[1] == "v1" && parts[2] == "complaints" && !parts[3].isEmpty && parts[4] == "evidence"
    }
}
