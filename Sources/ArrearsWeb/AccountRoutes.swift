import ArrearsApplication
import ArrearsCore
import ArrearsStore
import Foundation
import HTTPTypes
import Hummingbird

/// Registration, the account page and verification by code, over the application layer's own account rules.
struct AccountRoutes {
    let platform: Platform
    let portal: PortalRoutes

    func register<Context: RequestContext>(on router: Router<Context>) {
        router.get("/register") { _, _ in
            let visit = PortalRoutes.visit()
            return AccountPages.register(visit).response(visit)
        }
        router.post("/register") { request, context in
            let visit = PortalRoutes.visit()
            let fields = try await portal.form(request, context)
            let password = fields["password"] ?? ""
            do {
                let contact = Contact(
                    person: fields["contact.person"] ?? "", phone: fields["contact.phone"] ?? "",
                    email: (fields["contact.email"] ?? "").isEmpty ? nil : fields["contact.email"])
                let account = try await platform.registerSME(
                    name: fields["name"] ?? "", creditCode: fields["creditCode"] ?? "", contact: contact, password: password, by: visit.caller)
                // Registered, then signed in as anyone is: a new session of its own.
                let session = try await platform.signIn(login: account.creditCode?.text ?? account.id.rawValue, password: password, by: visit.caller)
                var response = Response(status: .seeOther, headers: [.location: "/account"])
                response.setCookie(Cookies.sessionCookie(session.token, expiresAt: session.expiresAt, now: Date(), secure: visit.secure))
                return response
            } catch {
                guard let refusal = Refusal(error), case let .invalid(violations) = refusal else { throw error }
                var page = AccountPages.register(visit, typed: fields, errors: violations)
                page.status = .unprocessableContent
                return page.response(visit)
            }
        }
        router.get("/account") { _, _ in
            let visit = try PortalRoutes.signedIn()
            return AccountPages.account(visit, visit.account!).response(visit)
        }
        router.post("/account/code") { request, context in
            let visit = try PortalRoutes.signedIn()
            _ = try await portal.form(request, context)
            do {
                let sent = try await platform.requestVerificationCode(by: visit.caller)
                let notice = visit.words(
                    "portal.account.code-sent", ["to": .text(sent.sentTo.phone), "until": .text(visit.words.instant(sent.expiresAt))])
                return AccountPages.account(visit, visit.account!, notice: notice).response(visit)
            } catch {
                guard let refusal = Refusal(error), refusal.status != 404 else { throw error }
                var page = AccountPages.account(visit, visit.account!, codeError: visit.words(refusal.violations.first?.message ?? refusal.message))
                page.status = HTTPResponse.Status(code: refusal.status)
                return page.response(visit)
            }
        }
        router.get("/account/password") { _, _ in
            let visit = try PortalRoutes.signedIn()
            return AccountPages.password(visit).response(visit)
        }
        router.post("/account/password") { request, context in
            let visit = try PortalRoutes.signedIn()
            let fields = try await portal.form(request, context)
            do {
                let ended = try await platform.changePassword(
                    current: fields["currentPassword"] ?? "", new: fields["newPassword"] ?? "", by: visit.caller)
                return AccountPages.account(visit, visit.account!, notice: visit.words("portal.password.changed", ["count": "\(ended)"])).response(
                    visit)
            } catch {
                guard let refusal = Refusal(error), refusal.status == 422 || refusal.status == 429 else { throw error }
                let errors =
                    refusal.violations.isEmpty
                    ? [(field: "currentPassword", message: visit.words(refusal.message))]
                    : refusal.violations.map { (field: $0.field, message: visit.words($0.message)) }
                var page = AccountPages.password(visit, errors: errors)
                page.status = HTTPResponse.Status(code: refusal.status)
                return page.response(visit)
            }
        }
        router.post("/account/verify") { request, context in
            let visit = try PortalRoutes.signedIn()
            let fields = try await portal.form(request, context)
            do {
                let verified = try await platform.verifyWithCode(fields["code"] ?? "", by: visit.caller)
                let notice = visit.words("portal.account.now-verified", ["joined": "\(verified.complaintsJoined)"])
                return AccountPages.account(visit, verified.account, notice: notice).response(visit)
            } catch {
                guard let refusal = Refusal(error), refusal.status != 404 else { throw error }
                var page = AccountPages.account(visit, visit.account!, codeError: visit.words(refusal.violations.first?.message ?? refusal.message))
                page.status = HTTPResponse.Status(code: refusal.status)
                return page.response(visit)
            }
        }
    }
}
