import Foundation
import HTTPTypes
import Hummingbird
import Logging
import OpenAPIRuntime
import Synchronization
import Testing

@testable import ArrearsHTTP

@Suite("What reaches the logs")
struct LoggingTests {
    struct DiskFull: Error {}

    @Test("In production a request's log line is one JSON object with its request id, status and the path as written")
    func jsonLines() throws {
        let lines = Mutex<[String]>([])
        var logger = Logger(label: "arrearsd") { label in JSONLogHandler(label: label) { line in lines.withLock { $0.append(line) } } }
        logger[metadataKey: "component"] = "http"
        logger.info("POST /v1/complaints 201", metadata: ["request_id": "req-7f3a", "status": "201"])
        logger.debug("below the level: not written")
        let written = lines.withLock { $0 }
        #expect(written.count == 1 && written[0].hasSuffix("\n") && !written[0].dropLast().contains("\n"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(written[0].utf8)) as? [String: String])
        #expect(object["message"] == "POST /v1/complaints 201" && object["request_id"] == "req-7f3a" && object["status"] == "201")
        #expect(object["level"] == "info" && object["label"] == "arrearsd" && object["component"] == "http")
        #expect(object["time"]?.hasSuffix("Z") == true, "UTC time: \(object)")
        #expect(written[0].contains("/v1/complaints"), "slashes are not escaped, so grep finds paths")
    }

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
