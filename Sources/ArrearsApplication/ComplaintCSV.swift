import ArrearsCore
import ArrearsStore

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
