import ArrearsApplication
import ArrearsCore
import Foundation
import Hummingbird

/// A request's query read as the generated handlers read it (form style: `+` is a space, then percent-decoding), for
/// the operations `DirectAnswers` answers. `QueryContractMiddleware` has already held every value to its schema, so a
/// value that still does not convert is refused the same way, naming the parameter.
struct QueryValues {
    private var values: [String: [String]] = [:]

    init(_ request: Request) {
        for (key, value) in request.uri.queryParameters {
            values[Self.decoded(key), default: []].append(Self.decoded(value))
        }
    }

    private static func decoded(_ raw: Substring) -> String {
        let spaced = raw.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }

    func all(_ name: String) -> [String] { values[name] ?? [] }

    func text(_ name: String) -> String? { values[name]?.first }

    func required(_ name: String) throws -> String {
        guard let value = text(name) else {
            let message = Message("detail.required", ["field": .text(name)])
            throw Refusal.malformed([FieldViolation(field: name, rule: "required", message: message)], detail: message)
        }
        return value
    }

    func integer<Number: FixedWidthInteger>(_ name: String, as type: Number.Type = Number.self) throws -> Number? {
        try text(name).map { text in try converted(name, Number(text)) }
    }

    func flag(_ name: String) throws -> Bool? {
        try text(name).map { text in try converted(name, Bool(text)) }
    }

    func codes<Code: RawRepresentable>(_ name: String, as type: Code.Type) throws -> [Code]? where Code.RawValue == String {
        let texts = all(name)
        return texts.isEmpty ? nil : try texts.map { try converted(name, Code(rawValue: $0)) }
    }

    private func converted<T>(_ name: String, _ value: T?) throws -> T {
        guard let value else {
            let message = Message("detail.runtime", ["cause": .text("query parameter \(name)")])
            throw Refusal.malformed([FieldViolation(field: name, rule: "json.type", message: message)], detail: message)
        }
        return value
    }
}
