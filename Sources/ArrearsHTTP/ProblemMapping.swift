import ArrearsAPI
import ArrearsApplication
import ArrearsCore
import Foundation
import HTTPTypes
import Hummingbird
import NIOHTTP1
import OpenAPIRuntime

/// The one switch that decides how any error becomes an HTTP status and a problem.
enum ProblemMapping {
    static func problem(for error: any Error) -> Problem? {
        switch error {
        case let problem as Problem:
            return problem
        case let error as DecodingError:
            return malformed(error)
        case let error as ServerError:
            // The OpenAPI runtime wraps both our handlers' errors and its own decoding failures.
            if let inner = problem(for: error.underlyingError) { return inner }
            if error.httpStatus.kind == .clientError {
                // The runtime's cause is English and not ours to translate.
                return Problem(
                    status: HTTPResponse.Status(code: error.httpStatus.code), slug: "malformed-request",
                    detail: Message("detail.runtime", ["cause": .text(error.causeDescription)]))
            }
            return nil
        case let error as HTTPParserError:
            // The body's framing broke mid-request (a bad chunk size, a chunk longer than it said): the server still
            // answers, but nothing more can be read on this connection.
            return Problem(
                status: .badRequest, slug: "malformed-request", detail: Message("detail.framing"),
                violations: [FieldViolation(field: "(body)", rule: "http.framing", facts: ["error": "\(error)"])], headers: ["Connection": "close"])
        case let error as HTTPError:
            return Problem(
                status: error.status, slug: slug(error.status),
                detail: Message("detail.http", ["reason": .text(error.body ?? error.status.reasonPhrase)]))
        default:
            return Refusal(error).map(problem)
        }
    }

    /// A refusal of the application layer as the API answers it.
    static func problem(_ refusal: Refusal) -> Problem {
        let status = HTTPResponse.Status(code: refusal.status)
        var headers: [String: String] = [:]
        switch refusal {
        case .unauthenticated: headers["WWW-Authenticate"] = "Bearer realm=\"arrears\""
        case let .tooMany(_, seconds): headers["Retry-After"] = String(seconds)
        case .unavailable: headers["Retry-After"] = "1"
        default: break
        }
        let titleID: String? =
            switch refusal {
            case .signInRefused: "sign-in-refused"
            case .noSuchDelivery: "no-such-delivery"
            case .alreadyDelivered: "already-delivered"
            default: nil
            }
        return Problem(
            status: status, slug: refusal.code, titleID: titleID, detail: refusal.message, violations: refusal.violations, headers: headers)
    }

    /// Names the field a JSON decoding error is about, as `a.b[0].c`.
    static func malformed(_ error: DecodingError) -> Problem {
        let (violation, detail) = error.violation
        if case .keyNotFound = error {
            return Problem(status: .unprocessableContent, slug: "validation", detail: detail, violations: violation.map { [$0] } ?? [])
        }
        return problem(.malformed(violation.map { [$0] } ?? [], detail: detail))
    }

    /// The answers of the HTTP layer itself, before any operation runs: no operation refused these, the protocol did.
    static func methodNotAllowed(path: String, allow: String) -> Problem {
        Problem(
            status: .methodNotAllowed, slug: "method-not-allowed",
            detail: Message("detail.method-not-allowed", ["path": .text(path), "allow": .text(allow)]), headers: ["Allow": allow])
    }

    static func bodyTooLarge(limit: Int) -> Problem {
        Problem(status: .contentTooLarge, slug: "body-too-large", detail: Message("detail.body-too-large", ["limit": "\(limit)"]))
    }

    static func notReady(_ reason: Message) -> Problem {
        Problem(status: .serviceUnavailable, slug: "not-ready", detail: reason, headers: ["Retry-After": "5"])
    }

    static func internalError(requestID: String) -> Problem {
        Problem(status: .internalServerError, slug: "internal", detail: Message("detail.internal", ["requestId": .text(requestID)]))
    }

    static let versionRequired = Problem(
        status: .init(code: 428), slug: "version-required", detail: Message("detail.version-required"),
        violations: [FieldViolation(field: "If-Match", rule: "if-match.required")])

    static func slug(_ status: HTTPResponse.Status) -> String {
        switch status.code {
        case 413: "body-too-large"
        case 404: "not-found"
        case 405: "method-not-allowed"
        case 408: "request-timeout"
        case 415: "unsupported-media-type"
        default: "http-\(status.code)"
        }
    }
}
