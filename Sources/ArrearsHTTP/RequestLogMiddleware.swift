import Hummingbird
import Logging

/// One log line per request: method, path, status, duration and request id. Never bodies or
/// query strings, which can carry personal data.
struct RequestLogMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let started = ContinuousClock.now
        let response = try await next(request, context)
        let elapsed = ContinuousClock.now - started
        let milliseconds = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        context.logger.info(
            "\(request.method) \(request.uri.path) \(response.status.code)",
            metadata: [
                "request_id": "\(response.headers[ProblemMiddleware<Context>.requestIDField] ?? "-")",
                "status": .stringConvertible(Int(response.status.code)),
                "duration_ms": .stringConvertible((milliseconds * 10).rounded() / 10),
            ])
        return response
    }
}
