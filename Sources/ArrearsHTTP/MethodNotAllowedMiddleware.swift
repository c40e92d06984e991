import HTTPTypes
import Hummingbird

/// Answers 405 with `Allow` when a known path is asked with a method it does not have, where the
/// router alone would say 404 (RFC 9110 §15.5.6).
struct MethodNotAllowedMiddleware<Context: RequestContext>: RouterMiddleware {
    let routes: DocumentedRoutes

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as HTTPError where error.status == .notFound {
            let allowed = routes.methods(for: request.uri.path)
            guard !allowed.isEmpty, !allowed.contains(request.method.rawValue) else { throw error }
            let allow = allowed.sorted().joined(separator: ", ")
            throw ProblemMapping.methodNotAllowed(path: request.uri.path, allow: allow)
        }
    }
}

/// The paths and methods the OpenAPI document declares, read from the document itself so the two
/// cannot disagree, plus the routes served outside it.
struct DocumentedRoutes: Sendable {
    private var routes: [(segments: [Substring], methods: Set<String>)] = []

    /// Reads `paths:` of the YAML document: two-space-indented `/path:` keys, four-space-indented methods.
    init(openAPI yaml: String, extra: [String: Set<String>]) {
        var inPaths = false
        var current: [Substring]?
        var methods: Set<String> = []
        func flush() {
            if let current { routes.append((current, methods)) }
            current = nil
            methods = []
        }
        for line in yaml.split(separator: "\n", omittingEmptySubsequences: true) {
            if !line.hasPrefix(" ") {
                flush()
                inPaths = line.hasPrefix("paths:")
                continue
            }
            guard inPaths else { continue }
            if line.hasPrefix("  /"), line.hasSuffix(":") {
                flush()
                current = line.dropFirst(2).dropLast().split(separator: "/")
            } else if line.hasPrefix("    "), !line.hasPrefix("     "), line.hasSuffix(":") {
                let method = line.trimmingCharacters(in: .whitespaces).dropLast().uppercased()
                if ["GET", "POST", "PUT", "PATCH", "DELETE"].contains(method) { methods.insert(method) }
            }
        }
        flush()
        for (path, methods) in extra { routes.append((path.split(separator: "/"), methods)) }
    }

    /// The methods of the route a concrete path matches (`{…}` segments match anything); empty if none.
    func methods(for path: String) -> Set<String> {
        let segments = path.split(separator: "/")
        for route in routes where route.segments.count == segments.count {
            if zip(route.segments, segments).allSatisfy({ $0.hasPrefix("{") || $0 == $1 }) { return route.methods }
        }
        return []
    }
}
