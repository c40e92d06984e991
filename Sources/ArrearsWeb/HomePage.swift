import ArrearsCore
import ArrearsMessages

/// 首页: what the platform does and who may complain, the deadlines it promises, what is out of scope.
enum HomePage {
    static func page(_ visit: Visit) -> Page {
        let words = visit.words
        let stages: [(stage: String, length: String)] = [
            ("review", "portal.home.length.review"), ("supplement", "portal.home.length.supplement"),
            ("forward", "portal.home.length.forward"), ("handling", "portal.home.length.handling"),
            ("rating", "portal.home.length.rating"),
        ]
        let view: [String: Any] = [
            "heading": words("portal.home.heading"), "lead": words("portal.home.lead"),
            "start": words(visit.account == nil ? "portal.home.start" : "portal.nav.my-complaints"),
            "startHref": visit.account == nil ? "/sign-in" : "/complaints",
            "whoHeading": words("portal.home.who.heading"),
            "who": ["portal.home.who.sme", "portal.home.who.debtor", "portal.home.who.contract"].map { words($0) },
            "deadlinesHeading": words("portal.home.deadlines.heading"), "deadlinesCaption": words("portal.home.deadlines.caption"),
            "stageColumn": words("portal.home.column.stage"), "lengthColumn": words("portal.home.column.length"),
            "basisColumn": words("portal.home.column.basis"),
            "deadlines": stages.map {
                ["stage": words("stage." + $0.stage), "length": words($0.length), "basis": words("basis.decree-802." + $0.stage)]
            },
            "outHeading": words("portal.home.out.heading"), "outLead": words("portal.home.out.lead"),
            "grounds": RejectionGround.allCases.map { words("ground." + $0.rawValue) },
        ]
        return Page(title: words("portal.home.title"), template: "home", view: view, current: "/")
    }
}
