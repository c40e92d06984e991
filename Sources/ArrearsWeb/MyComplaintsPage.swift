import ArrearsCore
import ArrearsMessages
import ArrearsStore

/// 我的投诉: every complaint of the signed-in company with its state and the next date something is due.
enum MyComplaintsPage {
    static func page(_ visit: Visit, _ page: QueuePage, today: CSTDate) -> Page {
        let words = visit.words
        let rows: [[String: Any]] = page.items.map { item in
            let next = item.clocks.filter { $0.dueOn != nil }.min { $0.dueOn! < $1.dueOn! }
            var row: [String: Any] = [
                "number": item.number, "respondent": item.respondentName, "state": words("state." + item.state.rawValue),
                "amount": words.money(item.amountClaimed),
            ]
            if let next, let due = next.dueOn {
                row["due"] = words("portal.clock.next", ["stage": .message(Message("stage." + next.stage.rawValue)), "due": .date(due)])
                row["overdue"] = next.isOverdue(today: today)
            }
            return row
        }
        let view: [String: Any] = [
            "heading": words("portal.my.heading"), "caption": words("portal.my.caption"), "empty": rows.isEmpty,
            "emptyText": words("portal.my.empty"),
            "columns": ["number", "respondent", "state", "due", "amount"].map { words("portal.my.column." + $0) },
            "numberLabel": words("portal.my.column.number"), "respondentLabel": words("portal.my.column.respondent"),
            "stateLabel": words("portal.my.column.state"), "dueLabel": words("portal.my.column.due"),
            "amountLabel": words("portal.my.column.amount"), "overdueText": words("portal.clock.overdue"), "complaints": rows,
            "more": page.nextCursor.map { "/complaints?after=" + $0.token } ?? "", "moreText": words("portal.my.more"),
        ]
        return Page(title: words("portal.my.heading"), template: "my-complaints", view: view, current: "/complaints")
    }
}
