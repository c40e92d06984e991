import ArrearsAPI
import ArrearsCore
import ArrearsMessages
import Foundation

/// How the CLI shows API answers: tables for people, in the official's language (the catalogue's `cli.*` words and the
/// server's own explanations, asked for in the same language), JSON for scripts.
enum Rendering {
    static func json<T: Encodable>(_ value: T) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return (try? String(decoding: encoder.encode(value), as: UTF8.self)) ?? "{}"
    }

    static func yuan(_ fen: Int64) -> String { "¥" + Fen(unchecked: fen).yuan }

    static func deadline(_ d: Components.Schemas.Deadline?, _ words: Wording) -> String {
        guard let d else { return "-" }
        let facts: [String: MessageFact] = [
            "stage": .message(Message("stage." + d.stage.rawValue)), "length": "\(d.length)",
            "unit": .message(Message(d.unit == .workingDays ? "cli.unit.working-days" : "cli.unit.days")), "start": words.isoDate(d.startedOn),
        ]
        var text = words("cli.deadline", facts)
        if let due = d.dueOn {
            text += words("cli.deadline.due", ["due": words.isoDate(due)])
            if let nominal = d.nominalDueOn, nominal != due { text += words("cli.deadline.rolled", ["nominal": words.isoDate(nominal)]) }
        } else if let problem = d.problem {
            text += words("cli.deadline.unknown", ["problem": .text(problem)])
        }
        if d.provisional == true { text += words("cli.deadline.provisional") }
        if d.binding == false { text += words("cli.deadline.target") }
        return d.overdue ? text + words("cli.deadline.overdue") : text
    }

    static func route(_ r: Components.Schemas.RouteDecision, _ words: Wording) -> String {
        guard let department = r.department, let rule = r.rule else {
            return words(
                "cli.route.none",
                [
                    "complaint": .text(r.complaint), "version": "\(r.routingVersion)", "on": words.isoDate(r.on),
                    "problem": .text(r.problem ?? ""),
                ])
        }
        return [
            words(
                "cli.route.department",
                [
                    "complaint": .text(r.complaint), "department": .text(department.id), "name": .text(department.name),
                    "level": .message(Message("level." + department.level.rawValue)), "region": .text(department.region),
                ]),
            words(
                "cli.route.rule",
                [
                    "rule": .text(rule.id), "priority": "\(rule.priority)", "conditions": .text(rule.conditions),
                    "note": rule.note.map { .message(Message("cli.route.note", ["note": .text($0)])) } ?? "",
                ]),
            words("cli.route.version", ["version": "\(r.routingVersion)", "on": words.isoDate(r.on)]),
        ].joined(separator: "\n")
    }

    static func queue(_ page: Components.Schemas.ComplaintPage, _ words: Wording) -> String {
        var table = TextTable(["number", "state", "received", "due", "respondent", "claimed", "id"].map { words("cli.column." + $0) })
        for item in page.items {
            let due = item.deadline.map { (words.fact(words.isoDate($0.dueOn ?? "?"))) + ($0.overdue ? " !" : "") } ?? "-"
            // A clock waiting on an answer that has passed shows beside it: "督办书 due" for a silent respondent.
            let late = (item.waiting ?? []).filter(\.overdue).map {
                $0.stage == .feedback ? words("cli.queue.supervision-notice-due") : words("stage." + $0.stage.rawValue) + " !"
            }
            table.add([
                item.number, words("state." + item.state.rawValue), words.fact(words.isoDate(item.receivedOn)),
                ([due] + late).joined(separator: words("list.sentences")), item.respondentName,
                yuan(item.amountClaimed), item.id,
            ])
        }
        var text = page.items.isEmpty ? words("cli.queue.empty") : table.render()
        if let next = page.nextCursor { text += "\n" + words("cli.queue.more", ["cursor": .text(next)]) }
        return text
    }

    static func detail(_ detail: Components.Schemas.ComplaintDetail, _ words: Wording) -> String {
        let c = detail.complaint
        let f = c.filing
        func line(_ label: String, _ text: String) -> String { words("cli.label." + label).padded(to: 12) + " " + text }
        let indent = String(repeating: " ", count: 13)
        var lines = [
            words(
                "cli.show.head",
                ["number": .text(c.number), "state": .message(Message("state." + c.state.rawValue)), "version": "\(c.version)", "id": .text(c.id)]),
            line(
                "complainant",
                words(
                    "cli.show.complainant",
                    [
                        "name": .text(f.complainant.name), "creditCode": .text(f.complainant.creditCode), "region": .text(f.complainant.region),
                        "industry": .message(Message("industry." + f.complainant.industry.rawValue)),
                        "size": .message(Message("size." + f.complainant.declaredSize.rawValue)),
                    ])),
            line(
                "respondent",
                words(
                    "cli.show.respondent",
                    [
                        "name": .text(f.respondent.name), "kind": .message(Message("respondent-kind." + f.respondent.kind.rawValue)),
                        "level": .message(Message("level." + f.respondent.level.rawValue)), "region": .text(f.respondent.region),
                    ])),
            line(
                "contact",
                [f.complainant.contact.person, f.complainant.contact.phone, f.complainant.contact.email].compactMap { $0 }.joined(separator: " ")),
            line("claimed", words("cli.show.claimed", ["amount": .text(yuan(c.amountClaimed)), "contracts": "\(f.contracts.count)"])),
            line(
                "received",
                words("cli.show.received", ["on": words.isoDate(c.receivedOn), "channel": .message(Message("channel." + f.channel.rawValue))])),
            line("deadline", deadline(c.deadline, words)),
        ]
        if let explanation = c.deadline?.explanation { lines.append(indent + explanation) }
        if let basis = c.deadline?.basis {
            lines.append(indent + words("cli.show.rule-set", ["ruleSet": .text(c.deadline?.ruleSet ?? c.ruleSet ?? "?"), "basis": .text(basis)]))
        }
        for clock in c.waiting ?? [] {
            lines.append(line("waiting", deadline(clock, words)))
            if clock.stage == .feedback, clock.overdue { lines.append(indent + words("clock.feedback.overdue")) }
        }
        if let step = c.suggestedEscalation {
            lines.append(indent + words("cli.suggested-escalation", ["step": .message(Message("escalation." + step.rawValue))]))
        }
        if let department = c.handlingDepartment { lines.append(line("handled-by", department)) }
        for hop in c.hops ?? [] {
            var text = words(
                "cli.show.hop",
                [
                    "department": .text(hop.department), "state": .message(Message("hop-state." + hop.state.rawValue)),
                    "sent": .text(words.instant(hop.sentAt)),
                ])
            text +=
                hop.routedBy.map { words("cli.show.hop.rule", ["rule": .text($0)]) }
                ?? hop.overrideReason.map { words("cli.show.hop.override", ["reason": .text($0)]) } ?? ""
            if hop.extensionDays > 0 { text += words("cli.show.hop.extended", ["days": "\(hop.extensionDays)"]) }
            if let reason = hop.returnReason { text += words("cli.show.hop.returned", ["reason": .text(reason)]) }
            lines.append(words("cli.label.hop", ["number": "\(hop.number)"]).padded(to: 12) + " " + text)
        }
        for finding in c.findings ?? [] {
            let ground = finding.ground.map { words("cli.show.ground", ["ground": .message(Message("ground." + $0.rawValue))]) } ?? ""
            lines.append(line("finding", finding.code + ground + words("cli.colon") + finding.detail))
        }
        if let original = c.duplicateOf { lines.append(line("duplicate-of", original)) }
        for late in c.latePayments ?? [] where late.daysOverdue > 0 {
            lines.append(
                line(
                    "late",
                    words(
                        "cli.show.late",
                        [
                            "contract": .text(late.contractNumber), "days": "\(late.daysOverdue)", "interest": .text(yuan(late.interest)),
                            "explanation": .text(late.explanation),
                        ])))
        }
        if let rejection = c.rejection {
            lines.append(line("rejected", words("ground." + rejection.ground.rawValue) + words("cli.colon") + rejection.reason))
        }
        if let resolution = c.resolution {
            lines.append(
                line(
                    "result",
                    words(
                        "cli.show.result",
                        [
                            "outcome": .message(Message("outcome." + resolution.outcome.rawValue)), "paid": .text(yuan(resolution.amountPaid)),
                            "on": words.isoDate(resolution.resolvedOn), "summary": .text(resolution.summary),
                        ])))
        }
        for payment in c.payments ?? [] {
            lines.append(
                line(
                    "payment",
                    words(
                        "cli.show.payment",
                        ["on": words.isoDate(payment.paidOn), "amount": .text(yuan(payment.amount)), "contract": .text(payment.contractNumber)])))
        }
        for balance in c.balances ?? [] {
            lines.append(indent + words("cli.show.balance", ["contract": .text(balance.contractNumber), "balance": .text(yuan(balance.balance))]))
        }
        for instalment in c.paymentPlan?.instalments ?? [] {
            let state = instalment.state.map { words("instalment." + $0.rawValue) } ?? ""
            lines.append(
                words("cli.label.instalment", ["number": "\(instalment.number)"]).padded(to: 12) + " "
                    + words(
                        "cli.show.instalment",
                        ["due": words.isoDate(instalment.dueOn), "amount": .text(yuan(instalment.amount)), "state": .text(state)]))
        }
        if let rating = c.rating { lines.append(line("rating", words("satisfaction." + rating.rawValue))) }
        var table = TextTable(["sequence", "on", "event", "state", "by", "detail"].map { words("cli.column." + $0) })
        for event in detail.events {
            var particulars: [String] = []
            func add(_ id: String, _ facts: [String: MessageFact]) { particulars.append(words("cli.event." + id, facts)) }
            if let department = event.detail.department { add("department", ["department": .text(department)]) }
            if let ground = event.detail.ground { add("ground", ["ground": .message(Message("ground." + ground.rawValue))]) }
            if let outcome = event.detail.outcome { particulars.append(words("outcome." + outcome.rawValue)) }
            if let claimed = event.detail.amountClaimed { add("claimed", ["amount": .text(yuan(claimed))]) }
            if let rating = event.detail.rating { particulars.append(words("satisfaction." + rating.rawValue)) }
            if let step = event.detail.escalation { particulars.append(words("escalation." + step.rawValue)) }
            if let days = event.detail.days { add("days", ["days": "\(days)"]) }
            if let head = event.detail.approvedBy { add("approved-by", ["head": .text(head)]) }
            if let rule = event.detail.rule { add("rule", ["rule": .text(rule)]) }
            if let reason = event.detail.overrideReason { add("override", ["reason": .text(reason)]) }
            if let related = event.detail.related { add("duplicate-of", ["number": .text(related)]) }
            if let method = event.detail.serviceMethod {
                add("service-method", ["method": .message(Message("service-method." + method.rawValue))])
            }
            if let number = event.detail.documentNumber { add("document", ["number": .text(number)]) }
            if let payment = event.detail.payment {
                add(
                    "payment",
                    ["amount": .text(yuan(payment.amount)), "on": words.isoDate(payment.paidOn), "contract": .text(payment.contractNumber)])
            } else if let paid = event.detail.amountPaid {
                add("paid", ["amount": .text(yuan(paid))])
            }
            if let plan = event.detail.plan { add("plan", ["count": "\(plan.instalments.count)"]) }
            if let clock = event.detail.waiting { particulars.append(deadline(clock, words)) }
            if let text = event.detail.text { particulars.append(text) }
            if event.detail.visibleToComplainant == true { particulars.append(words("cli.event.for-complainant")) }
            table.add([
                String(event.sequence), words.fact(words.isoDate(event.on)), words("event." + event.kind.rawValue),
                words("state." + event.to.rawValue),
                words("cli.show.actor", ["name": .text(event.actorName ?? event.actor), "role": .message(Message("role." + event.role.rawValue))]),
                particulars.joined(separator: words("list.sentences")),
            ])
        }
        return (lines + ["", table.render()]).joined(separator: "\n")
    }
}

extension Wording {
    /// A date the API sent as ISO text, as a date fact (or as the text when it is not one).
    func isoDate(_ text: String) -> MessageFact { (try? CSTDate(text)).map { .date($0) } ?? .text(text) }

}

extension String {
    /// Padded with spaces to `width` terminal columns (a CJK character takes two).
    func padded(to width: Int) -> String {
        let columns = TextTable.width(self)
        return columns >= width ? self : self + String(repeating: " ", count: width - columns)
    }
}
