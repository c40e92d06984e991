import ArrearsApplication
import ArrearsCore
import ArrearsStore
import Foundation
import HTTPTypes
import Hummingbird

/// The filing pages' routes: answers are saved to the server-side draft on every page, checked page by page with the
/// rules registration applies, and filed once from the check page (the draft's id is the Idempotency-Key, so a double
/// click, the back button or a retry files once).
struct FilingRoutes {
    let platform: Platform
    let portal: PortalRoutes

    func register<Context: RequestContext>(on router: Router<Context>) {
        router.get("/file") { _, _ in
            let visit = try PortalRoutes.signedIn()
            let open = try await platform.drafts(by: visit.caller).filter { $0.answers[FilingPages.filedKey] == nil }
            return FilingPages.start(visit, drafts: open).response(visit)
        }
        router.post("/file") { request, context in
            let visit = try PortalRoutes.signedIn()
            _ = try await portal.form(request, context)
            let draft = try await platform.startDraft(by: visit.caller)
            return Response(status: .seeOther, headers: [.location: "/file/\(draft.id)"])
        }
        router.get("/file/:draft") { _, context in
            let visit = try PortalRoutes.signedIn()
            let draft = try await platform.draft(context.parameters.get("draft") ?? "", by: visit.caller)
            if let number = draft.answers[FilingPages.filedKey] {
                return Response(status: .seeOther, headers: [.location: "/complaints/\(number)/filed"])
            }
            return FilingPages.tasks(visit, draft, files: platform.draftFiles(draft), regions: platform.regions).response(visit)
        }
        router.get("/file/:draft/section/:section") { request, context in
            let visit = try PortalRoutes.signedIn()
            let draft = try await platform.draft(context.parameters.get("draft") ?? "", by: visit.caller)
            let (section, heading) = try Self.section(context.parameters.get("section") ?? "", visit)
            return FilingPages.section(
                visit, draft, section, action: request.uri.path, heading: heading, returnTo: request.uri.queryParameters.get("return") ?? ""
            ).response(visit)
        }
        router.post("/file/:draft/section/:section") { request, context in
            let visit = try PortalRoutes.signedIn()
            let (section, heading) = try Self.section(context.parameters.get("section") ?? "", visit)
            return try await save(request, context, section: section, heading: heading)
        }
        router.post("/file/:draft/contract") { request, context in
            let visit = try PortalRoutes.signedIn()
            _ = try await portal.form(request, context)
            let draft = try await platform.draft(context.parameters.get("draft") ?? "", by: visit.caller)
            let next = FilingQuestions.contractCount(draft.answers)
            return Response(status: .seeOther, headers: [.location: "/file/\(draft.id)/contract/\(next)"])
        }
        router.get("/file/:draft/contract/:index") { request, context in
            let visit = try PortalRoutes.signedIn()
            let draft = try await platform.draft(context.parameters.get("draft") ?? "", by: visit.caller)
            let index = try Self.contractIndex(context, draft)
            return FilingPages.section(
                visit, draft, FilingQuestions.contract(index), action: request.uri.path,
                heading: visit.words("portal.section.contract", ["number": "\(index + 1)"]),
                returnTo: request.uri.queryParameters.get("return") ?? "",
                remove: index < FilingQuestions.contractCount(draft.answers) ? "/file/\(draft.id)/contract/\(index)/remove" : nil
            ).response(visit)
        }
        router.post("/file/:draft/contract/:index") { request, context in
            let visit = try PortalRoutes.signedIn()
            let draft = try await platform.draft(context.parameters.get("draft") ?? "", by: visit.caller)
            let index = try Self.contractIndex(context, draft)
            return try await save(
                request, context, section: FilingQuestions.contract(index),
                heading: visit.words("portal.section.contract", ["number": "\(index + 1)"]))
        }
        router.post("/file/:draft/contract/:index/remove") { request, context in
            let visit = try PortalRoutes.signedIn()
            _ = try await portal.form(request, context)
            var draft = try await platform.draft(context.parameters.get("draft") ?? "", by: visit.caller)
            let index = try Self.contractIndex(context, draft)
            // Later contracts move up one place.
            let count = FilingQuestions.contractCount(draft.answers)
            var answers = draft.answers.filter { !$0.key.hasPrefix("contracts[") }
            var kept = 0
            for old in 0..<count where old != index {
                for (key, value) in draft.answers where key.hasPrefix("contracts[\(old)].") {
                    answers["contracts[\(kept)]." + key.dropFirst("contracts[\(old)].".count)] = value
                }
                kept += 1
            }
            draft.answers = answers
            _ = try await platform.saveDraft(draft, by: visit.caller)
            return Response(status: .seeOther, headers: [.location: "/file/\(draft.id)"])
        }
        router.get("/file/:draft/files") { request, context in
            let visit = try PortalRoutes.signedIn()
            let draft = try await platform.draft(context.parameters.get("draft") ?? "", by: visit.caller)
            return FilingFilesPage.page(
                visit, draft, files: platform.draftFiles(draft), limits: platform.evidenceLimits,
                returnTo: request.uri.queryParameters.get("return") ?? ""
            ).response(visit)
        }
        router.post("/file/:draft/files") { request, context in try await upload(request, draft: context.parameters.get("draft") ?? "") }
        router.post("/file/:draft/files/:index/remove") { request, context in
            let visit = try PortalRoutes.signedIn()
            let fields = try await portal.form(request, context)
            let id = context.parameters.get("draft") ?? ""
            _ = try await platform.removeDraftFile(Int(context.parameters.get("index") ?? "") ?? -1, from: id, by: visit.caller)
            return Response(status: .seeOther, headers: [.location: "/file/\(id)/files" + (fields["return"] == "check" ? "?return=check" : "")])
        }
        router.get("/file/:draft/check") { _, context in
            let visit = try PortalRoutes.signedIn()
            let draft = try await platform.draft(context.parameters.get("draft") ?? "", by: visit.caller)
            switch FilingForm(answers: draft.answers, regions: platform.regions).filing(today: platform.today) {
            case let .success(filing):
                return FilingPages.check(visit, draft, filing, files: platform.draftFiles(draft), findings: platform.eligibility(of: filing))
                    .response(visit)
            case .failure:
                return Response(status: .seeOther, headers: [.location: "/file/\(draft.id)"])
            }
        }
        router.post("/file/:draft/submit") { request, context in
            let visit = try PortalRoutes.signedIn()
            _ = try await portal.form(request, context)
            let id = context.parameters.get("draft") ?? ""
            let draft = try await platform.draft(id, by: visit.caller)
            if let number = draft.answers[FilingPages.filedKey] {
                return Response(status: .seeOther, headers: [.location: "/complaints/\(number)/filed"])
            }
            let filing: ComplaintFiling
            switch FilingForm(answers: draft.answers, regions: platform.regions).filing(today: platform.today) {
            case let .success(checked): filing = checked
            case .failure: return Response(status: .seeOther, headers: [.location: "/file/\(id)"])
            }
            let filed = try await platform.file(filing, idempotencyKey: "draft-" + id, by: visit.caller)
            try await platform.attachDraftFiles(draft, to: filed.view.complaint.id, by: visit.caller)
            // The draft remembers what it became: a second submission, the back button or a reload lands on the same
            // confirmation, and the draft leaves the list of drafts to resume.
            var done = try await platform.draft(id, by: visit.caller)
            done.answers[FilingPages.filedKey] = filed.view.complaint.number
            _ = try await platform.saveDraft(done, by: visit.caller)
            return Response(status: .seeOther, headers: [.location: "/complaints/\(filed.view.complaint.number)/filed"])
        }
        router.get("/complaints/:number/receipt") { _, context in
            let visit = try PortalRoutes.signedIn()
            let view = try await platform.view(ComplaintID(context.parameters.get("number") ?? ""), by: visit.caller)
            return ReceiptPage.page(visit, view).response(visit)
        }
        router.get("/complaints/:number/filed") { _, context in
            let visit = try PortalRoutes.signedIn()
            let view = try await platform.view(ComplaintID(context.parameters.get("number") ?? ""), by: visit.caller)
            return FilingPages.filed(visit, view).response(visit)
        }
    }

