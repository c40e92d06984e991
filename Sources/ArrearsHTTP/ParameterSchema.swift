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
        func refuse(_ rule: String, _ detail: String) -> FieldViolation { FieldViolation(field: name, rule: location + rule, detail: detail) }
        guard kind == .array else {
            if values.count > 1 { return refuse(".repeated", "\(name) is given \(values.count) times; it takes one value") }
            return violation(of: String(values[0]), name: name, in: location)
        }
        if let maxItems, values.count > maxItems { return refuse(".max-items", "\(name) takes at most \(maxItems) values, got \(values.count)") }
        guard let items else { return nil }
        for value in values {
            if let found = items.violation(of: String(value), name: name, in: location) { return found }
        }
        return nil
    }

    private func violation(of value: String, name: String, in location: String) -> FieldViolation? {
        func refuse(_ rule: String, _ detail: String) -> FieldViolation { FieldViolation(field: name, rule: location + rule, detail: detail) }
        switch kind {
        case .boolean:
            if value != "true" && value != "false" { return refuse(".boolean", "\(name) is true or false, got \"\(value)\"") }
        case .integer:
            guard !value.isEmpty, value.utf8.allSatisfy({ $0 == UInt8(ascii: "-") || (48...57).contains($0) }), let number = Int64(value) else {
                return refuse(".integer", "\(name) is a whole number that fits in 64 bits, got \"\(value)\"")
            }
            if let minimum, number < minimum { return refuse(".minimum", "\(name) is at least \(minimum), got \(number)") }
            if let maximum, number > maximum { return refuse(".maximum", "\(name) is at most \(maximum), got \(number)") }
        case .string:
            if let choices, !choices.contains(value) {
                return refuse(".enum", "\(name) is one of \(choices.joined(separator: ", ")), got \"\(value)\"")
            }
            let length = value.unicodeScalars.count
            if let minLength, length < minLength { return refuse(".min-length", "\(name) has at least \(minLength) characters") }
            if let maxLength, length > maxLength { return refuse(".max-length", "\(name) has at most \(maxLength) characters, got \(length)") }
            if isDate, (try? CSTDate(value)) == nil { return refuse(".date", "\(name) is a date written YYYY-MM-DD, got \"\(value)\"") }
            if let pattern, pattern.firstMatch(in: value, range: NSRange(value.startIndex..., in: value)) == nil {
                return refuse(".pattern", "\(name) must match \(pattern.pattern), got \"\(value)\"")
            }
        case .array:
            return refuse(".type", "\(name) cannot be a list of lists")
        }
        return nil
    }
}
