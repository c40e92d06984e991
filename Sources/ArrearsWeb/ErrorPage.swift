import ArrearsApplication
import ArrearsMessages
import Foundation
import HTTPTypes
import Hummingbird

/// What a visitor sees when a page cannot be answered: in the reader's language, with the application layer's own
/// words for a refusal; a page that needs signing in sends the visitor to sign in and back.
enum ErrorPage {
    static func response(for error: any Error, request: Request, visit: Visit) -> Response {
        let words = visit.words
        switch error {
        case PortalRefusal.signInNeeded, Refusal.unauthenticated:
            let next = request.uri.path + (request.uri.query.map { "?" + $0 } ?? "")
            let encoded = next.addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed.subtracting(["&", "=", "?", "+"])) ?? "/"
            return Response(status: .seeOther, headers: [.location: "/sign-in?next=" + encoded])
        case PortalRefusal.crossSite:
            return page(words("portal.error.cross-site.heading"), words("portal.error.cross-site.text"), status: .forbidden, visit)
        case let error as HTTPError where error.status == .notFound:
            return page(words("portal.error.not-found.heading"), words("portal.error.not-found.text"), status: .notFound, visit)
        case let error as HTTPError where error.status == .contentTooLarge:
            return page(words("portal.error.too-large.heading"), words("portal.error.too-large.text"), status: .contentTooLarge, visit)
        default:
            guard let refusal = Refusal(error) else {
                return page(words("portal.error.fault.heading"), words("portal.error.fault.text"), status: .internalServerError, visit)
            }
            // A complaint out of scope is "not found", as in the API: nobody learns it exists.
            let heading = refusal.status == 404 ? words("portal.error.not-found.heading") : words("portal.error.refused.heading")
            return page(heading, words(refusal.message), status: HTTPResponse.Status(code: refusal.status), visit)
        }
    }

    static func page(_ heading: String, _ text: String, status: HTTPResponse.Status, _ visit: Visit) -> Response {
        var page = Page(
            title: heading, template: "message",
            view: ["heading": heading, "text": text, "link": ["href": "/", "label": visit.words("portal.nav.home")]])
        page.status = status
        return page.response(visit)
    }
}
