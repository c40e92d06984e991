import ArrearsAPI
import ArrearsApplication
import ArrearsCore
import ArrearsHTTP
import ArrearsStore
import ArrearsTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

/// Every role × every operation × a complaint in scope and one out of scope. Two complaints: Z (Zhejiang, filed by `sme`,
/// forwarded to ZJ-EDU) and G (Guangdong, filed by `otherSME`, forwarded to GD-GXT).
@Suite("Authorisation matrix")
struct AuthorizationMatrixTests {
    /// Who sees which complaint; everything else must be 404 and absent from every list and count.
    static let sees: [String: Set<String>] = [
        "sme": ["Z"], "otherSME": ["G"], "intake": ["Z"], "guangdongIntake": ["G"], "handler": ["Z"], "gdHandler": ["G"],
        "supervisor": ["Z"], "nationalSupervisor": ["Z", "G"], "admin": [],
    ]
    static let roleOf: [String: Role] = [
        "sme": .sme, "otherSME": .sme, "intake": .intake, "guangdongIntake": .intake, "handler": .handler, "gdHandler": .handler,
        "supervisor": .supervisor, "nationalSupervisor": .supervisor, "admin": .admin,
    ]

    /// An operation on one complaint: its path after `/v1/complaints/{id}`, a body that is valid whoever sends it, and the
    /// roles that may take it (within scope).
    struct ComplaintOperation {
        let id: String
        let method: HTTPRequest.Method
        let suffix: String
        let body: [String: Any]?
        let roles: Set<Role>
    }

    /// The accounts of no province: they hold what the table gives only national officials.
    static let national: Set<String> = ["nationalSupervisor", "admin"]

    /// The roles `Permission.table` gives a permission, for an operation on one complaint.
    static func roles(_ permission: Permission) -> Set<Role> {
        Set(Role.allCases.filter { permission.rule.roles.contains($0) && !permission.rule.nationalOnly.contains($0) })
    }

    /// The accounts `Permission.table` gives a permission, with their provinces.
    static func accounts(_ permission: Permission) -> Set<String> {
        Set(
            sees.keys.filter { name in
                let actor = Actor(
                    account: AccountID(name), role: roleOf[name]!, province: national.contains(name) ? nil : Fixtures.zhejiangIntake.province)
                return permission.isHeld(by: actor)
            })
    }

    static func transitionRoles(_ command: String) -> Set<Role> {
        Lifecycle.transitions.filter { $0.command == command }.reduce(into: Set<Role>()) { $0.formUnion($1.roles) }
    }

    static func complaintOperations(number: String) -> [ComplaintOperation] {
        let bodies: [(String, String, [String: Any])] = [
            ("requestSupplement", "request-supplement", ["items": "合同复印件"]), ("supplementComplaint", "supplement", ["material": "已补充合同"]),
            ("acceptComplaint", "accept", [:]), ("rejectComplaint", "reject", ["ground": "other_exclusion", "reason": "不属于受理范围"]),
            ("forwardComplaint", "forward", ["department": "ZJ-EDU", "overrideReason": "测试"]), ("returnComplaint", "return", ["reason": "非本部门职责"]),
            ("resolveComplaint", "resolve", ["outcome": "partly_paid", "amountPaid": 100, "summary": "已付部分"]),
            ("rateComplaint", "rate", ["rating": "satisfied"]), ("closeComplaint", "close", [:]),
            ("withdrawComplaint", "withdraw", ["reason": "已和解"]),
            ("reopenComplaint", "reopen", ["reason": "承诺未兑现"]), ("acknowledgeComplaint", "acknowledge", [:]),
            ("extendHandling", "extend", ["days": 10, "approvedBy": "张处长", "reason": "核实结算"]),
            ("escalateComplaint", "escalate", ["step": "supervision_notice", "text": "请说明付款安排"]),
            ("noteComplaint", "note", ["text": "已电话联系被投诉人财务处", "visibleToComplainant": true]),
            ("markDuplicate", "mark-duplicate", ["of": number]),
            ("notifyRespondent", "notify-respondent", ["method": "written_notice"]),
            ("recordFeedback", "record-feedback", ["text": "已安排付款"]),
            ("requestInformation", "request-information", ["question": "请提供验收单", "workingDays": 5]),
            ("answerInformation", "answer-information", ["answer": "验收单已上传"]),
            ("requestReview", "request-review", ["facts": "首期款至今未付"]),
            ("declineReview", "decline-review", ["reason": "首期款已到账"]),
            ("recordPayment", "record-payment", ["amount": 100, "paidOn": "2026-11-02"]),
            ("agreePaymentPlan", "payment-plan", ["instalments": [["dueOn": "2027-03-31", "amount": 100]]]),
        ]
        return bodies.map { ComplaintOperation(id: $0.0, method: .post, suffix: "/" + $0.1, body: $0.2, roles: transitionRoles($0.1)) } + [
            ComplaintOperation(id: "getComplaint", method: .get, suffix: "", body: nil, roles: roles(.readComplaints)),
            ComplaintOperation(id: "routeComplaint", method: .get, suffix: "/route", body: nil, roles: roles(.route)),
            ComplaintOperation(id: "listEvidence", method: .get, suffix: "/evidence", body: nil, roles: roles(.readComplaints)),
            ComplaintOperation(
                id: "attachEvidence", method: .post, suffix: "/evidence?name=x.pdf", body: nil, roles: transitionRoles("attach-evidence")),
            ComplaintOperation(id: "downloadEvidence", method: .get, suffix: "/evidence/{evidence}", body: nil, roles: roles(.readComplaints)),
            ComplaintOperation(id: "getComplaintContact", method: .get, suffix: "/contact", body: nil, roles: roles(.readComplaints)),
        ]
    }

