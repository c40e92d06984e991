import ArrearsApplication
import ArrearsCore
import ArrearsMessages
import ArrearsStore
import Foundation

/// 注册 and 账户: an SME registers with its credit code (checked by the same rules as the API's registration), and
/// sees whether its account is verified and how to become so (a code to the contact on record, or the business licence
/// at the intake department).
enum AccountPages {
    static let registration = FilingQuestions.Section(
        name: "register", prefix: "",
        questions: [
            .init("name", .line, autocomplete: "organization"), .init("creditCode", .line), .init("contact.person", .line, autocomplete: "name"),
            .init("contact.phone", .line, autocomplete: "tel"), .init("contact.email", .line, optional: true, autocomplete: "email"),
            .init("password", .line, autocomplete: "new-password"),
        ])

    static func register(_ visit: Visit, typed: [String: String] = [:], errors: [FieldViolation] = []) -> Page {
        // The password is never sent back.
        var answers = typed
        answers["password"] = nil
        let draft = FilingDraft(id: "register", account: AccountID("anonymous"), answers: answers, createdAt: Date(), updatedAt: Date())
        var page = FilingPages.section(
            visit, draft, registration, action: "/register", heading: visit.words("portal.register.heading"), returnTo: "", errors: errors,
            catalogue: "portal.register.", hintFacts: ["minimum": "\(PasswordPolicy.minimumLength)"])
        page.view["submit"] = visit.words("portal.register.submit")
        page.current = "/register"
        return page
    }

    static func account(_ visit: Visit, _ account: Account, notice: String? = nil, codeError: String? = nil) -> Page {
        let words = visit.words
        var facts = [
            ["label": words("portal.account.name"), "value": account.name],
            // Intake verifies with the business licence by this id (arrearsctl account verify).
            ["label": words("portal.account.id"), "value": account.id.rawValue],
            [
                "label": words("portal.account.state"),
                "value": account.verifiedAt.map { words("portal.account.verified", ["on": .date(CSTDate($0))]) }
                    ?? words("portal.account.unverified"),
            ],
        ]
        if let code = account.creditCode { facts.insert(["label": words("portal.account.credit-code"), "value": code.text], at: 1) }
        var view: [String: Any] = [
            "heading": words("portal.account.heading"), "facts": facts, "unverified": account.role == .sme && account.verifiedAt == nil,
            "howHeading": words("portal.account.how"), "how": words("portal.account.how.text"), "sendCode": words("portal.account.send-code"),
            "codeLabel": words("portal.account.code"), "codeHint": words("portal.account.code-hint"), "verify": words("portal.account.verify"),
            "licence": words("portal.account.licence"), "changePassword": words("portal.account.change-password"),
        ]
        if let notice { view["notice"] = notice }
        var page = Page(title: words("portal.account.heading"), template: "account", view: view, current: "/account")
        if let codeError {
            view["codeError"] = codeError
            page.view = view
            page.errors = [("code", codeError)]
        }
        return page
    }

    /// 修改密码: the current password and a new one, never sent back; password managers fill both (WCAG 2.2 3.3.8).
    static func password(_ visit: Visit, errors: [(field: String, message: String)] = []) -> Page {
        let words = visit.words
        let view: [String: Any] = [
            "heading": words("portal.password.heading"), "lead": words("portal.password.lead"),
            "currentLabel": words("portal.password.current"), "newLabel": words("portal.password.new"),
            "newHint": words("portal.password.new-hint", ["minimum": "\(PasswordPolicy.minimumLength)"]), "submit": words("portal.password.submit"),
        ]
        var page = Page(title: words("portal.password.heading"), template: "password", view: view, current: "/account")
        page.errors = errors
        return page
    }
}
