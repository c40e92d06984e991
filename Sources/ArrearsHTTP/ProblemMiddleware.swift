import ArrearsMessages
import Foundation
import HTTPTypes
import Hummingbird
import Logging
import OpenAPIRuntime

/// Gives every request an id (kept from `X-Request-Id` when the client sent a sane one) and turns
/// every error into problem+json; anything unforeseen is a logged 500 that names the request id.
struct ProblemMiddleware<Context: RequestContext>: RouterMiddleware {
    static var requestIDField: HTTPField.Name { HTTPField.Name("X-Request-Id")! }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let requestID = Self.requestID(from: request)
        // Words people read follow Accept-Language (Chinese unless English is asked for); codes never do.
        let language = Language(acceptLanguage: request.headers[.acceptLanguage])
        do {
            let verbatim = VerbatimHeaders()
            var response = try await RequestValues.$requestID.withValue(requestID) {
                try await RequestValues.$verbatimHeaders.withValue(verbatim) {
                    try await RequestValues.$wording.withValue(Wording(language)) { try await next(request, context) }
                }
            }
            for field in verbatim.all { response.headers[field.name] = field.value }
            response.headers[Self.requestIDField] = requestID
            response.headers[.contentLanguage] = language.rawValue
            return response
        } catch {
            let problem: Problem
            if let mapped = ProblemMapping.problem(for: error) {
                problem = mapped
                if problem.status.code >= 500 {
                    context.logger.error("request failed", metadata: ["request_id": "\(requestID)", "error": "\(Self.loggable(error))"])
                }
            } else {
                context.logger.error("unexpected error", metadata: ["request_id": "\(requestID)", "error": "\(Self.loggable(error))"])
                problem = ProblemMapping.internalError(requestID: requestID)
            }
            return Self.response(problem, requestID: requestID, language: language)
        }
    }

    static func response(_ problem: Problem, requestID: String, language: Language) -> Response {
        var headers: HTTPFields = [.contentType: "application/problem+json", requestIDField: requestID, .contentLanguage: language.rawValue]
        for (name, value) in problem.headers {
            if let field = HTTPField.Name(name) { headers[field] = value }
        }
        return Response(
            status: problem.status, headers: headers,
            body: .init(byteBuffer: ByteBuffer(bytes: problem.body(requestID: requestID, language: language))))
    }

    /// What of an error may be logged: the OpenAPI runtime's `ServerError` describes the whole
    /// request, Authorization header and body included, so only its operation and cause are kept.
    static func loggable(_ error: any Error) -> String {
        if let error = error as? ServerError {
            return "\(error.operationID): \(loggable(error.underlyingError))"
        }
        return String(reflecting: error)
    }

    static func requestID(from request: Request) -> String {
        if let given = request.headers[requestIDField], (1...64).contains(given.count),
            given.unicodeScalars.allSatisfy({ CharacterSet.alphanumerics.contains($0) || $0 == "-" || $0 == "_" })
        {
            return given
        }
        return UUID().uuidString.lowercased()
    }
}