    /// Operations on no one complaint: the accounts the permission table lets call them (everyone else 403).
    nonisolated(unsafe) static let otherOperations:
        [(id: String, method: HTTPRequest.Method, uri: String, body: [String: Any]?, roles: Set<String>)] = [
            ("getMe", .get, "/v1/me", nil, Set(sees.keys)),
            ("calculateDueDate", .get, "/v1/calendar/due?from=2026-09-24&length=10&unit=working_days", nil, Set(sees.keys)),
            ("listComplaints", .get, "/v1/complaints", nil, accounts(.readComplaints)),
            ("getMonthlyStatistics", .get, "/v1/statistics/monthly?month=2026-11", nil, accounts(.readStatistics)),
            ("getRoutingTable", .get, "/v1/routing", nil, accounts(.readRouting)),
            (
                "sizeTest", .post, "/v1/size-test", ["industry": "software", "employees": 120, "annualRevenue": 999_999_999],
                Set(sees.keys)
            ),
            ("verifyAudit", .get, "/v1/audit/verify", nil, accounts(.verifyAudit)),
            ("getSecurityLog", .get, "/v1/audit/log", nil, accounts(.readSecurityLog)),
            ("exportComplaints", .get, "/v1/exports/complaints", nil, accounts(.export)),
            ("revokeAccountTokens", .post, "/v1/accounts/nobody/revoke", [:], accounts(.manageAccounts)),
            ("verifySMEAccount", .post, "/v1/accounts/nobody/verification", ["evidence": "营业执照原件"], accounts(.verifySMEAccounts)),
            // Only SMEs verify themselves; the matrix's are verified already.
            ("requestVerificationCode", .post, "/v1/me/verification-code", [:], ["sme", "otherSME"]),
            ("verifyWithCode", .post, "/v1/me/verification", ["code": "123456"], ["sme", "otherSME"]),
            // Every account may change its own password; none of the matrix's has this one.
            (
                "changePassword", .post, "/v1/me/password", ["currentPassword": "not the password 2026", "newPassword": "a new password 2026"],
                Set(sees.keys)
            ),
            // Z's forwarding to ZJ-EDU left delivery 1 in the outbox.
            ("listWebhookDeliveries", .get, "/v1/webhooks/deliveries", nil, accounts(.manageWebhooks)),
            ("retryWebhookDelivery", .post, "/v1/webhooks/deliveries/1/retry", [:], accounts(.manageWebhooks)),
            // Each scope publishes October once: the second official of a scope is told it is published (409), not forbidden.
            ("publishStatistics", .post, "/v1/statistics/publications", ["month": "2026-10"], accounts(.publishStatistics)),
            (
                "createAccount", .post, "/v1/accounts",
                ["name": "测试账号", "role": "intake", "province": "330000", "password": "matrix-test-password"], accounts(.manageAccounts)
            ),
        ]

