import ArrearsApplication
import ArrearsCore
import ArrearsMessages
import ArrearsStore

/// What the complainant can do on its complaint's page: supplement, answer a request for information, withdraw, rate,
/// ask for a review. Which are offered is the lifecycle's own answer (`Lifecycle.transition`) for this reader and this
/// state, so the page never offers what the API would refuse; the inputs are the commands the API builds.
enum ComplaintActions {
    /// One action: the command's name, its text field (if any) and whether it picks a rating.
    struct Action: Sendable {
        let name: String
        let field: String?
        let rates: Bool
        /// Only offered when this holds beyond the lifecycle's table (an open question; a poor rating not yet reviewed).
        let applies: @Sendable (Complaint) -> Bool
    }

    static let all: [Action] = [
        Action(name: "supplement", field: "material", rates: false) { _ in true },
        Action(name: "answer-information", field: "answer", rates: false) { $0.informationRequests.last.map { $0.answeredAt == nil } ?? false },
        Action(name: "rate", field: "comment", rates: true) { _ in true },
        Action(name: "request-review", field: "facts", rates: false) { ($0.rating?.isPoor ?? false) && $0.reviewRequest == nil },
        Action(name: "withdraw", field: "reason", rates: false) { _ in true },
    ]

    /// The actions `actor` may take on `complaint` now.
    static func offered(_ complaint: Complaint, to actor: Actor) -> [Action] {
        all.filter { action in (try? Lifecycle.transition(action.name, on: complaint, by: actor)) != nil && action.applies(complaint) }
    }

    /// The command a posted form asks for, with the fields as typed (the lifecycle checks them as it does the API's).
    static func command(_ name: String, _ fields: [String: String]) throws -> ComplaintCommand {
        let text = fields[all.first { $0.name == name }?.field ?? ""] ?? ""
        switch name {
        case "supplement": return .supplement(material: text)
        case "answer-information": return .answerInformation(answer: text)
        case "request-review": return .requestReview(facts: text)
        case "withdraw": return .withdraw(reason: text)
        case "rate":
            guard let rating = fields["rating"].flatMap(Satisfaction.init(rawValue:)) else {
                throw Refusal.invalid([FieldViolation(field: "rating", rule: "rating.required")])
            }
            let comment = text.trimmingCharacters(in: .whitespacesAndNewlines)
            return .rate(rating, comment: comment.isEmpty ? nil : comment)
        default: throw PortalRefusal.noSuchAction
        }
    }

    /// The view of each offered action, with what was typed and any error beside its field.
    static func views(_ complaint: Complaint, actor: Actor, words: Wording, typed: [String: String], errors: [String: String]) -> [[String: Any]] {
        offered(complaint, to: actor).map { action in
            var view: [String: Any] = [
                "name": action.name, "number": complaint.number, "version": complaint.version,
                "title": words("portal.action.\(action.name).title"), "submit": words("portal.action.\(action.name).submit"),
                "warning": action.name == "withdraw",
            ]
            if action.name == "answer-information", let question = complaint.informationRequests.last?.question {
                view["hint"] = words("portal.action.answer-information.question", ["question": .text(question)])
            }
            if action.rates {
                var choice: [String: Any] = [
                    "field": "rating", "legend": words("portal.action.rate.legend"),
                    "options": Satisfaction.allCases.map { level in
                        [
                            "field": "rating", "value": level.rawValue, "label": words("satisfaction." + level.rawValue),
                            "checked": typed["rating"] == level.rawValue,
                        ]
                    },
                ]
                if let error = errors["rating"] { choice["error"] = error }
                view["choice"] = choice
            }
            if let field = action.field {
                var text: [String: Any] = [
                    "field": field, "label": words("portal.action.\(action.name).label"), "value": typed[field] ?? "",
                    "hint": words("portal.action.\(action.name).hint"),
                ]
                if let error = errors[field] { text["error"] = error }
                view["text"] = text
            }
            return view
        }
    }
}