    /// Keeps an uploaded file with the draft; a refusal is shown beside the file field with the files kept so far.
    func upload(_ request: Request, draft id: String) async throws -> Response {
        let visit = try PortalRoutes.signedIn()
        guard let upload = try await Upload.read(request, limit: platform.evidenceLimits.file + 65_536) else {
            throw Refusal.evidence(.notAcceptedType)
        }
        guard visit.accepts(formToken: upload.fields["csrf"]) else { throw PortalRefusal.crossSite }
        let returnTo = upload.fields["return"] ?? ""
        do {
            let bytes = upload.file
            let content = EvidenceVault.whole(bytes)
            _ = try await platform.addDraftFile(to: id, named: upload.fileName, announcedBytes: bytes.count, content: content, by: visit.caller)
            return Response(status: .seeOther, headers: [.location: "/file/\(id)/files" + (returnTo == "check" ? "?return=check" : "")])
        } catch {
            guard let refusal = Refusal(error), refusal.status != 404, refusal.status != 403 else { throw error }
            let draft = try await platform.draft(id, by: visit.caller)
            var page = FilingFilesPage.page(
                visit, draft, files: platform.draftFiles(draft), limits: platform.evidenceLimits, returnTo: returnTo,
                errors: [(field: "file", message: visit.words(refusal.message))])
            page.status = HTTPResponse.Status(code: refusal.status)
            return page.response(visit)
        }
    }