    @Test("The table the matrix reads gives the roles the README documents: national supervisors read the security log, handlers export")
    func tableIsTheDocumentedOne() {
        #expect(Self.accounts(.readSecurityLog) == ["nationalSupervisor", "admin"])
        #expect(Self.accounts(.export) == ["intake", "guangdongIntake", "handler", "gdHandler", "supervisor", "nationalSupervisor"])
        #expect(Self.accounts(.readStatistics) == ["intake", "guangdongIntake", "supervisor", "nationalSupervisor", "admin"])
        #expect(Self.accounts(.readRouting) == Set(Self.sees.keys).subtracting(["sme", "otherSME"]))
    }

    /// Open to anyone, or the same for every role: covered by the sign-in tests.
    static let roleIndependent: Set<String> = ["registerSME", "signIn", "signOut", "submitComplaint"]

    @Test("Every operation of the contract has a row in the matrix")
    func everyOperationCovered() throws {
        let document = try String(
            contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Schemas/openapi.yaml"),
            encoding: .utf8)
        let documented = Set(
            document.split(separator: "\n").compactMap { line -> String? in
                let text = line.trimmingCharacters(in: .whitespaces)
                return text.hasPrefix("operationId:") ? text.dropFirst("operationId:".count).trimmingCharacters(in: .whitespaces) : nil
            })
        let covered = Set(Self.complaintOperations(number: "").map(\.id) + Self.otherOperations.map(\.id)).union(Self.roleIndependent)
        #expect(documented == covered)
    }

