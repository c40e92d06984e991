import ArrearsCore
import ArrearsStore
import Foundation
import HTTPTypes
import Hummingbird
import OpenAPIRuntime

/// The one switch that decides how any error becomes an HTTP status and a problem.
enum ProblemMapping {
    static func problem(for error: any Error) -> Problem? {
        switch error {
        case let problem as Problem:
            return problem
        case let failure as ValidationFailure:
            return .validation(failure.violations)
        case let violation as FieldViolation:
            return .validation([violation])
        case let error as TransitionError:
            return refusal(error)
        case let error as StoreError:
            return refusal(error)
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
        case let error as HTTPError:
            return Problem(
                status: error.status, slug: slug(error.status), title: error.status.reasonPhrase, detail: error.body ?? error.status.reasonPhrase)
        default:
            return nil
        }
    }

    static func refusal(_ error: TransitionError) -> Problem {
        switch error {
        case .illegalInState:
            Problem(status: .conflict, slug: "illegal-transition", title: "Not possible in this state", detail: error.description)
        case .roleNotPermitted:
            Problem(status: .forbidden, slug: "forbidden", title: "Your role may not do this", detail: error.description)
        case .outOfScope:
            .notFound
        case let .invalidInput(violation):
            .validation([violation])
        case let .notYet(rule, detail):
            Problem(
                status: .conflict, slug: "not-yet", title: "Not yet possible", detail: detail,
                violations: [FieldViolation(field: "", rule: rule, detail: detail)])
        }
    }

    static func refusal(_ error: StoreError) -> Problem {
        switch error {
        case .notFound:
            .notFound
        case .versionConflict:
            Problem(status: .conflict, slug: "version-conflict", title: "Changed by someone else", detail: error.description)
        case .idempotencyKeyReused:
            Problem(
                status: .unprocessableContent, slug: "idempotency-key-reused", title: "Idempotency-Key reused", detail: error.description,
                violations: [FieldViolation(field: "Idempotency-Key", rule: "idempotency.same-request", detail: error.description)])
        case .duplicate:
            Problem(status: .conflict, slug: "duplicate", title: "Already exists", detail: error.description)
        case .evidenceAllowanceExceeded:
            Problem.evidenceTooLarge(rule: "evidence.complaint-limit", detail: error.description)
        }
    }

    /// Names the field a JSON decoding error is about, as `a.b[0].c`.
    static func malformed(_ error: DecodingError) -> Problem {
        func path(_ keys: [any CodingKey]) -> String {
            keys.reduce("") { result, key in
                if let index = key.intValue { return result + "[\(index)]" }
                return result.isEmpty ? key.stringValue : result + "." + key.stringValue
            }
        }
        switch error {
        case let .typeMismatch(type, context):
            return .malformed(field: path(context.codingPath), detail: "expected \(describe(type)) at \(path(context.codingPath))")
        case let .valueNotFound(type, context):
            return .malformed(field: path(context.codingPath), detail: "expected \(describe(type)) at \(path(context.codingPath)), found null")
        case let .keyNotFound(key, context):
            let field = path(context.codingPath + [key])
            return Problem(
                status: .unprocessableContent, slug: "validation", title: "The request breaks a rule", detail: "\(field) is required",
                violations: [FieldViolation(field: field, rule: "required", detail: "is required")])
        case let .dataCorrupted(context) where context.debugDescription.contains("Additional properties are disabled"):
            // The runtime's coding path ends with the unknown key itself.
            let field = path(context.codingPath)
            return Problem(
                status: .badRequest, slug: "malformed-request", title: "The request could not be read",
                detail: "unknown field \(field); only the fields the API documents are accepted",
                violations: [FieldViolation(field: field, rule: "json.unknown-field", detail: "only the fields the API documents are accepted")])
        case let .dataCorrupted(context):
            let field = path(context.codingPath)
            return .malformed(
                field: field.isEmpty ? nil : field, detail: field.isEmpty ? "the body is not valid JSON" : "\(field): \(context.debugDescription)")
        @unknown default:
            return .malformed(field: nil, detail: "the body could not be read")
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

extension Problem {
    /// What an error says about the fields of a request, in the words the API would answer with: for imports, which
    /// report each refused row instead of answering it.
    public static func violations(for error: any Error) -> [FieldViolation] {
        guard let problem = ProblemMapping.problem(for: error) else {
            return [FieldViolation(field: "", rule: "internal", detail: String(describing: error))]
        }
        return problem.violations.isEmpty ? [FieldViolation(field: "", rule: problem.slug, detail: problem.detail)] : problem.violations
    }
}
