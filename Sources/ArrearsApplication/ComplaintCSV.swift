import ArrearsCore
import ArrearsMessages
import ArrearsStore
import Foundation

/// The complaint export's columns and rows (RFC 4180 quoting), in the reader's language: headers and values worded
/// (已办结, 建筑业, 微型企业), times in China Standard Time, and each coded value's code in a column of its own beside it,
/// so a program reads the same codes whatever the language.
struct ComplaintCSV {
    let words: Wording
    /// Words of the coded values met so far: an export repeats a few dozen codes a million times.
    private var labels: [String: String] = [:]

    init(_ words: Wording) {
        self.words = words
    }

    /// The columns, by catalogue id (`export.column.<id>`); a `-code` column holds the code of the one before it.
    static let columns = [
        "number", "state", "state-code", "received", "intake-province", "department", "amount-claimed", "complainant", "credit-code", "industry",
        "industry-code", "size", "size-code", "contact-person", "contact-phone", "contact-email", "respondent", "respondent-kind",
        "respondent-kind-code", "respondent-level", "respondent-level-code", "respondent-region", "channel", "channel-code",
    ]

    var header: String { Self.columns.map { words("export.column." + $0) }.joined(separator: ",") }

    mutating func append(_ row: ComplaintExportRow, fullContacts: Bool, to bytes: inout [UInt8]) {
        let contact = fullContacts ? row.contact : row.contact.masked
        let fields = [
            row.number, label("state.", row.state), row.state, Self.chinaTime(row.receivedAt), row.intakeProvince ?? "",
            row.handlingDepartment ?? "", row.amountClaimed.decimalYuan, row.complainant, row.complainantCode, label("industry.", row.industry),
            row.industry, label("size.", row.size), row.size, contact.person, contact.phone, contact.email ?? "", row.respondent,
            label("respondent-kind.", row.respondentKind), row.respondentKind, label("level.", row.respondentLevel), row.respondentLevel,
            row.respondentRegion, label("channel.", row.channel), row.channel,
        ]
        for (index, field) in fields.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            Self.append(field, to: &bytes)
        }
        bytes.append(contentsOf: [UInt8(ascii: "\r"), UInt8(ascii: "\n")])
    }

    /// A code's words, remembered.
    private mutating func label(_ family: String, _ code: String) -> String {
        let id = family + code
        if let known = labels[id] { return known }
        let worded = words(id)
        labels[id] = worded
        return worded
    }

    /// A stored UTC instant as China Standard Time, `2026-12-01 09:30:00`: the time the officials keep.
    static func chinaTime(_ utc: String) -> String {
        guard let instant = try? StoreCoding.instant(utc) else { return utc }
        let seconds = Int64(instant.timeIntervalSince1970.rounded(.down)) + 8 * 3600
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let inDay = Int(seconds - days * 86_400)
        let day = CSTDate(dayNumber: Int(days)).description
        return "\(day) \((inDay / 3600).zeroPadded(2)):\((inDay / 60 % 60).zeroPadded(2)):\((inDay % 60).zeroPadded(2))"
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
