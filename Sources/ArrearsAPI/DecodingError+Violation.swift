import ArrearsCore
import Foundation

extension DecodingError {
    /// What a JSON body got wrong, naming the field as `a.b[0].c`: a missing field (`required`), an unknown one
    /// (`json.unknown-field`), a wrong type (`json.type`), or no JSON at all (no field).
    public var violation: (field: FieldViolation?, detail: String) {
        func path(_ keys: [any CodingKey]) -> String {
            keys.reduce("") { result, key in
                if let index = key.intValue { return result + "[\(index)]" }
                return result.isEmpty ? key.stringValue : result + "." + key.stringValue
            }
        }
        func typed(_ field: String, _ detail: String) -> (FieldViolation?, String) {
            (FieldViolation(field: field, rule: "json.type", detail: detail), detail)
        }
        switch self {
        case let .typeMismatch(type, context):
            return typed(path(context.codingPath), "expected \(Self.describe(type)) at \(path(context.codingPath))")
        case let .valueNotFound(type, context):
            return typed(path(context.codingPath), "expected \(Self.describe(type)) at \(path(context.codingPath)), found null")
        case let .keyNotFound(key, context):
            let field = path(context.codingPath + [key])
            return (FieldViolation(field: field, rule: "required", detail: "is required"), "\(field) is required")
        case let .dataCorrupted(context) where context.debugDescription.contains("Additional properties are disabled"):
            // The runtime's coding path ends with the unknown key itself.
            let field = path(context.codingPath)
            return (
                FieldViolation(field: field, rule: "json.unknown-field", detail: "only the fields the API documents are accepted"),
                "unknown field \(field); only the fields the API documents are accepted"
            )
        case let .dataCorrupted(context):
            let field = path(context.codingPath)
            return field.isEmpty ? (nil, "the body is not valid JSON") : typed(field, "\(field): \(context.debugDescription)")
        @unknown default:
            return (nil, "the body could not be read")
        }
    }

    static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Bool.Type: "true or false"
        case is Int.Type, is Int64.Type, is Int32.Type: "an integer"
        case is Double.Type: "a number"
        case is [String: Any].Type: "an object"
        case is [Any].Type: "an array"
        default: "\(type)"
        }
    }
}
