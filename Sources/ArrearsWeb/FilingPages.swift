import ArrearsApplication
import ArrearsCore
import ArrearsMessages
import ArrearsStore
import Foundation

/// The filing pages' views: the start with the drafts to resume, the task list, one page per section (or per contract),
/// the check-your-answers page with a change link per answer and the eligibility findings before submitting, and the
/// confirmation with the number and the review deadline.
enum FilingPages {
    /// The answer a filed draft keeps its complaint's number under; no question has this key.
    static let filedKey = "(filed)"

    static func start(_ visit: Visit, drafts: [FilingDraft]) -> Page {
        let words = visit.words
        let view: [String: Any] = [
            "heading": words("portal.file.heading"), "lead": words("portal.file.lead"), "start": words("portal.file.start"),
            "draftsHeading": words("portal.file.drafts"), "hasDrafts": !drafts.isEmpty,
            "drafts": drafts.map { draft in
                [
                    "id": draft.id,
                    "label": words(
                        "portal.file.draft",
                        [
                            "respondent": .text(draft.answers["respondent.name"].flatMap { $0.isEmpty ? nil : $0 } ?? "—"),
                            "on": .date(CSTDate(draft.updatedAt)),
                        ]),
                ]
            },
        ]
        return Page(title: words("portal.file.heading"), template: "filing-start", view: view, current: "/file")
    }

    static func tasks(_ visit: Visit, _ draft: FilingDraft, files: [DraftFile], regions: RegionDirectory) -> Page {
        let words = visit.words
        let form = FilingForm(answers: draft.answers, regions: regions)
        func task(_ label: String, _ href: String, _ section: FilingQuestions.Section) -> [String: String] {
            let done = form.violations(of: section).isEmpty
            return ["label": label, "href": href, "status": words(done ? "portal.task.done" : "portal.task.todo")]
        }
        var tasks = [
            task(words("portal.section.complainant"), "/file/\(draft.id)/section/complainant", FilingQuestions.complainant),
            task(words("portal.section.respondent"), "/file/\(draft.id)/section/respondent", FilingQuestions.respondent),
        ]
        let count = FilingQuestions.contractCount(draft.answers)
        for index in 0..<max(count, 1) {
            tasks.append(
                task(
                    words("portal.section.contract", ["number": "\(index + 1)"]), "/file/\(draft.id)/contract/\(index)",
                    FilingQuestions.contract(index)))
        }
        tasks.append(task(words("portal.section.facts"), "/file/\(draft.id)/section/facts", FilingQuestions.facts))
        let ready = tasks.allSatisfy { $0["status"] == words("portal.task.done") }
        tasks.append([
            "label": words("portal.section.files"), "href": "/file/\(draft.id)/files",
            "status": files.isEmpty ? words("portal.task.optional") : words("portal.files.count", ["count": "\(files.count)"]),
        ])
        let view: [String: Any] = [
            "heading": words("portal.file.tasks"), "lead": words("portal.file.tasks.lead"), "tasks": tasks, "draft": draft.id,
            "addContract": words("portal.file.add-contract"), "ready": ready, "check": words("portal.file.check"),
            "notReady": words("portal.file.not-ready"),
        ]
        return Page(title: words("portal.file.tasks"), template: "filing-tasks", view: view, current: "/file")
    }

    /// One section's page, with what was typed and each refusal beside its question.
    static func section(
        _ visit: Visit, _ draft: FilingDraft, _ section: FilingQuestions.Section, action: String, heading: String, returnTo: String,
        errors: [FieldViolation] = [], remove: String? = nil, catalogue: String = "portal.", hintFacts: [String: MessageFact] = [:]
    ) -> Page {
        let words = visit.words
        var summary: [(field: String, message: String)] = []
        let questions: [[String: Any]] = section.questions.map { question in
            let key = section.prefix + question.key
            let id = FilingQuestions.id(key)
            let generic = label(key)
            var label = words(catalogue + "q." + generic)
            if question.optional { label += words("portal.q.optional") }
            let hintID = catalogue + "hint." + generic
            let hint = words(hintID, hintFacts)
            var view: [String: Any] = ["id": id, "name": key, "label": label, "value": draft.answers[key] ?? ""]
            var described: [String] = []
            if hint != hintID {
                view["hint"] = hint
                described.append(id + "-hint")
            }
            if let violation = errors.first(where: { $0.field == key }) {
                let message = words(violation.message)
                view["error"] = message
                described.append(id + "-error")
                summary.append((id, words("portal.error.about", ["question": .text(words(catalogue + "q." + generic)), "message": .text(message)])))
            }
            if !described.isEmpty { view["describedBy"] = described.joined(separator: " ") }
            switch question.kind {
            case let .choice(family, codes):
                view["isChoice"] = true
                view["options"] = codes.map { ["value": $0, "text": words(family + $0), "checked": draft.answers[key] == $0] }
            case .yesNo:
                view["isChoice"] = true
                view["options"] = ["yes", "no"].map { ["value": $0, "text": words("portal.answer." + $0), "checked": draft.answers[key] == $0] }
            case .paragraph:
                view["isParagraph"] = true
            case .date:
                // A text field with the format in the hint: a browser's date picker depends on its locale and its
                // keyboard use, which older users and screen readers find hard (GOV.UK's date input advice).
                (view["isLine"], view["type"]) = (true, "text")
            case .yuan:
                (view["isLine"], view["type"], view["inputmode"]) = (true, "text", "decimal")
            case .whole:
                (view["isLine"], view["type"], view["inputmode"]) = (true, "text", "numeric")
            case .line:
                let type = key.hasSuffix("email") ? "email" : key.hasSuffix("phone") ? "tel" : key == "password" ? "password" : "text"
                (view["isLine"], view["type"]) = (true, type)
                view["autocomplete"] = question.autocomplete
            }
            return view
        }
        // Refusals of the whole filing about no one question of this page (e.g. "contracts") go at the top.
        for violation in errors where !section.questions.contains(where: { section.prefix + $0.key == violation.field }) {
            summary.append((FilingQuestions.id(violation.field), words(violation.message)))
        }
        var view: [String: Any] = [
            "heading": heading, "action": action, "returnTo": returnTo, "questions": questions, "submit": words("portal.file.save"),
        ]
        let leadID = "portal.lead." + section.name
        if words(leadID) != leadID { view["lead"] = words(leadID) }
        if let remove { (view["remove"], view["removeText"]) = (remove, words("portal.file.remove-contract")) }
        var page = Page(title: heading, template: "filing-section", view: view, current: "/file")
        page.errors = summary
        return page
    }

