import Foundation
import Testing

/// `arrearsd import` of historical complaints from CSV and NDJSON, into a real database file.
@Suite("Importing historical complaints", .serialized)
struct ImportTests {
    static let header =
        "externalId,receivedAt,channel,complainant.name,complainant.creditCode,complainant.region,complainant.industry,complainant.declaredSize,"
        + "contact.person,contact.phone,contact.email,respondent.name,respondent.creditCode,respondent.kind,respondent.level,respondent.region,"
        + "respondent.supervisingAuthority,contract.number,contract.subject,contract.signedOn,contract.amount,contract.deliveredOn,"
        + "contract.paymentTermDays,contract.amountOverdue,facts,demand"

    static func row(_ id: String, channel: String, code: String = "91330100716105852F", region: String = "330000", amount: String = "45600000")
        -> String
    {
        "\(id),2025-11-03T09:30:00+08:00,\(channel),杭州示例建设有限公司,\(code),330100,construction,small,王芳,0571-87000000,wang.fang@example.cn,"
            + "浙江省示例职业技术学院,,public_institution,provincial,\(region),浙江省教育厅,ZJ-2025-0318,works,2025-03-18,128000000,2025-09-30,30,\(amount),"
            + "\"校园道路改造工程已于2025年9月30日验收合格，尾款至今未付。\",支付尾款及逾期利息。"
    }

    @Test("CSV: good rows imported, a bad one written to the rejects file by row, field and rule; a rerun adds nothing")
    func csv() throws {
        let directory = try ServerProcess.temporaryDirectory()
        let database = directory.appendingPathComponent("arrears.sqlite").path
        let file = directory.appendingPathComponent("2025年历史投诉.csv")
        let rows = [
            Self.header, Self.row("HZ-2025-0001", channel: "online"), Self.row("HZ-2025-0002", channel: "letter"),
            Self.row("HZ-2025-0003", channel: "online", code: "91330100716105852X", region: "339999"),
            Self.row("HZ-2025-0004", channel: "phone", amount: "45.6万"), Self.row("HZ-2025-0005", channel: "wechat"),
            Self.row("HZ-2025-0006", channel: "letter").replacingOccurrences(of: "2025-11-03T09:30:00+08:00", with: "2025-11-03 09:30"),
        ]
        try ("\u{FEFF}" + rows.joined(separator: "\r\n") + "\r\n").write(to: file, atomically: true, encoding: .utf8)
        // The company already has an account: its complaints, online or by letter, are imported as its own.
        let account = try Binaries.run(
            "arrearsd",
            [
                "account", "create", "--database", database, "--role", "sme", "--name", "杭州示例建设有限公司", "--id", "sme-hz-shili", "--credit-code",
                "91330100716105852F",
            ], in: directory)
        #expect(account.status == 0, "\(account.output)\(account.error)")
        let first = try Binaries.run("arrearsd", ["import", "--database", database, file.path], in: directory)
        #expect(first.status == 0 && first.output.contains("imported 2 new complaints (0 already there), 4 refused"), "\(first.output)\(first.error)")
        #expect(first.error.contains("imported 6 of about 6 rows (100%)"), "plain progress lines when not on a terminal: \(first.error)")
        let rejects = try String(contentsOf: directory.appendingPathComponent("2025年历史投诉.rejects.csv"), encoding: .utf8)
        #expect(rejects.contains("4,HZ-2025-0003,complainant.creditCode,credit-code.check-character"), "\(rejects)")
        #expect(rejects.contains("4,HZ-2025-0003,respondent.region,region.unknown"), "\(rejects)")
        #expect(rejects.contains("5,,contract.amountOverdue,import.integer"), "\(rejects)")
        #expect(rejects.contains("6,,channel,import.code,\"应为online, phone, fax, letter之一，收到“wechat”\""), "\(rejects)")
        #expect(rejects.contains("7,,receivedAt,import.instant"), "\(rejects)")
        let owners = try Binaries.run(
            "/usr/bin/python3",
            [
                "-c", "import sqlite3, sys; [print(r[0]) for r in sqlite3.connect(sys.argv[1]).execute(sys.argv[2])]", database,
                "SELECT channel || ':' || coalesce(complainant_account, '-') FROM complaints ORDER BY channel",
            ], in: directory)
        #expect(owners.output.split(separator: "\n") == ["letter:sme-hz-shili", "online:sme-hz-shili"], "\(owners.output)\(owners.error)")
        let again = try Binaries.run("arrearsd", ["import", "--database", database, file.path], in: directory)
        #expect(again.output.contains("imported 0 new complaints (2 already there), 4 refused"), "\(again.output)\(again.error)")
        let verified = try Binaries.run("arrearsd", ["audit", "verify", "--database", database], in: directory)
        #expect(verified.output.contains("audit chain intact: 2 complaints, 2 events"), "\(verified.output)")
    }

