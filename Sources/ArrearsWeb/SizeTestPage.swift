import ArrearsApplication
import ArrearsCore
import ArrearsMessages
import Foundation

/// 中小企业规模类型自测: the 2011 standard applied to what a business typed, each comparison shown, for anyone. A plain
/// GET form, as the calculator: the answer is a page that can be bookmarked or printed for the file.
enum SizeTestPage {
    /// The page's measures: its field id, the contract's field the core names in a refusal, and how it is typed.
    static let measures: [(id: String, field: String)] = [("employees", "employees"), ("revenue", "annualRevenue"), ("assets", "totalAssets")]

    static func page(_ visit: Visit, query: [String: String], platform: Platform) -> Page {
        let words = visit.words
        let chosen = query["industry"].flatMap(Industry.init(rawValue:))
        var errors: [(field: String, message: String)] = []
        var view: [String: Any] = [
            "heading": words("portal.size.heading"), "lead": words("portal.size.lead"), "industryLabel": words("portal.size.industry"),
            "choose": words("portal.size.choose"), "test": words("portal.size.test"), "basis": words("portal.size.basis"),
            "industries": Industry.allCases.map {
                ["value": $0.rawValue, "text": words("industry." + $0.rawValue), "selected": $0 == chosen]
            },
        ]
        guard query["industry"] != nil else {
            view["fields"] = fields(words, query, [:])
            return Page(title: words("portal.size.heading"), template: "size-test", view: view, current: "/size-test")
        }
        if chosen == nil { errors.append(("industry", words("rule.choice.unknown"))) }
        var fieldErrors: [String: String] = [:]
        let employees = (query["employees"] ?? "").isEmpty ? nil : Int(query["employees"] ?? "")
        if !(query["employees"] ?? "").isEmpty, employees == nil {
            fieldErrors["employees"] = words("portal.size.employees-format", ["text": .text(query["employees"] ?? "")])
        }
        var money: [String: Int64] = [:]
        for id in ["revenue", "assets"] where !(query[id] ?? "").isEmpty {
            if let fen = Fen(wan: query[id] ?? "") {
                money[id] = fen.value
            } else {
                fieldErrors[id] = words("portal.size.wan-format", ["text": .text(query[id] ?? "")])
            }
        }
        if let chosen, fieldErrors.isEmpty {
            do {
                let inputs = try SizeInputs.checked(employees: employees, annualRevenue: money["revenue"], totalAssets: money["assets"])
                let assessment = try platform.sizeTest(chosen, inputs)
                view["result"] = words(
                    assessment.isSME ? "portal.size.is-sme" : "portal.size.not-sme", ["size": .message(Message("size." + assessment.size.rawValue))])
                view["steps"] = assessment.steps.map { words($0) }
                view["sme"] = assessment.isSME
            } catch let violation as FieldViolation {
                // The core names the contract's field; on this page the measure has a shorter id.
                let id = measures.first { $0.field == violation.field }?.id ?? "employees"
                fieldErrors[id] = words(violation.message)
            } catch let invalid as InvalidValue {
                fieldErrors["employees"] = words(invalid.message)
            } catch {
                fieldErrors["employees"] = words("portal.error.fault.text")
            }
        }
        for measure in measures { if let message = fieldErrors[measure.id] { errors.append((measure.id, message)) } }
        view["industryError"] = errors.first { $0.field == "industry" }?.message
        view["fields"] = fields(words, query, fieldErrors)
        var page = Page(title: words("portal.size.heading"), template: "size-test", view: view, current: "/size-test")
        page.errors = errors
        return page
    }

    static func fields(_ words: Wording, _ query: [String: String], _ errors: [String: String]) -> [[String: Any]] {
        measures.map { measure in
            var row: [String: Any] = [
                "id": measure.id, "label": words("portal.size." + measure.id), "hint": words("portal.size.\(measure.id)-hint"),
                "value": query[measure.id] ?? "", "inputmode": measure.id == "employees" ? "numeric" : "decimal",
            ]
            if let error = errors[measure.id] { row["error"] = error }
            return row
        }
    }
}