    @Test(
        "Each role × each operation × in and out of scope answers as the roles and scopes say; lists and counts hold only the visible",
        arguments: HTTPHarness.Engine.available)
    func matrix(on engine: HTTPHarness.Engine) async throws {
        var harness = try await HTTPHarness.make(on: engine)
        let extra: [(String, Actor)] = [
            ("gdHandler", Actor(account: AccountID("handler-gd-gxt"), role: .handler, department: try DepartmentID("GD-GXT"))),
            ("nationalSupervisor", Actor(account: AccountID("supervisor-cn"), role: .supervisor)),
        ]
        for (name, actor) in extra {
            let token = BearerToken.generate()
            try await harness.store.createAccount(
                Account(
                    id: actor.account, name: name, role: actor.role, province: actor.province, department: actor.department, creditCode: nil,
                    createdAt: harness.clock.now()),
                tokenDigest: BearerToken.digest(token))
            harness.tokens[name] = token
        }
        let h = harness
        try await h.application().test(.router) { client in
            func send(
                _ account: String, _ method: HTTPRequest.Method, _ uri: String, _ body: [String: Any]?, ifMatch: String? = nil, raw: [UInt8]? = nil
            )
                async throws -> TestResponse
            {
                var headers = h.headers(account, ifMatch.map { ["If-Match": $0] } ?? [:])
                if let raw, raw.starts(with: Array("%PDF".utf8)) { headers[.contentType] = "application/pdf" }
                let bytes = try raw ?? body.map { [UInt8](try JSONSerialization.data(withJSONObject: $0)) }
                return try await client.execute(uri: uri, method: method, headers: headers, body: bytes.map { ByteBuffer(bytes: $0) })
            }
            // Z: the fixture filing; G: a Beijing SME against a Guangdong provincial institution.
            let z = try complaint(try await send("sme", .post, "/v1/complaints", nil, raw: Array(buffer: filingJSON())))
            let gFiling = filingJSON {
                set(&$0, ["complainant", "creditCode"], "91110108551385082Q")
                set(&$0, ["complainant", "region"], "110108")
                set(&$0, ["complainant", "name"], "北京示例软件有限公司")
                set(&$0, ["respondent", "name"], "广东省示例职业技术学院")
                set(&$0, ["respondent", "region"], "440000")
                set(&$0, ["respondent", "supervisingAuthority"], "广东省教育厅")
            }
            let g = try complaint(try await send("otherSME", .post, "/v1/complaints", nil, raw: Array(buffer: gFiling)))
            var numbers: [String: String] = [:]
            var evidence: [String: String] = [:]
            for (name, filed, intake, department, owner) in [
                ("Z", z, "intake", "ZJ-EDU", "sme"), ("G", g, "guangdongIntake", "GD-GXT", "otherSME"),
            ] {
                let number = filed.number
                numbers[name] = number
                #expect(try await send(intake, .post, "/v1/complaints/\(number)/accept", [:], ifMatch: "\"1\"").status == .ok)
                let forwarded = try await send(
                    intake, .post, "/v1/complaints/\(number)/forward", ["department": department, "overrideReason": "按职责转交"], ifMatch: "\"2\"")
                #expect(forwarded.status == .ok, "\(String(buffer: forwarded.body))")
                let attached = try await send(owner, .post, "/v1/complaints/\(number)/evidence?name=合同.pdf", nil, raw: acceptancePDF)
                evidence[name] = try decoded(Components.Schemas.Evidence.self, attached).id
            }

            // Lists, counts and audit reports hold exactly what each account may see.
            for (account, visible) in Self.sees {
                let listed = try decoded(Components.Schemas.ComplaintPage.self, try await send(account, .get, "/v1/complaints?state=forwarded", nil))
                #expect(Set(listed.items.map(\.number)) == Set(visible.compactMap { numbers[$0] }), "\(account) list")
                let statistics = try await send(account, .get, "/v1/statistics/monthly?month=2026-11", nil)
                if statistics.status == .ok, account != "admin" {
                    let registered = try decoded(Components.Schemas.MonthlyStatistics.self, statistics).monthly.registered
                    #expect(registered == visible.count, "\(account) statistics")
                }
                let export = try await send(account, .get, "/v1/exports/complaints", nil)
                if export.status == .ok {
                    let exported = Set(numbers.values.filter { String(buffer: export.body).contains($0) })
                    #expect(exported == Set(visible.compactMap { numbers[$0] }), "\(account) export")
                }
                let audit = try await send(account, .get, "/v1/audit/verify", nil)
                if audit.status == .ok, account != "admin" {
                    #expect(try decoded(Components.Schemas.AuditReport.self, audit).complaints == visible.count, "\(account) audit report")
                }
            }

            // Every complaint operation, by every account, on both complaints. A wrong If-Match makes an allowed
            // transition a 409, so nothing changes while every refusal before it is seen.
            for (account, visible) in Self.sees {
                let role = try #require(Self.roleOf[account])
                for target in ["Z", "G"] {
                    let number = numbers[target] ?? ""
                    for operation in Self.complaintOperations(number: number) {
                        let suffix = operation.suffix.replacingOccurrences(of: "{evidence}", with: evidence[target] ?? "")
                        let raw: [UInt8]? = operation.id == "attachEvidence" ? acceptancePDF : nil
                        let response = try await send(
                            account, operation.method, "/v1/complaints/\(number)\(suffix)", operation.body,
                            ifMatch: operation.method == .post && raw == nil ? "\"999\"" : nil, raw: raw)
                        let status = response.status.code
                        let cell = "\(account) \(operation.id) \(target): \(status) \(String(buffer: response.body).prefix(160))"
                        if !visible.contains(target) {
                            #expect(status == 404, "\(cell)")
                            #expect(!String(buffer: response.body).contains("示例职业技术学院"), "\(cell)")
                        } else if !operation.roles.contains(role) {
                            #expect(status == 403, "\(cell)")
                        } else if operation.method == .post && raw == nil {
                            #expect(status == 409 && String(buffer: response.body).contains("version-conflict"), "\(cell)")
                        } else {
                            #expect((200..<300).contains(status), "\(cell)")
                        }
                    }
                }
                for operation in Self.otherOperations {
                    let response = try await send(account, operation.method, operation.uri, operation.body)
                    let allowed = operation.roles.contains(account)
                    let answered =
                        switch operation.id {
                        case "publishStatistics": [201, 409].contains(response.status.code)
                        // There is no account "nobody": an official who may verify is told so, not forbidden.
                        case "verifySMEAccount": response.status == .notFound
                        case "requestVerificationCode", "verifyWithCode": response.status == .conflict
                        case "changePassword": String(buffer: response.body).contains("password.current-wrong")
                        default: (200..<300).contains(response.status.code)
                        }
                    #expect(allowed ? answered : response.status == .forbidden, "\(account) \(operation.id): \(response.status.code)")
                }
            }
        }
    }
}
