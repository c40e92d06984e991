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

    private var routes: [(segments: [Substring], operations: [String: Operation])] = []
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
            routes.append((path.split(separator: "/"), operations))
        }
        for (path, methods) in extra {
            routes.append((path.split(separator: "/"), Dictionary(uniqueKeysWithValues: methods.map { ($0, Operation(query: [:])) })))
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

    /// The operations of the route a concrete path matches (`{…}` segments match anything); empty if none.
    func operations(for path: String) -> [String: Operation] {
        let segments = path.split(separator: "/")
        for route in routes where route.segments.count == segments.count {
            if zip(route.segments, segments).allSatisfy({ $0.hasPrefix("{") || $0 == $1 }) { return route.operations }
        }
        return [:]
    }

    /// The `{name}` segments of the route a concrete path matches, with the values the path gives them.
    func pathValues(for path: String) -> [(name: String, value: Substring)] {
        let segments = path.split(separator: "/")
        for route in routes where route.segments.count == segments.count {
            if zip(route.segments, segments).allSatisfy({ $0.hasPrefix("{") || $0 == $1 }) {
                return zip(route.segments, segments).compactMap { template, value in
                    template.hasPrefix("{") ? (String(template.dropFirst().dropLast()), value) : nil
                }
            }
        }
        return []
    }

    /// The methods of the route a concrete path matches; empty if none.
    func methods(for path: String) -> Set<String> { Set(operations(for: path).keys) }

    /// Why the embedded contract could not be read (a build that ships a broken document fails at start, not per request).
    enum ContractError: Error {
        case unreadable(String)
    }
}
