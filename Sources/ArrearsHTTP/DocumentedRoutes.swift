import Foundation
import Yams

/// The paths, methods and query parameters the OpenAPI document declares, read from the document itself so the server
/// and the contract cannot disagree, plus the routes served outside it; and which body fields the contract says hold
/// money or days, so that `StrictJSON` can name the rule a non-integer breaks.
struct DocumentedRoutes: Sendable {
    /// One documented operation: the query and path parameters it takes, by name.
    struct Operation: Sendable {
        let query: [String: ParameterSchema]
        var path: [String: ParameterSchema] = [:]
        /// The contract lets anyone call it (`security: []`): signing in, registering, the due-date calculator.
        var isOpen = false
    }

    /// A path template split into segments, which of them are `{…}` parameters, and its operations by method.
    private struct Route: Sendable {
        let segments: [Substring]
        let isParameter: [Bool]
        let operations: [String: Operation]

        init(_ path: String, _ operations: [String: Operation]) {
            segments = path.split(separator: "/")
            isParameter = segments.map { $0.hasPrefix("{") }
            self.operations = operations
        }

        func matches(_ path: [Substring]) -> Bool {
            for index in segments.indices where !isParameter[index] && segments[index] != path[index] { return false }
            return true
        }
    }

    /// Routes by their number of segments, those with fewer parameters first, so a literal segment wins over a
    /// parameter in the same place whatever order the document lists them in. Every middleware matches each request
    /// against these, so matching compares few segments.
    private var routes: [Int: [Route]] = [:]
    /// Body properties whose schema is the contract's `Fen`.
    private(set) var fenFields: Set<String> = []
    /// Integer body properties counted in days (`days`, `paymentTermDays`, …).
    private(set) var dayFields: Set<String> = []

    init(openAPI yaml: String, extra: [String: Set<String>]) throws {
        guard let document = try Yams.load(yaml: yaml) as? [String: Any], let paths = document["paths"] as? [String: Any] else {
            throw ContractError.unreadable("no paths")
        }
        let components = document["components"] as? [String: Any] ?? [:]
        let resolver = ParameterSchema.Resolver(components: components)
        for (path, item) in paths {
            guard let item = item as? [String: Any] else { continue }
            var operations: [String: Operation] = [:]
            for (method, body) in item where ["get", "post", "put", "patch", "delete"].contains(method) {
                var query: [String: ParameterSchema] = [:]
                var pathParameters: [String: ParameterSchema] = [:]
                for parameter in (body as? [String: Any])?["parameters"] as? [Any] ?? [] {
                    guard let parameter = resolver.resolve(parameter), let name = parameter["name"] as? String else { continue }
                    switch parameter["in"] as? String {
                    case "query": query[name] = try ParameterSchema(parameter["schema"] ?? [:], resolver: resolver)
                    case "path": pathParameters[name] = try ParameterSchema(parameter["schema"] ?? [:], resolver: resolver)
                    default: continue
                    }
                }
                let security = (body as? [String: Any])?["security"] as? [Any]
                operations[method.uppercased()] = Operation(query: query, path: pathParameters, isOpen: security?.isEmpty == true)
            }
            add(Route(path, operations))
        }
        for (path, methods) in extra {
            add(Route(path, Dictionary(uniqueKeysWithValues: methods.map { ($0, Operation(query: [:])) })))
        }
        for case let (_, schema as [String: Any]) in components["schemas"] as? [String: Any] ?? [:] {
            for case let (name, property as [String: Any]) in schema["properties"] as? [String: Any] ?? [:] {
                if property["$ref"] as? String == "#/components/schemas/Fen" || property["description"] as? String == "fen" {
                    fenFields.insert(name)
                } else if property["type"] as? String == "integer", name == "days" || name.hasSuffix("Days") {
                    dayFields.insert(name)
                }
            }
        }
    }

    private mutating func add(_ route: Route) {
        routes[route.segments.count, default: []].append(route)
        routes[route.segments.count]!.sort { $0.isParameter.filter { $0 }.count < $1.isParameter.filter { $0 }.count }
    }

    private func route(for path: String) -> Route? {
        let segments = path.split(separator: "/")
        return routes[segments.count]?.first { $0.matches(segments) }
    }

    /// The operations of the route a concrete path matches (`{…}` segments match anything); empty if none.
    func operations(for path: String) -> [String: Operation] { route(for: path)?.operations ?? [:] }

    /// The `{name}` segments of the route a concrete path matches, with the values the path gives them.
    func pathValues(for path: String) -> [(name: String, value: Substring)] {
        guard let route = route(for: path) else { return [] }
        let segments = path.split(separator: "/")
        return route.segments.indices.compactMap { index in
            route.isParameter[index] ? (String(route.segments[index].dropFirst().dropLast()), segments[index]) : nil
        }
    }

    /// The methods of the route a concrete path matches; empty if none.
    func methods(for path: String) -> Set<String> { Set(operations(for: path).keys) }

    /// Why the embedded contract could not be read (a build that ships a broken document fails at start, not per request).
    enum ContractError: Error {
        case unreadable(String)
    }
}