    static func section(_ name: String, _ visit: Visit) throws -> (FilingQuestions.Section, String) {
        switch name {
        case "complainant": return (FilingQuestions.complainant, visit.words("portal.section.complainant"))
        case "respondent": return (FilingQuestions.respondent, visit.words("portal.section.respondent"))
        case "facts": return (FilingQuestions.facts, visit.words("portal.section.facts"))
        default: throw HTTPError(.notFound)
        }
    }

    /// A contract's place: an existing one, or the next one to add (never past the rule's limit).
    static func contractIndex<Context: RequestContext>(_ context: Context, _ draft: FilingDraft) throws -> Int {
        guard let index = Int(context.parameters.get("index") ?? ""), index >= 0, index <= FilingQuestions.contractCount(draft.answers),
            index < FilingQuestions.contractLimit
        else { throw HTTPError(.notFound) }
        return index
    }

    /// Saves a section's answers as typed, then shows the page again with its refusals, or moves on.
    func save<Context: RequestContext>(_ request: Request, _ context: Context, section: FilingQuestions.Section, heading: String) async throws
        -> Response
    {
        let visit = try PortalRoutes.signedIn()
        let fields = try await portal.form(request, context)
        var draft = try await platform.draft(context.parameters.get("draft") ?? "", by: visit.caller)
        for question in section.questions {
            let key = section.prefix + question.key
            draft.answers[key] = fields[key] ?? ""
        }
        draft = try await platform.saveDraft(draft, by: visit.caller)
        let violations = FilingForm(answers: draft.answers, regions: platform.regions).violations(of: section)
        guard violations.isEmpty else {
            var page = FilingPages.section(
                visit, draft, section, action: request.uri.path, heading: heading, returnTo: fields["return"] ?? "", errors: violations)
            page.status = .unprocessableContent
            return page.response(visit)
        }
        let next = fields["return"] == "check" ? "/file/\(draft.id)/check" : "/file/\(draft.id)"
        return Response(status: .seeOther, headers: [.location: next])
    }
}