    /// A key as its question's catalogue name: `contracts[3].amount` → `contracts.amount`.
    static func label(_ key: String) -> String {
        key.replacingOccurrences(of: #"\[[0-9]+\]"#, with: "", options: .regularExpression)
    }

    static func check(
        _ visit: Visit, _ draft: FilingDraft, _ filing: ComplaintFiling, files: [DraftFile], findings: [EligibilityFinding]
    ) -> Page {
        let words = visit.words
        func rows(_ section: FilingQuestions.Section, change: String) -> [[String: String]] {
            section.questions.compactMap { question in
                let key = section.prefix + question.key
                let typed = draft.answers[key] ?? ""
                guard !typed.isEmpty || !question.optional else { return nil }
                let value: String =
                    switch question.kind {
                    case let .choice(family, _): words(family + typed)
                    case .yesNo: words("portal.answer." + typed)
                    case .yuan: Fen(yuan: typed).map(words.money) ?? typed
                    default: typed
                    }
                return [
                    "label": words("portal.q." + label(key)), "value": value, "change": change + "?return=check",
                    "changeText": words("portal.file.change"),
                ]
            }
        }
        var sections: [[String: Any]] = [
            [
                "title": words("portal.section.complainant"),
                "answers": rows(FilingQuestions.complainant, change: "/file/\(draft.id)/section/complainant"),
            ],
            [
                "title": words("portal.section.respondent"),
                "answers": rows(FilingQuestions.respondent, change: "/file/\(draft.id)/section/respondent"),
            ],
        ]
        for index in filing.contracts.indices {
            sections.append([
                "title": words("portal.section.contract", ["number": "\(index + 1)"]),
                "answers": rows(FilingQuestions.contract(index), change: "/file/\(draft.id)/contract/\(index)"),
            ])
        }
        sections.append(["title": words("portal.section.facts"), "answers": rows(FilingQuestions.facts, change: "/file/\(draft.id)/section/facts")])
        let change = "/file/\(draft.id)/files?return=check"
        let fileRows: [[String: String]] = files.map {
            ["label": $0.name, "value": FilingFilesPage.about($0, words), "change": change, "changeText": words("portal.file.change")]
        }
        sections.append([
            "title": words("portal.section.files"),
            "answers": fileRows.isEmpty
                ? [
                    [
                        "label": words("portal.section.files"), "value": words("portal.files.none"), "change": change,
                        "changeText": words("portal.file.change"),
                    ]
                ]
                : fileRows,
        ])
        let view: [String: Any] = [
            "heading": words("portal.file.check"), "lead": words("portal.file.check.lead"), "sections": sections, "draft": draft.id,
            "hasFindings": !findings.isEmpty, "findingsHeading": words("portal.file.findings"), "findings": findings.map { words($0.message) },
            "declaration": words("portal.file.declaration"), "submit": words("portal.file.submit"),
        ]
        return Page(title: words("portal.file.check"), template: "filing-check", view: view, current: "/file")
    }

    static func filed(_ visit: Visit, _ view: ComplaintView) -> Page {
        let words = visit.words
        let complaint = view.complaint
        var page: [String: Any] = [
            "heading": words("portal.filed.heading"), "numberText": words("portal.filed.number", ["number": .text(complaint.number)]),
            "number": complaint.number, "deadlineHeading": words("portal.filed.deadline"),
            "due": complaint.deadline?.dueOn.map { words("portal.filed.due", ["due": .date($0)]) } ?? "",
            "nextHeading": words("portal.filed.next"),
            "next": ["portal.filed.next.review", "portal.filed.next.supplement", "portal.filed.next.forward"].map { words($0) },
            "view": words("portal.filed.view"), "receipt": words("portal.filed.receipt"),
        ]
        if let reckoning = view.reckoning { page["explanation"] = words.reckoning(reckoning) }
        return Page(title: words("portal.filed.heading"), template: "filed", view: page, current: "/complaints")
    }
}
