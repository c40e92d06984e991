import ArrearsApplication
import ArrearsCore
import ArrearsMessages
import Foundation
import HTTPTypes
import Hummingbird

/// One HTML page: its template and view, wrapped in the layout with the site's navigation and the signed-in bar.
struct Page {
    var title: String
    var template: String
    var view: [String: Any]
    var status: HTTPResponse.Status = .ok
    /// Field errors (field id, message), shown in the summary at the top and beside each field.
    var errors: [(field: String, message: String)] = []
    /// Which navigation entry is this page (its href).
    var current: String?

    /// The security headers every portal answer carries: a policy with no inline script or style, no framing, no
    /// sniffing, no referrer outside the site.
    static let securityHeaders: [(HTTPField.Name, String)] = [
        (
            HTTPField.Name("Content-Security-Policy")!,
            "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
        ),
        (HTTPField.Name("X-Content-Type-Options")!, "nosniff"), (HTTPField.Name("X-Frame-Options")!, "DENY"),
        (HTTPField.Name("Referrer-Policy")!, "same-origin"),
    ]

    func response(_ visit: Visit) -> Response {
        let words = visit.words
        var view = view
        view["csrf"] = visit.formToken
        view["hasErrors"] = !errors.isEmpty
        view["errorSummaryTitle"] = words("portal.errors.title")
        view["errors"] = errors.map { ["field": $0.field, "message": $0.message] }
        // The same message beside its field as in the summary.
        for error in errors where view[error.field + "Error"] == nil { view[error.field + "Error"] = error.message }
        view["colon"] = words("cli.colon")
        let body = Templates.render(template, view)
        var navigation: [[String: Any]] = [
            ["href": "/", "label": words("portal.nav.home")], ["href": "/calculator", "label": words("portal.nav.calculator")],
            ["href": "/size-test", "label": words("portal.nav.size-test")],
            ["href": "/statistics", "label": words("portal.nav.statistics")],
        ]
        if let account = visit.account {
            if account.role == .sme { navigation.append(["href": "/file", "label": words("portal.nav.file")]) }
            navigation.append(["href": "/complaints", "label": words("portal.nav.my-complaints")])
            navigation.append(["href": "/account", "label": words("portal.nav.account")])
        } else {
            navigation.append(["href": "/sign-in", "label": words("portal.nav.sign-in")])
            navigation.append(["href": "/register", "label": words("portal.nav.register")])
        }
        for index in navigation.indices { navigation[index]["current"] = navigation[index]["href"] as? String == current }
        var layout: [String: Any] = [
            "lang": words.language == .chinese ? "zh-CN" : "en", "title": title, "site": words("portal.site"), "skip": words("portal.skip"),
            "navLabel": words("portal.nav.label"), "nav": navigation, "footer": words("portal.footer"), "body": body, "csrf": visit.formToken,
            "hasErrors": !errors.isEmpty, "errorPrefix": words("portal.errors.prefix"),
        ]
        if let account = visit.account {
            layout["signedIn"] = true
            layout["signedInAs"] = words("portal.signed-in-as", ["name": .text(account.name)])
            layout["signOut"] = words("portal.sign-out")
        }
        return Self.html(Templates.render("layout", layout), status: status, cacheable: visit.account == nil)
    }

    /// An HTML answer with the security headers; pages of a signed-in visitor are never stored by a cache.
    static func html(_ text: String, status: HTTPResponse.Status, cacheable: Bool) -> Response {
        var headers: HTTPFields = [.contentType: "text/html; charset=utf-8"]
        for (name, value) in securityHeaders { headers[name] = value }
        headers[.cacheControl] = cacheable ? "no-cache" : "no-store"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}
