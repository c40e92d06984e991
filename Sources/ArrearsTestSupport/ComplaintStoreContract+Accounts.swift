import ArrearsCore
import ArrearsStore
import Foundation

extension ComplaintStoreContract {
    static func smeAccount(_ id: String, code: String = "91330100716105852F", at iso: String = "2026-11-02T01:00:00Z") -> Account {
        Account(
            id: AccountID(id), name: "杭州示例建设有限公司", role: .sme, province: nil, department: nil, creditCode: try! CreditCode(code),
            createdAt: Fixtures.instant(iso), verifiedAt: Fixtures.instant(iso))
    }

    /// Accounts are created once with their log entry; one SME account per credit code, even when two race; a name signs in
    /// by account id or credit code; sessions end when revoked or expired, and revoking an account ends them all.
    public func accountsAndSessions() async throws {
        let store = try await makeStore()
        let auditor = Auditor(id: "admin", role: .admin, requestID: "req-1")
        try await store.createAccount(Self.smeAccount("sme-hz"), tokenDigest: nil, passwordHash: "$2b$04$hash", contact: nil, by: auditor)
        do {
            try await store.createAccount(
                Self.smeAccount("sme-hz", code: "91110108551385082Q"), tokenDigest: nil, passwordHash: nil, contact: nil, by: auditor)
            expect(false, "an account id in use is refused")
        } catch let error as StoreError {
            expect(error == .duplicate(Message("duplicate.account", ["id": "sme-hz"])), "refused as a duplicate id, got \(error)")
        }
        // Two registrations for one new credit code at once: exactly one account.
        let racing = try await withThrowingTaskGroup(of: Bool.self) { group in
            for index in 0..<6 {
                group.addTask {
                    do {
                        try await store.createAccount(
                            Self.smeAccount("sme-bj-\(index)", code: "91110108551385082Q"), tokenDigest: nil, passwordHash: "$2b$04$race",
                            contact: nil,
                            by: auditor)
                        return true
                    } catch StoreError.duplicate { return false }
                }
            }
            return try await group.reduce(0) { $0 + ($1 ? 1 : 0) }
        }
        expect(racing == 1, "six simultaneous registrations for one credit code make one account, made \(racing)")
        // Registering claims nothing: two unverified accounts may name the verified one's code, and neither owns it.
        for id in ["sme-bj-claim-1", "sme-bj-claim-2"] {
            let claim = Account(
                id: AccountID(id), name: "北京示例科技有限公司", role: .sme, province: nil, department: nil,
                creditCode: try CreditCode("91110108551385082Q"), createdAt: Fixtures.instant("2026-11-01T01:00:00Z"))
            try await store.createAccount(claim, tokenDigest: nil, passwordHash: "$2b$04$claim", contact: nil, by: auditor)
        }
        let signIn = try await store.signInRecord(login: "91110108551385082Q")
        expect(
            signIn?.account.id.rawValue.hasPrefix("sme-bj-") == true && signIn?.account.verifiedAt != nil,
            "a credit code signs in to its verified account, not to earlier unverified claims")
        do {
            _ = try await store.verifySME(AccountID("sme-bj-claim-1"), method: "licence-checked", evidence: "营业执照", at: Date(), by: auditor)
            expect(false, "a second account for a verified credit code was verified")
        } catch let error as StoreError {
            if case .duplicate = error {} else { expect(false, "refused as a duplicate, got \(error)") }
        }
        let owner = try await store.smeAccount(creditCode: try CreditCode("91110108551385082Q"))
        expect(owner?.rawValue.hasPrefix("sme-bj-") == true, "the credit code's account is the one that won, got \(String(describing: owner))")
        let byCode = try await store.signInRecord(login: "91330100716105852F")
        expect(byCode?.account.id == AccountID("sme-hz") && byCode?.passwordHash == "$2b$04$hash", "an SME signs in with its credit code")
        let byID = try await store.signInRecord(login: "sme-hz")
        expect(byID?.account.id == AccountID("sme-hz"), "and with its account id")
        let log = try await store.securityLog(after: 0, limit: 100, subject: "sme-hz")
        expect(
            log.map(\.action) == [.accountCreated] && log.first?.actor.requestID == "req-1" && log.first?.detail["signIn"] == "password",
            "the account's creation is logged once with who, the request and how it signs in, got \(log)")

        let start = Fixtures.instant("2026-11-02T02:00:00Z")
        for digest in ["digest-a", "digest-b"] {
            try await store.createSession(
                tokenDigest: digest, account: AccountID("sme-hz"), at: start, expiresAt: start.addingTimeInterval(3600), by: auditor)
        }
        expect(try await store.account(tokenDigest: "digest-a", at: start)?.id == AccountID("sme-hz"), "a session resolves to its account")
        expect(try await store.account(tokenDigest: "digest-a", at: start.addingTimeInterval(3601)) == nil, "an expired session does not")
        expect(try await store.revokeSession(tokenDigest: "digest-a", at: start), "signing out ends a session")
        expect(try await !store.revokeSession(tokenDigest: "digest-a", at: start), "and there is none to end twice")
        expect(try await store.account(tokenDigest: "digest-a", at: start) == nil, "a signed-out session resolves to nothing")
        // A password change keeps the session it came from and ends the others, in one logged step.
        try await store.createSession(
            tokenDigest: "digest-c", account: AccountID("sme-hz"), at: start, expiresAt: start.addingTimeInterval(3600), by: auditor)
        let ended = try await store.changePassword(
            of: AccountID("sme-hz"), passwordHash: "$2b$04$newhash", keeping: "digest-b", at: start, by: auditor)
        expect(ended == 1, "the change ends the other session, ended \(ended)")
        expect(try await store.account(tokenDigest: "digest-c", at: start) == nil, "the other session is over")
        expect(try await store.signInRecord(login: "sme-hz")?.passwordHash == "$2b$04$newhash", "the new hash signs in")
        let changes = try await store.securityLog(after: 0, limit: 100, subject: "sme-hz").filter { $0.action == .passwordChanged }
        expect(changes.count == 1 && changes.first?.detail["sessionsEnded"] == "1", "the change is logged, got \(changes)")
        let revoked = try await store.revokeTokens(of: AccountID("sme-hz"), at: start, by: auditor)
        expect(revoked == 1, "revoking the account ends its remaining session, ended \(revoked)")
        expect(try await store.account(tokenDigest: "digest-b", at: start) == nil, "after which its token resolves to nothing")
    }

