import HTTPTypes
import Hummingbird
import OpenAPIRuntime
import Testing

@testable import ArrearsHTTP

@Suite("What reaches the logs")
struct LoggingTests {
    struct DiskFull: Error {}

    @Test("A failed request is logged by operation and cause, never with its Authorization header or body")
    func noSecrets() {
        let token = "arr_secret-token-that-must-not-be-logged"
        let request = HTTPRequest(
            method: .post, scheme: "http", authority: "127.0.0.1", path: "/v1/complaints", headerFields: [.authorization: "Bearer \(token)"])
        let error = ServerError(
            operationID: "submitComplaint", request: request, requestBody: HTTPBody("{\"contact\":{\"phone\":\"0571-87000000\"}}"),
            requestMetadata: .init(), causeDescription: "User handler threw an error.", underlyingError: DiskFull())
        #expect(String(reflecting: error).contains(token), "the runtime's own description does carry the header")
        let logged = ProblemMiddleware<BasicRequestContext>.loggable(error)
        #expect(logged.hasPrefix("submitComplaint: "))
        #expect(logged.contains("DiskFull"))
        #expect(!logged.contains(token) && !logged.contains("0571-87000000"))
    }
}
