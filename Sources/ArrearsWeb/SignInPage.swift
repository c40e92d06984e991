import ArrearsMessages

/// 登录: the account id or the company's credit code, and the password; paste and password managers work (WCAG 2.2
/// 3.3.8): nothing is split into boxes, nothing blocks pasting.
enum SignInPage {
    static func page(_ visit: Visit, next: String?, login: String = "") -> Page {
        let words = visit.words
        let view: [String: Any] = [
            "heading": words("portal.sign-in.heading"), "lead": words("portal.sign-in.lead"), "next": safeNext(next) ?? "",
            "loginLabel": words("portal.sign-in.login"), "loginHint": words("portal.sign-in.login-hint"), "login": login,
            "passwordLabel": words("portal.sign-in.password"), "submit": words("portal.sign-in.submit"),
        ]
        return Page(title: words("portal.sign-in.heading"), template: "sign-in", view: view, current: "/sign-in")
    }

    /// Where to go after signing in: a path of this site only (never `//elsewhere` or a full URL).
    static func safeNext(_ next: String?) -> String? {
        guard let next, next.hasPrefix("/"), !next.hasPrefix("//"), !next.contains("\\"), next.count <= 200 else { return nil }
        return next
    }
}