    @Test("NDJSON: a history of decisions is replayed through the lifecycle; one out of order is refused with the lifecycle's rule")
    func ndjson() throws {
        let directory = try ServerProcess.temporaryDirectory()
        let database = directory.appendingPathComponent("arrears.sqlite").path
        let filing = WalkthroughTests.filing.replacingOccurrences(of: "\n", with: " ")
        let lines = [
            #"{"externalId": "ZJ-2025-17", "receivedAt": "2025-11-03T09:30:00+08:00", "filing": \#(filing), "steps": ["#
                + #"{"command": "accept", "at": "2025-11-04T10:00:00+08:00"}, {"command": "forward", "at": "2025-11-05T10:00:00+08:00"}, "#
                + #"{"command": "acknowledge", "at": "2025-11-06T10:00:00+08:00"}, "#
                + #"{"command": "note", "at": "2025-11-07T10:00:00+08:00", "text": "已约谈学院财务处", "visibleToComplainant": true}, "#
                + #"{"command": "escalate", "at": "2025-11-10T10:00:00+08:00", "step": "supervision_notice", "text": "请于十日内付款"}, "#
                + #"{"command": "extend", "at": "2025-11-28T10:00:00+08:00", "days": 15, "approvedBy": "张处长", "reason": "核实结算"}, "#
                + #"{"command": "resolve", "at": "2025-12-10T10:00:00+08:00", "outcome": "paid_in_full", "amountPaid": 45600000, "summary": "已全额支付"}]}"#,
            #"{"externalId": "ZJ-2025-18", "receivedAt": "2025-11-03T09:30:00+08:00", "filing": \#(filing), "steps": ["#
                + #"{"command": "resolve", "at": "2025-11-20T10:00:00+08:00", "outcome": "paid_in_full", "amountPaid": 45600000, "summary": "已全额支付"}]}"#,
            // The respondent's notice and feedback, a request for information, payments and a plan, a poor rating and a review.
            #"{"externalId": "ZJ-2025-19", "receivedAt": "2025-11-03T09:30:00+08:00", "filing": \#(filing), "steps": ["#
                + #"{"command": "accept", "at": "2025-11-04T10:00:00+08:00"}, {"command": "forward", "at": "2025-11-05T10:00:00+08:00"}, "#
                + #"{"command": "notify-respondent", "at": "2025-11-06T10:00:00+08:00", "method": "written_notice", "note": "浙教函〔2025〕61号"}, "#
                + #"{"command": "record-feedback", "at": "2025-11-10T10:00:00+08:00", "text": "同意分期支付"}, "#
                + #"{"command": "request-information", "at": "2025-11-11T10:00:00+08:00", "question": "请提供验收单", "workingDays": 5}, "#
                + #"{"command": "answer-information", "at": "2025-11-12T10:00:00+08:00", "answer": "验收单已提交"}, "#
                + #"{"command": "record-payment", "at": "2025-11-14T10:00:00+08:00", "amount": 10000000, "paidOn": "2025-11-13"}, "#
                + #"{"command": "payment-plan", "at": "2025-11-20T10:00:00+08:00", "instalments": [{"dueOn": "2025-12-31", "amount": 10000000}, {"dueOn": "2026-01-31", "amount": 10000000}]}, "#
                + #"{"command": "record-payment", "at": "2026-01-05T10:00:00+08:00", "amount": 10000000, "paidOn": "2026-01-05", "contract": "ZJ-2025-0318"}, "#
                + #"{"command": "resolve", "at": "2026-01-06T10:00:00+08:00", "outcome": "payment_plan_agreed", "summary": "已付20万元，余款按计划支付"}, "#
                + #"{"command": "rate", "at": "2026-01-07T10:00:00+08:00", "rating": "very_dissatisfied", "comment": "余款未付"}, "#
                + #"{"command": "request-review", "at": "2026-01-08T10:00:00+08:00", "facts": "第二期未按期支付"}, "#
                + #"{"command": "decline-review", "at": "2026-01-15T10:00:00+08:00", "reason": "第二期尚未到期"}]}"#,
        ]
        let file = directory.appendingPathComponent("history.ndjson")
        try (lines.joined(separator: "\n") + "\n").write(to: file, atomically: true, encoding: .utf8)
        let result = try Binaries.run("arrearsd", ["import", "--database", database, file.path], in: directory)
        #expect(result.output.contains("imported 2 new complaints (0 already there), 1 refused"), "\(result.output)\(result.error)")
        let rejects = try String(contentsOf: directory.appendingPathComponent("history.rejects.csv"), encoding: .utf8)
        #expect(rejects.contains("2,ZJ-2025-18,,illegal-transition"), "\(rejects)")
        let verified = try Binaries.run("arrearsd", ["audit", "verify", "--database", database], in: directory)
        #expect(verified.output.contains("audit chain intact: 2 complaints, 22 events"), "\(verified.output)")
    }
}
