import ArrearsApplication
import ArrearsCore
import ArrearsMessages

/// 回执: what the platform registered and when, printable (the stylesheet's print rules drop the navigation): the
/// number, the time of receipt in China Standard Time, the parties, the contracts and amounts, and the review deadline.
enum ReceiptPage {
    static func page(_ visit: Visit, _ view: ComplaintView) -> Page {
        let words = visit.words
        let complaint = view.complaint
        let filing = complaint.filing
        let facts: [[String: String]] = [
            ["label": words("portal.receipt.number"), "value": complaint.number],
            ["label": words("portal.receipt.received"), "value": words.instant(complaint.receivedAt)],
            [
                "label": words("portal.receipt.complainant"),
                "value": words(
                    "portal.receipt.complainant.value", ["name": .text(filing.complainant.name), "code": .text(filing.complainant.creditCode.text)]),
            ],
            ["label": words("portal.complaint.respondent"), "value": filing.respondent.name],
            ["label": words("portal.complaint.amount"), "value": words.money(filing.amountClaimed)],
        ]
        let columns = ["number", "amount", "overdue"].map { words("portal.receipt.column." + $0) }
        var page: [String: Any] = [
            "heading": words("portal.receipt.heading"), "facts": facts, "contractsCaption": words("portal.receipt.contracts"),
            "columns": columns, "numberLabel": columns[0], "amountLabel": columns[1], "overdueLabel": columns[2],
            "contracts": filing.contracts.map { ["number": $0.number, "amount": words.money($0.amount), "overdue": words.money($0.amountOverdue)] },
            "deadline": complaint.deadline.flatMap(\.dueOn).map { words("portal.filed.due", ["due": .date($0)]) } ?? "",
            "note": words("portal.receipt.note"),
        ]
        if complaint.deadline?.stage == .review, let reckoning = view.reckoning { page["explanation"] = words.reckoning(reckoning) }
        return Page(title: words("portal.receipt.heading"), template: "receipt", view: page, current: "/complaints")
    }
}
