import ArrearsCore
import Foundation

/// The schema of one query parameter as the contract states it, and the check that holds a value to it: the keywords
/// the contract uses for parameters (type, enum, pattern, lengths, bounds, items, date format), each refused under a
/// rule of its own (`query.pattern`, `query.maximum`, …). A hand-written subset of JSON Schema: no Swift library here
/// validates values against OpenAPI schemas, and parameters use only these keywords (checked when the contract loads).
final class ParameterSchema: @unchecked Sendable {
    // Immutable after init; NSRegularExpression is only read, which is thread-safe.
    enum Kind: String {
        case string, integer, boolean, array
    }

    let kind: Kind
    let choices: [String]?
    let pattern: NSRegularExpression?
    let minLength: Int?
    let maxLength: Int?
    let minimum: Int64?
    let maximum: Int64?
    let maxItems: Int?
    let isDate: Bool
    let items: ParameterSchema?

    /// Follows `$ref`s into the document's components.
    struct Resolver {
        let components: [String: Any]

        func resolve(_ node: Any) -> [String: Any]? {
            guard var object = node as? [String: Any] else { return nil }
            while let reference = object["$ref"] as? String {
                let parts = reference.split(separator: "/").map(String.init)
                guard parts.count == 4, parts[0] == "#", parts[1] == "components",
                    let target = (components[parts[2]] as? [String: Any])?[parts[3]] as? [String: Any]
                else { return nil }
                object = target
            }
            return object
        }
    }

    static let understood: Set<String> = [
        "type", "enum", "pattern", "minLength", "maxLength", "minimum", "maximum", "maxItems", "items", "format", "default",
        "description", "examples",
    ]

    init(_ node: Any, resolver: Resolver) throws {
        guard let schema = resolver.resolve(node), let type = (schema["type"] as? String).flatMap(Kind.init(rawValue:)) else {
            throw DocumentedRoutes.ContractError.unreadable("a query parameter without a simple type")
        }
        if let unknown = Set(schema.keys).subtracting(Self.understood).first {
            throw DocumentedRoutes.ContractError.unreadable("a query parameter uses \(unknown), which the server does not check")
        }
        kind = type
        choices = schema["enum"] as? [String]
        pattern = try (schema["pattern"] as? String).map { try NSRegularExpression(pattern: $0) }
        minLength = schema["minLength"] as? Int
        maxLength = schema["maxLength"] as? Int
        minimum = (schema["minimum"] as? Int).map(Int64.init)
        maximum = (schema["maximum"] as? Int).map(Int64.init)
        maxItems = schema["maxItems"] as? Int
        isDate = schema["format"] as? String == "date"
        items = try schema["items"].map { try ParameterSchema($0, resolver: resolver) }
    }

    /// What is wrong with the values given for the parameter `name` (several only for an array), or nil; rules are named
    /// by where the parameter stands (`query.pattern`, `path.max-length`).
    func violation(of values: [Substring], name: String, in location: String = "query") -> FieldViolation? {
        func refuse(_ rule: String, _ facts: [String: MessageFact] = [:]) -> FieldViolation {
            FieldViolation(
                field: name, rule: location + rule, message: Message("parameter" + rule, facts.merging(["name": .text(name)]) { a, _ in a }))
        }
        guard kind == .array else {
            if values.count > 1 { return refuse(".repeated", ["count": "\(values.count)"]) }
            return violation(of: String(values[0]), name: name, in: location)
        }
        if let maxItems, values.count > maxItems { return refuse(".max-items", ["limit": "\(maxItems)", "count": "\(values.count)"]) }
        guard let items else { return nil }
        for value in values {
            if let found = items.violation(of: String(value), name: name, in: location) { return found }
        }
        return nil
    }

    private func violation(of value: String, name: String, in location: String) -> FieldViolation? {
        func refuse(_ rule: String, _ facts: [String: MessageFact] = [:]) -> FieldViolation {
            FieldViolation(
                field: name, rule: location + rule, message: Message("parameter" + rule, facts.merging(["name": .text(name)]) { a, _ in a }))
        }
        switch kind {
        case .boolean:
            if value != "true" && value != "false" { return refuse(".boolean", ["given": .text(value)]) }
        case .integer:
            guard !value.isEmpty, value.utf8.allSatisfy({ $0 == UInt8(ascii: "-") || (48...57).contains($0) }), let number = Int64(value) else {
                return refuse(".integer", ["given": .text(value)])
            }
            if let minimum, number < minimum { return refuse(".minimum", ["limit": "\(minimum)", "given": "\(number)"]) }
            if let maximum, number > maximum { return refuse(".maximum", ["limit": "\(maximum)", "given": "\(number)"]) }
        case .string:
            if let choices, !choices.contains(value) {
                return refuse(".enum", ["choices": .text(choices.joined(separator: ", ")), "given": .text(value)])
            }
            let length = value.unicodeScalars.count
            if let minLength, length < minLength { return refuse(".min-length", ["limit": "\(minLength)"]) }
            if let maxLength, length > maxLength { return refuse(".max-length", ["limit": "\(maxLength)", "given": "\(length)"]) }
            if isDate, (try? CSTDate(value)) == nil { return refuse(".date", ["given": .text(value)]) }
            if let pattern, pattern.firstMatch(in: value, range: NSRange(value.startIndex..., in: value)) == nil {
                return refuse(".pattern", ["pattern": .text(pattern.pattern), "given": .text(value)])
            }
        case .array:
            return refuse(".type")
        }
        return nil
    }
}
