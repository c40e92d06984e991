import ArrearsApplication
import ArrearsCore
import ArrearsMessages
import Foundation

/// 期限和逾期利息计算器: a period counted as the law counts it (working days on the holiday table, calendar days rolled
/// past a day off) and one contract's default interest, with the explanation — the same counting a complaint's page
/// shows. Plain GET forms: the answer is a page anyone can bookmark.
enum CalculatorPage {
    static func page(_ visit: Visit, query: [String: String], platform: Platform) async -> Page {
        let words = visit.words
        var view: [String: Any] = [
            "heading": words("portal.calculator.heading"), "lead": words("portal.calculator.lead"), "dueHeading": words("portal.calculator.due"),
            "fromLabel": words("portal.calculator.from"), "fromHint": words("portal.calculator.from-hint"),
            "lengthLabel": words("portal.calculator.length"), "unitLegend": words("portal.calculator.unit"),
            "count": words("portal.calculator.count"),
            "from": query["from"] ?? "", "length": query["length"] ?? "",
            "units": ["working_days", "calendar_days"].map {
                ["value": $0, "text": words("portal.calculator.unit." + $0), "checked": (query["unit"] ?? "working_days") == $0]
            },
            "interestHeading": words("portal.calculator.interest"), "kindLegend": words("portal.q.respondent.kind"),
            "kinds": RespondentKind.allCases.map {
                ["value": $0.rawValue, "text": words("respondent-kind." + $0.rawValue), "checked": query["kind"] == $0.rawValue]
            },
        ]
        var errors: [(field: String, message: String)] = []
        if query["from"] != nil || query["length"] != nil {
            let from = try? CSTDate(query["from"] ?? "")
            let length = Int(query["length"] ?? "").flatMap { (1...365).contains($0) ? $0 : nil }
            if from == nil { errors.append(("from", words("rule.date.format", ["text": .text(query["from"] ?? "")]))) }
            if length == nil { errors.append(("length", words("portal.calculator.length-range"))) }
            if let from, let length {
                do {
                    let count = try await platform.dueDate(
                        from: from, length: length, unit: query["unit"] == "calendar_days" ? .calendarDays : .workingDays)
                    view["due"] = words("portal.calculator.due-on", ["due": .date(count.due)])
                    view["explanation"] = count.reckoning.map(words.reckoning) ?? ""
                } catch {
                    let refusal = Refusal(error)
                    errors.append(("from", words(refusal?.violations.first?.message ?? Message("portal.error.fault.text"))))
                }
            }
        }
        let fields: [(id: String, type: String, inputmode: String?)] = [
            ("signedOn", "date", nil), ("deliveredOn", "date", nil), ("term", "text", "numeric"), ("amount", "text", "decimal"),
            ("asOf", "date", nil),
        ]
        var interestErrors: [String: String] = [:]
        if query["amount"] != nil {
            let kind = query["kind"].flatMap(RespondentKind.init(rawValue:))
            let signed = try? CSTDate(query["signedOn"] ?? "")
            let delivered = try? CSTDate(query["deliveredOn"] ?? "")
            let term = (query["term"] ?? "").isEmpty ? nil : Int(query["term"] ?? "")
            let amount = Fen(yuan: query["amount"] ?? "")
            let asOf = (query["asOf"] ?? "").isEmpty ? CSTDate(Date()) : try? CSTDate(query["asOf"] ?? "")
            if kind == nil { errors.append(("kind", words("rule.choice.unknown"))) }
            for (id, ok) in [("signedOn", signed != nil), ("deliveredOn", delivered != nil), ("asOf", asOf != nil)] where !ok {
                interestErrors[id] = words("rule.date.format", ["text": .text(query[id] ?? "")])
            }
            if !(query["term"] ?? "").isEmpty, term.map({ !(1...3650).contains($0) }) ?? true {
                interestErrors["term"] = words("rule.number.whole", ["text": .text(query["term"] ?? "")])
            }
            if amount == nil { interestErrors["amount"] = words("rule.money.yuan-format", ["text": .text(query["amount"] ?? "")]) }
            if let kind, let signed, let delivered, let amount, let asOf, interestErrors.isEmpty,
                let late = try? await platform.lateInterest(
                    respondent: kind, signedOn: signed, deliveredOn: delivered, termDays: term, amountOverdue: amount, asOf: asOf)
            {
                view["interest"] = words("portal.calculator.interest-is", ["interest": .money(late.interest), "asOf": .date(asOf)])
                view["interestExplanation"] = words(late.reckoning)
            }
        }
        for (id, message) in interestErrors.sorted(by: { $0.key < $1.key }) { errors.append((id, message)) }
        view["fromError"] = errors.first { $0.field == "from" }?.message
        view["lengthError"] = errors.first { $0.field == "length" }?.message
        view["kindError"] = errors.first { $0.field == "kind" }?.message
        view["interestFields"] = fields.map { field -> [String: Any] in
            var row: [String: Any] = [
                "id": field.id, "type": field.type, "label": words("portal.calculator." + field.id), "value": query[field.id] ?? "",
            ]
            if let inputmode = field.inputmode { row["inputmode"] = inputmode }
            let hint = "portal.calculator.\(field.id)-hint"
            if words(hint) != hint { row["hint"] = words(hint) }
            if let error = interestErrors[field.id] { row["error"] = error }
            return row
        }
        var page = Page(title: words("portal.calculator.heading"), template: "calculator", view: view, current: "/calculator")
        page.errors = errors
        return page
    }
}
