import ArrearsApplication
import ArrearsCore
import ArrearsMessages
import Foundation

/// 投诉详情: where the complaint stands, each running clock with its legal basis and how its date was counted, the
/// interest to date, who holds it, payments, files, and the history in plain words. The complainant never reads the
/// notes officials keep to themselves (`ComplaintView` leaves them out).
enum ComplaintPage {
    /// Bytes as whole megabytes, for limits people read.
    static func megabytes(_ bytes: Int) -> String { "\(bytes / 1_048_576) MB" }

    static func page(
        _ visit: Visit, _ view: ComplaintView, files: EvidenceList, typed: [String: String] = [:], errors: [(field: String, message: String)] = [],
        done: String? = nil
    ) -> Page {
        let words = visit.words
        let complaint = view.complaint
        let calendarReckoning = view.reckoning
        let clocks: [[String: Any]] = complaint.clocks.map { clock in
            var row: [String: Any] = [
                "stage": clock.stage.rawValue, "name": words("stage." + clock.stage.rawValue),
                "due": clock.dueOn.map { words("portal.clock.due", ["due": .date($0)]) } ?? clock.problem.map { words($0) } ?? "",
                "overdue": clock.isOverdue(today: view.today), "overdueText": words("portal.clock.overdue"),
            ]
            if clock == complaint.deadline, let reckoning = calendarReckoning { row["explanation"] = words.reckoning(reckoning) }
            if let ruleSet = clock.ruleSet {
                let basis = words("basis.\(ruleSet).\(clock.stage.rawValue)")
                row["basis"] = words("portal.clock.basis", ["basis": .text(basis)])
            }
            return row
        }
        var facts: [[String: String]] = [
            ["label": words("portal.complaint.respondent"), "value": complaint.filing.respondent.name],
            ["label": words("portal.complaint.amount"), "value": words.money(complaint.filing.amountClaimed)],
            ["label": words("portal.complaint.received"), "value": words.date(complaint.receivedOn)],
        ]
        if let department = complaint.handlingDepartment {
            facts.append(["label": words("portal.complaint.holder"), "value": department.rawValue])
        }
        if let resolution = complaint.resolution {
            facts.append([
                "label": words("portal.complaint.result"),
                "value": words(
                    "portal.complaint.result.value",
                    ["outcome": .message(Message("outcome." + resolution.outcome.rawValue)), "paid": .money(resolution.amountPaid)]),
            ])
        }
        if let rating = complaint.rating {
            facts.append(["label": words("portal.complaint.rating"), "value": words("satisfaction." + rating.rawValue)])
        }
        let late: [[String: String]] = view.latePayments.filter { $0.daysOverdue > 0 }.map {
            [
                "contract": $0.contractNumber, "interest": words("portal.complaint.interest", ["interest": .money($0.interest)]),
                "explanation": words($0.reckoning),
            ]
        }
        let payments: [[String: String]] = complaint.payments.map {
            ["paidOn": words.date($0.paidOn), "contract": $0.contractNumber, "amount": words.money($0.amount)]
        }
        let fileRows: [[String: String]] = files.items.map { file in
            [
                "href": "/complaints/\(complaint.number)/files/\(file.id.rawValue)", "name": file.name,
                "about": words("portal.file.about", ["bytes": "\(file.bytes)", "on": .date(CSTDate(file.attachedAt))]),
            ]
        }
        let events: [[String: String]] = view.events.map { event in
            [
                "iso": event.on.description, "on": words.date(event.on), "what": words("event." + event.kind.rawValue),
                "who": words("portal.event.who", ["role": .message(Message("role." + event.role.rawValue))]),
                "detail": event.kind == .noted || event.kind == .supplementRequested || event.kind == .informationRequested
                    || event.kind == .reviewDeclined || event.kind == .resolved ? event.detail.text ?? "" : "",
            ]
        }
        let actions =
            visit.account.map { account in
                ComplaintActions.views(
                    complaint, actor: account.actor, words: words, typed: typed,
                    errors: Dictionary(errors.map { ($0.field, $0.message) }, uniquingKeysWith: { first, _ in first }))
            } ?? []
        var page: [String: Any] = [
            "heading": words("portal.complaint.heading", ["number": .text(complaint.number)]),
            "actionsHeading": words("portal.complaint.actions"), "hasActions": !actions.isEmpty, "actions": actions,
            "state": words("state." + complaint.state.rawValue), "stateNote": words("portal.state-note." + complaint.state.rawValue),
            "clocksHeading": words("portal.complaint.clocks"), "hasClocks": !clocks.isEmpty, "clocks": clocks,
            "factsHeading": words("portal.complaint.facts"), "facts": facts,
            "lateHeading": words("portal.complaint.late"), "hasLate": !late.isEmpty, "late": late,
            "paymentsHeading": words("portal.complaint.payments"), "paymentsCaption": words("portal.complaint.payments"),
            "hasPayments": !payments.isEmpty, "payments": payments, "paidOnLabel": words("portal.payment.on"),
            "contractLabel": words("portal.payment.contract"), "amountLabel": words("portal.payment.amount"),
            "filesHeading": words("portal.complaint.files"), "hasFiles": !fileRows.isEmpty, "files": fileRows,
            "timelineHeading": words("portal.complaint.timeline"), "events": events,
        ]
        if let done, ComplaintActions.all.contains(where: { $0.name == done }) || done == "files" { page["done"] = words("portal.done." + done) }
        if let account = visit.account, (try? Lifecycle.transition("attach-evidence", on: complaint, by: account.actor)) != nil {
            page["canAttach"] = true
            page["number"] = complaint.number
            page["attachTitle"] = words("portal.attach.title")
            page["attachHint"] = words("portal.attach.hint", ["limit": .text(Self.megabytes(files.limits.file))])
            page["fileLabel"] = words("portal.attach.file")
            page["attachSubmit"] = words("portal.attach.submit")
            if let error = errors.first(where: { $0.field == "file" }) { page["fileError"] = error.message }
        }
        var result = Page(
            title: words("portal.complaint.heading", ["number": .text(complaint.number)]), template: "complaint", view: page, current: "/complaints")
        result.errors = errors
        return result
    }
}
