import ArrearsCore
import Foundation

extension DecodingError {
    /// What a JSON body got wrong, naming the field as `a.b[0].c`: a missing field (`required`), an unknown one
    /// (`json.unknown-field`), a wrong type (`json.type`), or no JSON at all (no field).
    public var violation: (field: FieldViolation?, detail: Message) {
        func path(_ keys: [any CodingKey]) -> String {
            keys.reduce("") { result, key in
                if let index = key.intValue { return result + "[\(index)]" }
                return result.isEmpty ? key.stringValue : result + "." + key.stringValue
            }
        }
        func typed(_ field: String, _ message: Message) -> (FieldViolation?, Message) {
            (FieldViolation(field: field, rule: "json.type", message: message), message)
        }
        switch self {
        case let .typeMismatch(type, context):
            return typed(path(context.codingPath), Message("json.expected", ["type": Self.describe(type), "field": .text(path(context.codingPath))]))
        case let .valueNotFound(type, context):
            return typed(
                path(context.codingPath), Message("json.expected-not-null", ["type": Self.describe(type), "field": .text(path(context.codingPath))]))
        case let .keyNotFound(key, context):
            let field = path(context.codingPath + [key])
            return (FieldViolation(field: field, rule: "required"), Message("detail.required", ["field": .text(field)]))
        case let .dataCorrupted(context) where context.debugDescription.contains("Additional properties are disabled"):
            // The runtime's coding path ends with the unknown key itself.
            let field = path(context.codingPath)
            return (FieldViolation(field: field, rule: "json.unknown-field"), Message("detail.unknown-field", ["field": .text(field)]))
        case let .dataCorrupted(context):
            let field = path(context.codingPath)
            // The runtime's own reason is English and not ours to translate; the field and rule stay exact.
            return field.isEmpty
                ? (nil, Message("detail.not-json"))
                : typed(field, Message("json.corrupted", ["field": .text(field), "reason": .text(context.debugDescription)]))
        @unknown default:
            return (nil, Message("detail.unreadable"))
        }
    }

    /// The JSON type a Swift type is read from, as the catalogue names it (`json-type.<kind>`).
    static func describe(_ type: Any.Type) -> MessageFact {
        let kind =
            switch type {
            case is String.Type: "string"
            case is Bool.Type: "boolean"
            case is Int.Type, is Int64.Type, is Int32.Type: "integer"
            case is Double.Type: "number"
            case is [String: Any].Type: "object"
            case is [Any].Type: "array"
            default: "other"
            }
        return .message(Message("json-type." + kind))
    }
}
