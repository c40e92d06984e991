import ArrearsAPI
import ArrearsStore
import Foundation
import HTTPTypes
import Hummingbird
import OpenAPIHummingbird
@_spi(Generated) import OpenAPIRuntime

/// The router as the generated handlers' transport, but for the busiest operations (读取投诉, 投诉列表, 月度统计): those are answered by a
/// handler that asks the same `ArrearsService` function for the contract's type and writes it with the
/// `StreamingJSONEncoder`, skipping the runtime's body streams and Foundation's `JSONEncoder` (a third of a read's CPU).
/// Everything before the handler — authentication, preconditions, problems, metrics — is the same middleware.
struct DirectAnswers<Context: RequestContext>: ServerTransport {
    /// An operation answered directly, by the contract's method and path template.
    struct Operation: Sendable {
        let method: HTTPRequest.Method
        let path: String
        let respond: @Sendable (Request, Context) async throws -> Response
    }

    let router: Router<Context>
    let operations: [Operation]
    /// The operations registered directly, so the caller can check none was left out of the contract.
    private let used = UsedPaths()

    init(router: Router<Context>, service: ArrearsService) {
        self.router = router
        operations = [
            Operation(method: .get, path: "/v1/complaints/{complaintId}") { request, context in
                let answer = try await service.complaintDetail(try context.pathParameter("complaintId"))
                return try Self.json(answer.body, headers: [.eTag: answer.eTag], for: request, operation: "getComplaint")
            },
            Operation(method: .get, path: "/v1/complaints") { request, _ in
                let query = QueryValues(request)
                return try Self.json(
                    try await service.complaintPage(
                        .init(
                            state: try query.codes("state", as: Components.Schemas.ComplaintState.self), province: query.text("province"),
                            department: query.text("department"), overdue: try query.flag("overdue"), q: query.text("q"),
                            amountFrom: try query.integer("amountFrom"), amountTo: try query.integer("amountTo"),
                            receivedFrom: query.text("receivedFrom"), receivedTo: query.text("receivedTo"), cursor: query.text("cursor"),
                            limit: try query.integer("limit"))), for: request, operation: "listComplaints")
            },
            Operation(method: .get, path: "/v1/statistics/monthly") { request, _ in
                let query = QueryValues(request)
                return try Self.json(
                    try await service.monthlyStatistics(.init(month: try query.required("month"), breakdowns: try query.flag("breakdowns"))),
                    for: request, operation: "getMonthlyStatistics")
            },
        ]
    }

    func register(
        _ handler: @escaping @Sendable (HTTPRequest, HTTPBody?, ServerRequestMetadata) async throws -> (HTTPResponse, HTTPBody?),
        method: HTTPRequest.Method, path: String
    ) throws {
        if let operation = operations.first(where: { $0.method == method && $0.path == path }) {
            router.on(RouterPath(path), method: method, use: operation.respond)
            used.insert("\(method) \(path)")
        } else {
            router.register(handler, method: method, path: path)
        }
    }

    /// Operations named here that the contract has not (a renamed path would otherwise quietly fall back).
    var unmatched: [String] { operations.map { "\($0.method) \($0.path)" }.filter { !used.contains($0) } }

    /// The answer as JSON — once the runtime's own check finds the request's `Accept` takes JSON: a client that takes
    /// none gets 406 as from the generated handlers, which also check after the operation has run.
    static func json(
        _ body: some Encodable, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:], for request: Request, operation: String
    ) throws -> Response {
        do {
            try acceptChecker.validateAcceptIfPresent("application/json", in: request.headers)
        } catch let error as any HTTPResponseConvertible & Error {
            throw ServerError(
                operationID: operation, request: request.head, requestBody: nil, requestMetadata: .init(),
                causeDescription: String(describing: error), underlyingError: error, httpStatus: error.httpStatus, httpHeaderFields: [:],
                httpBody: nil)
        }
        var headers = headers
        headers[.contentType] = "application/json; charset=utf-8"
        return Response(
            status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: try StreamingJSONEncoder.internetDateTime.encode(body))))
    }
}

/// The runtime's converter, for its check of `Accept` only (made once: it holds coders of its own).
private let acceptChecker = Converter(configuration: .init())

/// Paths registered so far (registration happens once, at start).
private final class UsedPaths: @unchecked Sendable {
    private var paths: Set<String> = []
    private let lock = NSLock()
    func insert(_ path: String) { lock.withLock { _ = paths.insert(path) } }
    func contains(_ path: String) -> Bool { lock.withLock { paths.contains(path) } }
}

extension RequestContext {
    /// A path parameter as the generated handlers read it (percent-decoded).
    func pathParameter(_ name: String) throws -> String {
        let raw = try parameters.require(name)
        return raw.removingPercentEncoding ?? raw
    }
}
