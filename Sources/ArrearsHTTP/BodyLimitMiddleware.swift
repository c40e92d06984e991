import Hummingbird
import NIOCore

/// Refuses bodies over the limit with 413 before anything reads them, whether or not the client
/// announced the length.
struct BodyLimitMiddleware<Context: RequestContext>: RouterMiddleware {
    let limit: Int

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let tooLarge = Problem(
            status: .contentTooLarge, slug: "body-too-large", title: "The body is too large",
            detail: "request bodies are limited to \(limit) bytes")
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
}
