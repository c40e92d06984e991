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
                return Problem(
                    status: HTTPResponse.Status(code: error.httpStatus.code), slug: "malformed-request",
                    title: "The request could not be read", detail: error.causeDescription)
            }
            return nil
        case let error as HTTPParserError:
            // The body's framing broke mid-request (a bad chunk size, a chunk longer than it said): the server still
            // answers, but nothing more can be read on this connection.
            return Problem(
                status: .badRequest, slug: "malformed-request", title: "The request could not be read",
                detail: "the request body's framing is broken: \(error)",
                violations: [FieldViolation(field: "(body)", rule: "http.framing", detail: "\(error)")], headers: ["Connection": "close"])
        case let error as HTTPError:
            return Problem(
                status: error.status, slug: slug(error.status), title: error.status.reasonPhrase, detail: error.body ?? error.status.reasonPhrase)
        default:
            return Refusal(error).map(problem)
        }
    }

    /// A refusal of the application layer as the API answers it.
    static func problem(_ refusal: Refusal) -> Problem {
        let (status, title): (HTTPResponse.Status, String) =
            switch refusal {
            case .unauthenticated: (.unauthorized, "Sign-in required")
            case .signInRefused: (.unauthorized, "Sign-in refused")
            case .notFound: (.notFound, "Not found")
            case .noSuchDelivery: (.notFound, "No such delivery")
            case .notPermitted: (.forbidden, "Your role may not do this")
            case .invalid, .evidence(.empty): (.unprocessableContent, "The request breaks a rule")
            case .malformed: (.badRequest, "The request could not be read")
            case .illegalInState: (.conflict, "Not possible in this state")
            case .notYet: (.conflict, "Not yet possible")
            case .tooLate: (.conflict, "No longer possible")
            case .versionConflict: (.conflict, "Changed by someone else")
            case .idempotencyKeyReused: (.unprocessableContent, "Idempotency-Key reused")
            case .duplicate: (.conflict, "Already exists")
            case .tooMany: (.tooManyRequests, "Too many attempts")
            case .notASession: (.conflict, "Not a session")
            case .alreadyDelivered: (.conflict, "Already delivered")
            case .evidence(.notAcceptedType), .evidence(.malformed): (.unsupportedMediaType, "Not an accepted evidence file")
            case .evidence(.tooLarge), .evidenceAllowanceExceeded: (.contentTooLarge, "Too much evidence")
            case .evidence(.truncated): (.badRequest, "The upload was cut off")
            }
        var headers: [String: String] = [:]
        switch refusal {
        case .unauthenticated: headers["WWW-Authenticate"] = "Bearer realm=\"arrears\""
        case let .tooMany(_, seconds): headers["Retry-After"] = String(seconds)
        default: break
        }
        let violations = refusal.violations
        // A validation problem's detail is its first violations, each with its field and rule.
        let detail = refusal.code == "validation" ? violations.prefix(3).map(\.description).joined(separator: "; ") : refusal.detail
        let titleID: String? =
            switch refusal {
            case .signInRefused: "sign-in-refused"
            case .noSuchDelivery: "no-such-delivery"
            case .alreadyDelivered: "already-delivered"
            default: nil
            }
        return Problem(
            status: status, slug: refusal.code, title: title, titleID: titleID, detail: detail, violations: violations, headers: headers)
    }

    /// Names the field a JSON decoding error is about, as `a.b[0].c`.
    static func malformed(_ error: DecodingError) -> Problem {
        let (violation, detail) = error.violation
        if case .keyNotFound = error {
            return Problem(
                status: .unprocessableContent, slug: "validation", title: "The request breaks a rule", detail: detail,
                violations: violation.map { [$0] } ?? [])
        }
        return problem(.malformed(violation.map { [$0] } ?? [], detail: detail))
    }

    /// The answers of the HTTP layer itself, before any operation runs: no operation refused these, the protocol did.
    static func methodNotAllowed(path: String, allow: String) -> Problem {
        Problem(
            status: .methodNotAllowed, slug: "method-not-allowed", title: "Method not allowed", detail: "\(path) answers \(allow)",
            headers: ["Allow": allow])
    }

    static func bodyTooLarge(limit: Int) -> Problem {
        Problem(
            status: .contentTooLarge, slug: "body-too-large", title: "The body is too large", detail: "request bodies are limited to \(limit) bytes")
    }

    static func notReady(_ reason: String) -> Problem {
        Problem(status: .serviceUnavailable, slug: "not-ready", title: "Not ready", detail: reason, headers: ["Retry-After": "5"])
    }

    static func internalError(requestID: String) -> Problem {
        Problem(
            status: .internalServerError, slug: "internal", title: "Something went wrong on our side",
            detail: "the error was logged under request id \(requestID)")
    }

    static let versionRequired = Problem(
        status: .init(code: 428), slug: "version-required", title: "Say which version you decided on",
        detail: "send If-Match with the ETag of the complaint you read, e.g. If-Match: \"3\"",
        violations: [FieldViolation(field: "If-Match", rule: "if-match.required", detail: "required on every transition")])

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
