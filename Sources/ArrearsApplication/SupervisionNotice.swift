import ArrearsCore
import ArrearsMessages
import Foundation
import Mustache

/// The 督办书 a supervision notice issues: a printable HTML document in Chinese, naming the respondent, the complaint,
/// the amounts with interest to the day of issue, the rule set it rests on and the new reply date. Every word comes from
/// the catalogue; the template holds only structure and escapes every value.
struct SupervisionNotice {
    let number: String
    let complaint: Complaint
    let departmentName: String
    let ruleSetTitle: String
    let reply: Deadline
    /// What the official wrote for the respondent.
    let text: String
    let issuer: String
    let issuedAt: Date
    let latePayments: [LatePayment]

    static let template: MustacheTemplate = {
        // Shipped with the binary and parsed by a test; a template that does not parse is a build defect, not a refusal.
        try! MustacheTemplate(string: String(decoding: PackageResources.supervision_notice_mustache, as: UTF8.self))
    }()

    /// The document's bytes (UTF-8 HTML).
    func html() -> [UInt8] {
        let words = Wording(.chinese)
        let filing = complaint.filing
        let issuedOn = CSTDate(issuedAt)
        let servedOn = complaint.respondentNotice.map { CSTDate($0.servedAt) }
        let forwardedOn = complaint.currentHop.map { CSTDate($0.sentAt) }
        let owed = filing.contracts.reduce(Fen.zero) { $0 + $1.amountOverdue }
        let interest = latePayments.reduce(Fen.zero) { $0 + $1.interest }
        let rows: [[String: String]] = zip(filing.contracts, latePayments).map { contract, late in
            [
                "number": contract.number, "amountOverdue": words.money(contract.amountOverdue),
                "dueOn": late.dueOn.map(words.date) ?? words("document.unknown"), "daysOverdue": "\(late.daysOverdue)",
                "interest": words.money(late.interest),
            ]
        }
        var opening: [String: MessageFact] = [
            "complainant": .text(filing.complainant.name), "complaint": .text(complaint.number),
            "received": .date(complaint.receivedOn), "department": .text(departmentName),
        ]
        if let forwardedOn { opening["forwarded"] = .date(forwardedOn) }
        let openingID = servedOn == nil ? "document.supervision-notice.opening" : "document.supervision-notice.opening-notified"
        if let servedOn { opening["served"] = .date(servedOn) }
        let view: [String: Any] = [
            "title": words("document.supervision-notice.title"),
            "numberLabel": words("document.supervision-notice.number"),
            "number": number,
            "addressee": words(
                "document.supervision-notice.addressee",
                ["respondent": .text(filing.respondent.name), "creditCode": .text(filing.respondent.creditCode?.text ?? "—")]),
            "opening": words(openingID, opening),
            "contractsCaption": words("document.supervision-notice.contracts"),
            "columns": ["number", "amount-overdue", "due-on", "days-overdue", "interest"].map { words("document.column." + $0) },
            "contracts": rows,
            "totals": words(
                "document.supervision-notice.totals",
                ["owed": .money(owed), "interest": .money(interest), "asOf": .date(issuedOn)]),
            "text": text,
            "law": words("document.supervision-notice.law", ["ruleSet": .text(ruleSetTitle)]),
            "reply": words(
                "document.supervision-notice.reply",
                ["due": reply.dueOn.map { .date($0) } ?? "—", "days": "\(reply.length)", "department": .text(departmentName)]),
            "issuer": words("document.supervision-notice.issuer", ["department": .text(departmentName), "official": .text(issuer)]),
            "issuedOn": words.date(issuedOn),
            "record": words("document.supervision-notice.record", ["number": .text(number), "complaint": .text(complaint.number)]),
        ]
        return Array(Self.template.render(view).utf8)
    }
}
