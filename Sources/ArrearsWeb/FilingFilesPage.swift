import ArrearsApplication
import ArrearsCore
import ArrearsMessages
import ArrearsStore
import Foundation

/// 证据材料 while filing: the files kept with the draft (each can be taken out again until the complaint is filed) and a
/// form to upload one more. A refused upload is shown beside the file field; what was kept before stays.
enum FilingFilesPage {
    static func page(
        _ visit: Visit, _ draft: FilingDraft, files: [DraftFile], limits: EvidenceLimits, returnTo: String,
        errors: [(field: String, message: String)] = []
    ) -> Page {
        let words = visit.words
        let view: [String: Any] = [
            "heading": words("portal.section.files"), "lead": words("portal.files.lead"), "draft": draft.id,
            "hint": words(
                "portal.files.hint",
                ["limit": .text(ComplaintPage.megabytes(limits.file)), "total": .text(ComplaintPage.megabytes(limits.complaint))]),
            "hasFiles": !files.isEmpty, "caption": words("portal.files.kept"), "nameColumn": words("portal.files.name"),
            "aboutColumn": words("portal.files.about"), "actionColumn": words("portal.files.action"),
            "files": files.map { file in
                [
                    "index": String(file.index), "name": file.name, "about": about(file, words),
                    "remove": words("portal.files.remove", ["name": .text(file.name)]),
                ]
            },
            "fileLabel": words("portal.attach.file"), "upload": words("portal.attach.submit"), "return": returnTo,
            "done": words(returnTo == "check" ? "portal.files.back-to-check" : "portal.files.done"),
            "doneHref": returnTo == "check" ? "/file/\(draft.id)/check" : "/file/\(draft.id)",
        ]
        var page = Page(title: words("portal.section.files"), template: "filing-files", view: view, current: "/file")
        page.errors = errors
        return page
    }

    /// "PDF，12,345字节": what was kept, as the check page and the list show it.
    static func about(_ file: DraftFile, _ words: Wording) -> String {
        words("portal.files.kind", ["type": .text(String(describing: file.type).uppercased()), "bytes": "\(file.bytes)"])
    }
}