    /// A month is published once per scope, reads back byte for byte with its checksum, and the publication is logged.
    public func publicationsAreFrozen() async throws {
        let store = try await makeStore()
        let october = try CSTMonth("2026-10")
        let body = #"{"month":"2026-10","monthly":{"registered":3}}"#
        let auditor = Auditor(id: "supervisor-zj", role: .supervisor, requestID: nil)
        let publication = StatisticsPublication(
            month: october, scope: Fixtures.region("330000"), publishedAt: Fixtures.instant("2026-11-02T01:00:00Z"), publishedBy: "浙江省中小企业局",
            body: body)
        try await store.publish(publication, by: auditor)
        do {
            try await store.publish(publication, by: auditor)
            expect(false, "a month is published once per scope")
        } catch let error as StoreError {
            if case .duplicate = error {} else { expect(false, "refused as a duplicate, got \(error)") }
        }
        let read = try await store.publication(month: october, scope: Fixtures.region("330000"))
        expect(read?.body == body && read?.checksum == publication.checksum && read?.isIntact == true, "it reads back as published")
        expect(try await store.publication(month: october, scope: nil) == nil, "the national scope is another publication")
        let log = try await store.securityLog(after: 0, limit: 10, subject: nil)
        expect(log.map(\.action) == [.statisticsPublished], "the publication is logged, got \(log.map(\.action))")

        // The public page's listing: newest month first, national before provinces, each scope's own documents.
        for (month, scope) in [("2026-09", nil), ("2026-10", nil), ("2026-08", "330000")] as [(String, String?)] {
            try await store.publish(
                StatisticsPublication(
                    month: try CSTMonth(month), scope: scope.map(Fixtures.region), publishedAt: Fixtures.instant("2026-11-02T02:00:00Z"),
                    publishedBy: "工业和信息化部", body: #"{"month":"\#(month)"}"#), by: auditor)
        }
        let months = try await store.publishedMonths(limit: 10).map { "\($0.month) \($0.scope?.code ?? "national")" }
        expect(
            months == ["2026-10 national", "2026-10 330000", "2026-09 national", "2026-08 330000"],
            "published months newest first, national first within a month, got \(months)")
        expect(try await store.publishedMonths(limit: 2).count == 2, "the listing is bounded")
        let zhejiang = try await store.publications(scope: Fixtures.region("330000"), limit: 10)
        expect(zhejiang.map(\.month.description) == ["2026-10", "2026-08"] && zhejiang.first?.body == body, "a province's own, newest first")
        let national = try await store.publications(scope: nil, limit: 1)
        expect(national.map(\.month.description) == ["2026-10"] && national.first?.isIntact == true, "national, the newest one")
    }

    /// Export rows come in registration order, page by page, within scope and the dates of receipt, contacts in full.
    public func exportRowsPageWithinScope() async throws {
        let store = try await makeStore()
        var numbers: [String] = []
        for iso in ["2026-11-02T01:00:00Z", "2026-11-03T01:00:00Z", "2026-11-04T01:00:00Z"] {
            let (complaint, event) = Fixtures.registered(at: iso)
            numbers.append(try await store.register(complaint, event: event, idempotency: nil).complaint.number)
        }
        let (other, otherEvent) = Fixtures.registered(Fixtures.filing(respondentRegion: "440000"), at: "2026-11-02T02:00:00Z")
        _ = try await store.register(other, event: otherEvent, idempotency: nil)
        var seen: [String] = []
        var after: Int64 = 0
        while true {
            let page = try await store.exportRows(receivedFrom: nil, through: nil, after: after, limit: 2, visibleTo: Fixtures.zhejiangIntake)
            guard let last = page.last else { break }
            seen += page.map(\.number)
            after = last.position
        }
        expect(seen == numbers, "the Zhejiang intake exports its three complaints in order, got \(seen)")
        let dated = try await store.exportRows(
            receivedFrom: Fixtures.date("2026-11-03"), through: Fixtures.date("2026-11-03"), after: 0, limit: 10, visibleTo: Fixtures.zhejiangIntake)
        expect(dated.map(\.number) == [numbers[1]], "the dates of receipt bound the rows, got \(dated.map(\.number))")
        expect(dated.first?.contact.phone == "0571-87000000", "rows carry the contact in full, for the caller to mask")
        let none = try await store.exportRows(receivedFrom: nil, through: nil, after: 0, limit: 10, visibleTo: Fixtures.admin)
        expect(none.isEmpty, "an admin exports no cases")
    }

    /// Imported histories are stored with their numbers and chained events, counted in the statistics, and a rerun adds
    /// nothing.
    public func importsAreIdempotent() async throws {
        let store = try await makeStore()
        let lifecycle = Fixtures.lifecycle
        var histories: [(Complaint, [ComplaintEvent])] = []
        for day in ["2026-10-12", "2026-10-13"] {
            let (complaint, event) = Fixtures.registered(
                Fixtures.filing(channel: .letter), id: "import-\(day)", by: Fixtures.zhejiangIntake, at: "\(day)T02:00:00Z")
            let (accepted, acceptance) = try lifecycle.apply(
                .accept(note: nil), to: complaint, by: Fixtures.zhejiangIntake, at: Fixtures.instant("\(day)T06:00:00Z"))
            histories.append((accepted, [event, acceptance]))
        }
        expect(try await store.importHistories(histories) == 2, "both histories are new")
        expect(try await store.importHistories(histories) == 0, "a rerun adds nothing")
        let page = try await store.queue(QueueQuery(), visibleTo: Fixtures.zhejiangIntake)
        expect(page.items.map(\.number) == ["ARR-2026-000001", "ARR-2026-000002"], "numbered in order, got \(page.items.map(\.number))")
        let events = try await store.events(of: ComplaintID("import-2026-10-12"), visibleTo: Fixtures.zhejiangIntake) ?? []
        expect(events.map(\.kind) == [.submitted, .accepted], "the history is stored whole")
        let report = try await store.auditReport(of: nil, visibleTo: nil)
        expect(report.broken == nil && report.events == 4, "imported events are chained, got \(report)")
        let october = try await store.monthlyStatistics(try CSTMonth("2026-10"), visibleTo: Fixtures.zhejiangIntake, breakdowns: false)
        expect(
            october.monthly.registered == 2 && october.monthly.accepted == 2,
            "the import counts in its month: \(october.monthly.registered) registered, \(october.monthly.accepted) accepted")
    }
}
