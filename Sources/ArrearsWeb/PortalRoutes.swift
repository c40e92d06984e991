import ArrearsApplication
import ArrearsCore
import ArrearsStore
import Foundation
import HTTPTypes
import Hummingbird

/// The portal's routes: each reads the visit, asks the application layer, and renders a page.
struct PortalRoutes {
    let platform: Platform
    let bodyLimit: Int

    func register<Context: RequestContext>(on router: Router<Context>) {
        FilingRoutes(platform: platform, portal: self).register(on: router)
        AccountRoutes(platform: platform, portal: self).register(on: router)
        router.get("/") { _, _ in HomePage.page(Self.visit()).response(Self.visit()) }
        router.get("/static/portal.css") { _, _ in
            var headers: HTTPFields = [.contentType: "text/css; charset=utf-8", .cacheControl: "public, max-age=3600"]
            headers[HTTPField.Name("X-Content-Type-Options")!] = "nosniff"
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: Templates.stylesheet)))
        }
        router.get("/calculator") { request, _ in
            await CalculatorPage.page(Self.visit(), query: Self.query(request), platform: platform).response(Self.visit())
        }
        router.get("/size-test") { request, _ in
            SizeTestPage.page(Self.visit(), query: Self.query(request), platform: platform).response(Self.visit())
        }
        router.get("/statistics") { request, _ in
            try await StatisticsPage.page(Self.visit(), query: Self.query(request), platform: platform).response(Self.visit())
        }
        router.get("/sign-in") { request, _ in
            let visit = Self.visit()
            return SignInPage.page(visit, next: request.uri.queryParameters.get("next")).response(visit)
        }
        router.post("/sign-in") { request, context in try await signIn(request, context) }
        router.post("/sign-out") { request, context in try await signOut(request, context) }
        router.get("/complaints") { request, _ in
            let visit = try Self.signedIn()
            let cursor = try request.uri.queryParameters.get("after").map { try QueueCursor(token: $0) }
            let page = try await platform.queue(QueueQuery(after: cursor, limit: 50), by: visit.caller)
            return MyComplaintsPage.page(visit, page, today: platform.today).response(visit)
        }
        router.get("/complaints/:number") { request, context in
            let visit = try Self.signedIn()
            let number = context.parameters.get("number") ?? ""
            return try await complaintPage(number, visit, done: request.uri.queryParameters.get("done")).response(visit)
        }
        router.post("/complaints/:number/files") { request, context in
            try await attach(context.parameters.get("number") ?? "", request)
        }
        router.post("/complaints/:number/:action") { request, context in
            try await act(context.parameters.get("number") ?? "", context.parameters.get("action") ?? "", request, context)
        }
        router.get("/complaints/:number/files/:file") { _, context in
            let visit = try Self.signedIn()
            let file = try await platform.evidenceFile(
                EvidenceID(context.parameters.get("file") ?? ""), of: ComplaintID(context.parameters.get("number") ?? ""), by: visit.caller)
            return try FileDownload.response(file)
        }
    }

    static func visit() -> Visit {
        // The portal middleware sets it for every request it answers.
        Visit.current!
    }

    /// A GET form's fields (the last of a repeated name wins).
    static func query(_ request: Request) -> [String: String] {
        var query: [String: String] = [:]
        for (name, value) in request.uri.queryParameters { query[String(name)] = String(value) }
        return query
    }

    static func signedIn() throws -> Visit {
        let visit = visit()
        guard visit.account != nil else { throw PortalRefusal.signInNeeded }
        return visit
    }

    /// A posted form's fields, read within the body limit, after its token is checked against the visit's.
    func form<Context: RequestContext>(_ request: Request, _ context: Context) async throws -> [String: String] {
        let buffer = try await request.body.collect(upTo: bodyLimit)
        var fields: [String: String] = [:]
        for pair in String(buffer: buffer).split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1).map { String($0).replacingOccurrences(of: "+", with: " ") }
            guard let name = parts.first?.removingPercentEncoding else { continue }
            fields[name] = (parts.count > 1 ? parts[1] : "").removingPercentEncoding ?? ""
        }
        guard Self.visit().accepts(formToken: fields["csrf"]) else { throw PortalRefusal.crossSite }
        return fields
    }

    func signIn<Context: RequestContext>(_ request: Request, _ context: Context) async throws -> Response {
        let visit = Self.visit()
        let fields = try await form(request, context)
        let login = fields["login"] ?? ""
        let next = SignInPage.safeNext(fields["next"])
        var errors: [(String, String)] = []
        if login.trimmingCharacters(in: .whitespaces).isEmpty { errors.append(("login", visit.words("portal.sign-in.login-missing"))) }
        if (fields["password"] ?? "").isEmpty { errors.append(("password", visit.words("portal.sign-in.password-missing"))) }
        if errors.isEmpty {
            do {
                let session = try await platform.signIn(login: login, password: fields["password"] ?? "", by: visit.caller)
                // A new session at every sign-in; the one the browser held before ends.
                if visit.sessionToken != nil { try? await platform.signOut(by: visit.caller) }
                var response = Response(status: .seeOther, headers: [.location: next ?? "/complaints"])
                response.setCookie(Cookies.sessionCookie(session.token, expiresAt: session.expiresAt, now: Date(), secure: visit.secure))
                return response
            } catch let refusal as Refusal {
                guard case .signInRefused = refusal else { throw refusal }
                errors.append(("login", visit.words(refusal.message)))
            }
        }
        var page = SignInPage.page(visit, next: next, login: login)
        page.errors = errors
        page.status = .unprocessableContent
        return page.response(visit)
    }

    func complaintPage(
        _ number: String, _ visit: Visit, typed: [String: String] = [:], errors: [(field: String, message: String)] = [], done: String? = nil
    ) async throws -> Page {
        let view = try await platform.view(ComplaintID(number), by: visit.caller)
        let files = try await platform.evidence(of: view.complaint.id, by: visit.caller)
        return ComplaintPage.page(visit, view, files: files, typed: typed, errors: errors, done: done)
    }

    /// An action on the complaint page: taken on the version the page showed (a stale one is refused, as in the API);
    /// a withdrawal first asks to confirm, since it cannot be undone.
    func act<Context: RequestContext>(_ number: String, _ name: String, _ request: Request, _ context: Context) async throws -> Response {
        let visit = try Self.signedIn()
        let fields = try await form(request, context)
        guard ComplaintActions.all.contains(where: { $0.name == name }) else { throw PortalRefusal.noSuchAction }
        let version = Int(fields["version"] ?? "") ?? 0
        do {
            let command = try ComplaintActions.command(name, fields)
            if name == "withdraw", fields["confirm"] != "yes" {
                // The reason is checked now, so the confirmation never follows a refusal.
                _ = try Lifecycle.checkedText(fields["reason"] ?? "", "reason")
                return WithdrawConfirmation.page(visit, number: number, version: version, reason: fields["reason"] ?? "").response(visit)
            }
            _ = try await platform.decide(command, on: ComplaintID(number), expectedVersion: version, by: visit.caller)
            return Response(status: .seeOther, headers: [.location: "/complaints/\(number)?done=\(name)"])
        } catch {
            guard let refusal = Refusal(error), refusal.status != 404, refusal.status != 403 else { throw error }
            let errors =
                refusal.violations.isEmpty
                ? [(field: "action-" + name, message: visit.words(refusal.message))]
                : refusal.violations.map { (field: $0.field, message: visit.words($0.message)) }
            var page = try await complaintPage(number, visit, typed: fields, errors: errors)
            page.status = HTTPResponse.Status(code: refusal.status)
            return page.response(visit)
        }
    }

    /// A file added from the complaint page: the same upload, checks and allowance as the API's (type by content,
    /// structure, sizes), the form's token checked before anything is kept.
    func attach(_ number: String, _ request: Request) async throws -> Response {
        let visit = try Self.signedIn()
        // The file's limit and a little for the form's other fields; a larger body is refused unread.
        guard let upload = try await Upload.read(request, limit: platform.evidenceLimits.file + 65_536) else {
            throw Refusal.evidence(.notAcceptedType)
        }
        guard visit.accepts(formToken: upload.fields["csrf"]) else { throw PortalRefusal.crossSite }
        do {
            let bytes = upload.file
            let content = EvidenceVault.whole(bytes)
            _ = try await platform.attachEvidence(
                to: ComplaintID(number), named: upload.fileName, announcedBytes: bytes.count, content: content, by: visit.caller)
            return Response(status: .seeOther, headers: [.location: "/complaints/\(number)?done=files"])
        } catch {
            guard let refusal = Refusal(error), refusal.status != 404, refusal.status != 403 else { throw error }
            var page = try await complaintPage(number, visit, errors: [(field: "file", message: visit.words(refusal.message))])
            page.status = HTTPResponse.Status(code: refusal.status)
            return page.response(visit)
        }
    }

    func signOut<Context: RequestContext>(_ request: Request, _ context: Context) async throws -> Response {
        _ = try await form(request, context)
        let visit = Self.visit()
        if visit.account != nil { try? await platform.signOut(by: visit.caller) }
        var response = Response(status: .seeOther, headers: [.location: "/"])
        response.setCookie(Cookies.expired(Cookies.session, secure: visit.secure))
        return response
    }
}
