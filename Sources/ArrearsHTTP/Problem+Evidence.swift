import ArrearsCore
import ArrearsStore

extension Problem {
    /// An upload the vault would not keep, with the rule it broke.
    static func evidence(_ refusal: EvidenceRefusal) -> Problem {
        let detail = refusal.description
        switch refusal {
        case .notAcceptedType:
            return Problem(
                status: .unsupportedMediaType, slug: "evidence-type", title: "Not an accepted evidence file", detail: detail,
                violations: [FieldViolation(field: "body", rule: "evidence.type", detail: detail)])
        case .tooLarge:
            return evidenceTooLarge(rule: "evidence.file-limit", detail: detail)
        case .truncated:
            return Problem(
                status: .badRequest, slug: "evidence-truncated", title: "The upload was cut off", detail: detail,
                violations: [FieldViolation(field: "body", rule: "evidence.truncated", detail: detail)])
        case .empty:
            return .validation([FieldViolation(field: "body", rule: "evidence.empty", detail: detail)])
        }
    }

    static func evidenceTooLarge(rule: String, detail: String) -> Problem {
        Problem(
            status: .contentTooLarge, slug: "evidence-too-large", title: "Too much evidence", detail: detail,
            violations: [FieldViolation(field: "body", rule: rule, detail: detail)])
    }
}
