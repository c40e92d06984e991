import ArrearsApplication
import ArrearsCore
import Hummingbird

/// Holds path and query parameters to the contract as bodies are held to it: a query parameter the operation does not
/// document, a repeated one, or a value its schema refuses (a 65-character account id, a limit of 201) is answered 400
/// naming the parameter and the rule, before any handler runs (the generated server reads parameters but checks no
/// pattern, length or bound).
struct QueryContractMiddleware<Context: RequestContext>: RouterMiddleware {
    let routes: DocumentedRoutes

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let operation = routes.operations(for: request.uri.path)[request.method.rawValue] else { return try await next(request, context) }
        if !operation.path.isEmpty {
            for (name, raw) in routes.pathValues(for: request.uri.path) {
                guard let schema = operation.path[name] else { continue }
                let value = raw.removingPercentEncoding.map { Substring($0) } ?? raw
                if let violation = schema.violation(of: [value], name: name, in: "path") {
                    throw Refusal.malformed([violation], detail: violation.message)
                }
            }
        }
        guard request.uri.query != nil else { return try await next(request, context) }
        var values: [String: [Substring]] = [:]
        var order: [String] = []
        for (key, value) in request.uri.queryParameters {
            let name = String(key.removingPercentEncoding ?? String(key))
            if values[name] == nil { order.append(name) }
            values[name, default: []].append(value)
        }
        for name in order {
            guard let schema = operation.query[name] else {
                let known = operation.query.keys.sorted()
                let message =
                    known.isEmpty
                    ? Message("parameter.none-taken", ["name": .text(name)])
                    : Message("parameter.unknown", ["name": .text(name), "known": .text(known.joined(separator: ", "))])
                throw Refusal.malformed([FieldViolation(field: name, rule: "query.unknown-parameter", message: message)], detail: message)
            }
            if let violation = schema.violation(of: values[name]!, name: name) {
                throw Refusal.malformed([violation], detail: violation.message)
            }
        }
        return try await next(request, context)
    }
}
