import ArrearsAPI
import ArrearsCore
import ArrearsStore
import Foundation
import OpenAPIRuntime

extension ArrearsService {
    /// Rows read from the store per page; each page is one short read, so an export never holds a connection for long.
    static let exportPage = 5_000

    public func exportComplaints(_ input: Operations.ExportComplaints.Input) async throws -> Operations.ExportComplaints.Output {
        let account = try caller()
        guard [.intake, .handler, .supervisor].contains(account.role) else {
            throw TransitionError.roleNotPermitted(command: "export complaints", role: account.role)
        }
        let full = input.query.contacts == .full
        if full, ![.intake, .supervisor].contains(account.role) {
            throw FieldViolation(
                field: "contacts", rule: "contacts.not-permitted", detail: "only intake officers and supervisors may export contact details in full")
        }
        var check = ViolationCollector()
        let from = input.query.from.flatMap { text in check.field("from") { try CSTDate(text) } }
        let to = input.query.to.flatMap { text in check.field("to") { try CSTDate(text) } }
        try check.check()
        var detail = ["contacts": full ? "full" : "masked"]
        detail["from"] = from?.description
        detail["to"] = to?.description
        // Logged before a byte leaves: an export that cannot be logged is not served.
        try await audit.record(
            SecurityLogEntry(
                at: clock.now(), actor: Self.auditor(id: account.id.rawValue, role: account.role), action: .exported, subject: "complaints",
                detail: detail))
        let pager = ExportPager(store: exports, actor: account.actor, from: from, to: to, fullContacts: full)
        // One page per pull: the client's pace decides how fast pages are read, so memory stays one page.
        let chunks = AsyncThrowingStream<ArraySlice<UInt8>, any Error> { try await pager.next() }
        RequestValues.verbatimHeaders?.set(.contentDisposition, "attachment; filename=\"complaints.csv\"")
        return .ok(.init(body: .csv(HTTPBody(chunks, length: .unknown, iterationBehavior: .single))))
    }
}

/// Reads an export page by page, in registration order, and turns each page into CSV text. One page is read ahead while
/// the one before is written to the client, so the database and the socket work at once; memory stays two pages.
actor ExportPager {
    let store: any ComplaintExportStore
    let actor: Actor
    let from: CSTDate?
    let to: CSTDate?
    let fullContacts: Bool
    var position: Int64 = 0
    var started = false
    var finished = false
    var ahead: Task<ArraySlice<UInt8>?, any Error>?

    init(store: any ComplaintExportStore, actor: Actor, from: CSTDate?, to: CSTDate?, fullContacts: Bool) {
        self.store = store
        self.actor = actor
        self.from = from
        self.to = to
        self.fullContacts = fullContacts
    }

    /// The header (with a byte-order mark, for Excel) first, then one page of rows per call; nil at the end.
    func next() async throws -> ArraySlice<UInt8>? {
        if !started {
            started = true
            ahead = Task { try await self.page() }
            return ArraySlice([0xEF, 0xBB, 0xBF] + Array((ComplaintCSV.header.joined(separator: ",") + "\r\n").utf8))
        }
        guard let pending = ahead else { return nil }
        let current = try await pending.value
        ahead = current == nil || finished ? nil : Task { try await self.page() }
        return current
    }

    /// The next page as CSV; nil when there are no more rows.
    private func page() async throws -> ArraySlice<UInt8>? {
        let rows = try await store.exportRows(
            receivedFrom: from, through: to, after: position, limit: ArrearsService.exportPage, visibleTo: actor)
        guard let last = rows.last else {
            finished = true
            return nil
        }
        position = last.position
        if rows.count < ArrearsService.exportPage { finished = true }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(rows.count * 320)
        for row in rows { ComplaintCSV.append(row, fullContacts: fullContacts, to: &bytes) }
        return ArraySlice(bytes)
    }
}

/// The complaint export's columns and rows (RFC 4180 quoting).
enum ComplaintCSV {
    static let header = [
        "编号", "状态", "登记时间(UTC)", "受理省份", "处理部门", "投诉金额(元)", "投诉企业", "统一社会信用代码", "行业", "规模", "联系人", "联系电话", "电子邮箱",
        "被投诉方", "被投诉方类型", "被投诉方层级", "被投诉方地区", "渠道",
    ]

    static func append(_ row: ComplaintExportRow, fullContacts: Bool, to bytes: inout [UInt8]) {
        let contact = fullContacts ? row.contact : row.contact.masked
        let fields = [
            row.number, row.state, row.receivedAt, row.intakeProvince ?? "", row.handlingDepartment ?? "", row.amountClaimed.decimalYuan,
            row.complainant,
            row.complainantCode, row.industry, row.size, contact.person, contact.phone, contact.email ?? "", row.respondent, row.respondentKind,
            row.respondentLevel, row.respondentRegion, row.channel,
        ]
        for (index, field) in fields.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            append(field, to: &bytes)
        }
        bytes.append(contentsOf: [UInt8(ascii: "\r"), UInt8(ascii: "\n")])
    }

    /// One field, quoted when it holds a comma, quote or line break (RFC 4180), and with a leading `'` when it starts
    /// like a spreadsheet formula (`=`, `+`, `-`, `@`): names and phones are typed by the public, and Excel would run
    /// them (OWASP "CSV injection"). Bytes, not Characters: this runs a million times per export.
    static func append(_ field: String, to bytes: inout [UInt8]) {
        var field = field
        field.withUTF8 { utf8 in
            let formula =
                utf8.first.map { [UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 0x09, 0x0D].contains($0) } ?? false
            let quoted = utf8.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D }
            if quoted { bytes.append(UInt8(ascii: "\"")) }
            if formula { bytes.append(UInt8(ascii: "'")) }
            if quoted {
                for byte in utf8 {
                    if byte == UInt8(ascii: "\"") { bytes.append(byte) }
                    bytes.append(byte)
                }
                bytes.append(UInt8(ascii: "\""))
            } else {
                bytes.append(contentsOf: utf8)
            }
        }
    }
}
