import Foundation
import HTTPTypes
import Hummingbird

/// The OpenAPI runtime writes response header values URI-encoded (`ETag: %221%22`); ETag and
/// Location go out as RFC 9110 has them (`"1"`, `/v1/complaints/…`), which the generated client
/// reads just the same.
struct HeaderDecodingMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        for name in [HTTPField.Name.eTag, .location] {
            if let value = response.headers[name], value.contains("%"), let decoded = value.removingPercentEncoding {
                response.headers[name] = decoded
            }
        }
        return response
    }
}
