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

    @Test("In production a request's log line is one JSON object: one request id, status and duration as numbers, the path as written")
    func jsonLines() throws {
        let lines = Mutex<[String]>([])
        var logger = Logger(label: "arrearsd") { label in JSONLogHandler(label: label) { line in lines.withLock { $0.append(line) } } }
        logger[metadataKey: "component"] = "http"
        logger[metadataKey: "hb.request.id"] = "7f3a0b9c"
        logger.info(
            "POST /v1/complaints 201",
            metadata: ["request_id": "req-7f3a", "status": .stringConvertible(201), "duration_ms": .stringConvertible(4.8)])
        logger.debug("below the level: not written")
        let written = lines.withLock { $0 }
        #expect(written.count == 1 && written[0].hasSuffix("\n") && !written[0].dropLast().contains("\n"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(written[0].utf8)) as? [String: Any])
        #expect(object["message"] as? String == "POST /v1/complaints 201" && object["request_id"] as? String == "req-7f3a")
        #expect(object["status"] as? Int == 201 && object["duration_ms"] as? Double == 4.8, "numbers stay numbers: \(written[0])")
        #expect(object["hb.request.id"] == nil, "one request id a line, the one the client was given")
        #expect(object["level"] as? String == "info" && object["label"] as? String == "arrearsd" && object["component"] as? String == "http")
        #expect((object["time"] as? String)?.hasSuffix("Z") == true, "UTC time: \(object)")
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
