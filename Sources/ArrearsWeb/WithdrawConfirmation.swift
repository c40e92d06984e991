import ArrearsMessages

/// 撤回确认: a withdrawal cannot be undone, so the complainant confirms it on a page of its own.
enum WithdrawConfirmation {
    static func page(_ visit: Visit, number: String, version: Int, reason: String) -> Page {
        let words = visit.words
        let view: [String: Any] = [
            "heading": words("portal.withdraw.heading", ["number": .text(number)]), "warning": words("portal.withdraw.warning"),
            "reasonLabel": words("portal.action.withdraw.label"), "reason": reason, "action": "/complaints/\(number)/withdraw",
            "version": version, "confirm": words("portal.withdraw.confirm"), "cancel": words("portal.withdraw.cancel"),
            "back": "/complaints/\(number)",
        ]
        return Page(title: words("portal.withdraw.heading", ["number": .text(number)]), template: "confirm", view: view, current: "/complaints")
    }
}
