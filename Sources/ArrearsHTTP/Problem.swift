import ArrearsCore
import Foundation
import HTTPTypes

/// An RFC 9457 problem: what every refusal looks like on the wire.
public struct Problem: Error, Sendable, Equatable {
    public let status: HTTPResponse.Status
    /// The stable last part of the `type` URI, e.g. `validation`, `version-conflict`.
    public let slug: String
    public let title: String
    public let detail: String
    public var violations: [FieldViolation] = []
    public var headers: [String: String] = [:]

    public init(
        status: HTTPResponse.Status, slug: String, title: String, detail: String, violations: [FieldViolation] = [], headers: [String: String] = [:]
    ) {
        self.status = status
        self.slug = slug
        self.title = title
        self.detail = detail
        self.violations = violations
        self.headers = headers
    }

    /// Where the kinds of problem are described (README "Errors").
    public static let typeBase = "https://arrears.dev/problems/"

    public var type: String { Self.typeBase + slug }

    static func validation(_ violations: [FieldViolation]) -> Problem {
        let summary = violations.prefix(3).map(\.description).joined(separator: "; ")
        return Problem(status: .unprocessableContent, slug: "validation", title: "The request breaks a rule", detail: summary, violations: violations)
    }

    static func malformed(field: String?, detail: String) -> Problem {
        let violations = field.map { [FieldViolation(field: $0, rule: "json.type", detail: detail)] } ?? []
        return Problem(status: .badRequest, slug: "malformed-request", title: "The request could not be read", detail: detail, violations: violations)
    }

    static let unauthenticated = Problem(
        status: .unauthorized, slug: "unauthenticated", title: "Sign-in required",
        detail: "send a bearer token: Authorization: Bearer <token>", headers: ["WWW-Authenticate": "Bearer realm=\"arrears\""])

    static let versionRequired = Problem(
        status: .init(code: 428), slug: "version-required", title: "Say which version you decided on",
        detail: "send If-Match with the ETag of the complaint you read, e.g. If-Match: \"3\"",
        violations: [FieldViolation(field: "If-Match", rule: "if-match.required", detail: "required on every transition")])

    static let notFound = Problem(status: .notFound, slug: "not-found", title: "Not found", detail: "no such complaint in your scope")

    /// The JSON body, with `violations` only when there are some.
    func body(requestID: String?) -> Data {
        var object: [String: Any] = ["type": type, "title": title, "status": status.code, "detail": detail]
        if let requestID { object["requestId"] = requestID }
        if !violations.isEmpty {
            object["violations"] = violations.map { ["field": $0.field, "rule": $0.rule, "detail": $0.detail] }
        }
        return (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data()
    }
}
