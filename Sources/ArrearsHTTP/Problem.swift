import ArrearsCore
import ArrearsMessages
import Foundation
import HTTPTypes

/// An RFC 9457 problem: what every refusal looks like on the wire. Its title and details are facts until the answer
/// is written, then worded in the reader's language; `type`, `status`, `field` and `rule` never change with it.
public struct Problem: Error, Sendable, Equatable {
    public let status: HTTPResponse.Status
    /// The stable last part of the `type` URI, e.g. `validation`, `version-conflict`.
    public let slug: String
    /// Which catalogue title this problem has (`problem.<titleID>`): its slug, unless one slug has several titles.
    public let titleID: String
    public let detail: Message
    public var violations: [FieldViolation] = []
    public var headers: [String: String] = [:]

    public init(
        status: HTTPResponse.Status, slug: String, titleID: String? = nil, detail: Message, violations: [FieldViolation] = [],
        headers: [String: String] = [:]
    ) {
        self.status = status
        self.slug = slug
        self.titleID = titleID ?? slug
        self.detail = detail
        self.violations = violations
        self.headers = headers
    }

    /// Where the kinds of problem are described (README "Errors").
    public static let typeBase = "https://arrears.dev/problems/"

    public var type: String { Self.typeBase + slug }

    /// The JSON body, worded in `language`, with `violations` only when there are some.
    func body(requestID: String?, language: Language) -> Data {
        let words = Wording(language)
        var object: [String: Any] = ["type": type, "title": words("problem." + titleID), "status": status.code, "detail": words.detail(self)]
        if let requestID { object["requestId"] = requestID }
        if !violations.isEmpty {
            object["violations"] = violations.map { ["field": $0.field, "rule": $0.rule, "detail": words($0.message)] }
        }
        return (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data()
    }
}

extension Wording {
    /// A problem's detail: for a validation problem its first violations, each with its field; else its own message.
    func detail(_ problem: Problem) -> String {
        guard problem.slug == "validation", !problem.violations.isEmpty else { return self(problem.detail) }
        return list(problem.violations.prefix(3).map { self("detail.violation", ["field": .text($0.field), "message": .message($0.message)]) })
    }
}
