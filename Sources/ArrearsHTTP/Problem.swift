import ArrearsCore
import ArrearsMessages
import Foundation
import HTTPTypes

/// An RFC 9457 problem: what every refusal looks like on the wire.
public struct Problem: Error, Sendable, Equatable {
    public let status: HTTPResponse.Status
    /// The stable last part of the `type` URI, e.g. `validation`, `version-conflict`.
    public let slug: String
    /// The English title; the reader's language comes from the catalogue (`problem.<titleID>`) when the answer is written.
    public let title: String
    /// Which catalogue title this problem has: its slug, unless one slug has several titles.
    public let titleID: String
    public let detail: String
    public var violations: [FieldViolation] = []
    public var headers: [String: String] = [:]

    public init(
        status: HTTPResponse.Status, slug: String, title: String, titleID: String? = nil, detail: String, violations: [FieldViolation] = [],
        headers: [String: String] = [:]
    ) {
        self.status = status
        self.slug = slug
        self.title = title
        self.titleID = titleID ?? slug
        self.detail = detail
        self.violations = violations
        self.headers = headers
    }

    /// Where the kinds of problem are described (README "Errors").
    public static let typeBase = "https://arrears.dev/problems/"

    public var type: String { Self.typeBase + slug }

    /// The JSON body, with `violations` only when there are some.
    func body(requestID: String?, language: Language) -> Data {
        let title = MessageCatalogue.shipped.text("problem." + titleID, in: language) ?? title
        var object: [String: Any] = ["type": type, "title": title, "status": status.code, "detail": detail]
        if let requestID { object["requestId"] = requestID }
        if !violations.isEmpty {
            object["violations"] = violations.map { ["field": $0.field, "rule": $0.rule, "detail": $0.detail] }
        }
        return (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data()
    }
}
