import ArrearsAPI
import ArrearsCore
import Foundation

/// How the CLI shows API answers: tables for people, JSON for scripts.
enum Rendering {
    static func json<T: Encodable>(_ value: T) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return (try? String(decoding: encoder.encode(value), as: UTF8.self)) ?? "{}"
    }

    static func yuan(_ fen: Int64) -> String { "¥" + Fen(unchecked: fen).yuan }

    static func deadline(_ d: Components.Schemas.Deadline?) -> String {
        guard let d else { return "-" }
        let unit = d.unit == .workingDays ? "working days" : "days"
        var text = "\(d.stage.rawValue): \(d.length) \(unit) from \(d.startedOn)"
        if let due = d.dueOn {
            text += ", due \(due)"
            if let nominal = d.nominalDueOn, nominal != due { text += " (nominally \(nominal), moved past the holiday)" }
        } else if let problem = d.problem {
            text += ", due date unknown: \(problem)"
        }
        if d.binding == false { text += " (a target, not a statutory limit)" }
        return d.overdue ? text + "  OVERDUE" : text
    }

    static func route(_ r: Components.Schemas.RouteDecision) -> String {
        guard let department = r.department, let rule = r.rule else {
            return "\(r.complaint): no department (routing table version \(r.routingVersion), \(r.on)): \(r.problem ?? "no rule matches")"
        }
        return [
            "\(r.complaint) → \(department.id) \(department.name) (\(department.level.rawValue), \(department.region))",
            "rule         \(rule.id), priority \(rule.priority): \(rule.conditions)" + (rule.note.map { " — \($0)" } ?? ""),
            "routing      version \(r.routingVersion), as of \(r.on)",
        ].joined(separator: "\n")
    }

    static func queue(_ page: Components.Schemas.ComplaintPage) -> String {
        var table = TextTable(["NUMBER", "STATE", "RECEIVED", "DUE", "RESPONDENT", "CLAIMED", "ID"])
        for item in page.items {
            let due = item.deadline.map { ($0.dueOn ?? "?") + ($0.overdue ? " !" : "") } ?? "-"
            table.add([item.number, item.state.rawValue, item.receivedOn, due, item.respondentName, yuan(item.amountClaimed), item.id])
        }
        var text = page.items.isEmpty ? "no complaints" : table.render()
        if let next = page.nextCursor { text += "\nmore: --cursor \(next)" }
        return text
    }

    static func detail(_ detail: Components.Schemas.ComplaintDetail) -> String {
        let c = detail.complaint
        let f = c.filing
        var lines = [
            "\(c.number)  \(c.state.rawValue)  (version \(c.version), id \(c.id))",
            "complainant  \(f.complainant.name) (\(f.complainant.creditCode), \(f.complainant.region), \(f.complainant.industry.rawValue), \(f.complainant.declaredSize.rawValue))",
            "respondent   \(f.respondent.name) (\(f.respondent.kind.rawValue), \(f.respondent.level.rawValue), \(f.respondent.region))",
            "contact      \([f.complainant.contact.person, f.complainant.contact.phone, f.complainant.contact.email].compactMap { $0 }.joined(separator: " "))",
            "claimed      \(yuan(c.amountClaimed)) on \(f.contracts.count) contract(s)",
            "received     \(c.receivedOn) via \(f.channel.rawValue)",
            "deadline     \(deadline(c.deadline))",
        ]
        if let explanation = c.deadline?.explanation { lines.append("             \(explanation)") }
        if let basis = c.deadline?.basis { lines.append("             rule set \(c.deadline?.ruleSet ?? c.ruleSet ?? "?"): \(basis)") }
        if let department = c.handlingDepartment { lines.append("handled by   \(department)") }
        for hop in c.hops ?? [] {
            var text = "hop \(hop.number)        \(hop.department) \(hop.state.rawValue), sent \(hop.sentAt.formatted(.iso8601))"
            text += hop.routedBy.map { " by rule \($0)" } ?? hop.overrideReason.map { " overriding routing: \($0)" } ?? ""
            if hop.extensionDays > 0 { text += "; extended \(hop.extensionDays) days" }
            if let reason = hop.returnReason { text += "; returned: \(reason)" }
            lines.append(text)
        }
        for finding in c.findings ?? [] {
            lines.append("finding      \(finding.code)\(finding.ground.map { " (ground \($0.rawValue))" } ?? ""): \(finding.detail)")
        }
        if let original = c.duplicateOf { lines.append("duplicate of \(original)") }
        for late in c.latePayments ?? [] where late.daysOverdue > 0 {
            lines.append("late         \(late.contractNumber): \(late.daysOverdue) days, interest \(yuan(late.interest)) (\(late.explanation))")
        }
        if let rejection = c.rejection { lines.append("rejected     \(rejection.ground.rawValue): \(rejection.reason)") }
        if let resolution = c.resolution {
            lines.append(
                "result       \(resolution.outcome.rawValue), paid \(yuan(resolution.amountPaid)) on \(resolution.resolvedOn): \(resolution.summary)")
        }
        if let rating = c.rating { lines.append("rating       \(rating.rawValue)") }
        var table = TextTable(["#", "ON", "EVENT", "STATE", "BY", "DETAIL"])
        for event in detail.events {
            var particulars: [String] = []
            if let department = event.detail.department { particulars.append("department \(department)") }
            if let ground = event.detail.ground { particulars.append("ground \(ground.rawValue)") }
            if let outcome = event.detail.outcome { particulars.append(outcome.rawValue) }
            if let paid = event.detail.amountPaid { particulars.append("paid \(yuan(paid))") }
            if let claimed = event.detail.amountClaimed { particulars.append("claimed \(yuan(claimed))") }
            if let rating = event.detail.rating { particulars.append(rating.rawValue) }
            if let step = event.detail.escalation { particulars.append(step.rawValue) }
            if let days = event.detail.days { particulars.append("+\(days) days") }
            if let head = event.detail.approvedBy { particulars.append("approved by \(head)") }
            if let rule = event.detail.rule { particulars.append("rule \(rule)") }
            if let reason = event.detail.overrideReason { particulars.append("override: \(reason)") }
            if let related = event.detail.related { particulars.append("duplicate of \(related)") }
            if let text = event.detail.text { particulars.append(text) }
            table.add([
                String(event.sequence), event.on, event.kind.rawValue, event.to.rawValue,
                "\(event.actorName ?? event.actor) (\(event.role.rawValue))",
                particulars.joined(separator: "; "),
            ])
        }
        return (lines + ["", table.render()]).joined(separator: "\n")
    }
}
