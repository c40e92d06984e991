import ArrearsApplication
import ArrearsCore
import ArrearsSQLite
import ArrearsStore
import ArrearsTestSupport
import Foundation
import Testing

/// The application layer called as a second edge (the web pages) will call it: domain values in, domain values or a
/// `Refusal` out, on a real SQLite file, with no HTTP in between.
@Suite("The platform without an edge")
struct PlatformTests {
    init() {}

    let clock = FixedInstantSource("2026-11-02T01:30:00Z")

    func platform(submissionsPerMinute: Int = 120, at now: String? = nil) throws -> (Platform, SQLiteComplaintStore) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("arrears-platform-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let store = try SQLiteComplaintStore.open(path: folder.appendingPathComponent("arrears.sqlite").path)
        let platform = Platform(
            store: store, vault: try EvidenceVault(directory: folder.appendingPathComponent("evidence").path), rules: Fixtures.rules,
            sizes: Fixtures.sizes, regions: Fixtures.regions, clock: now.map { FixedInstantSource($0) } ?? clock,
            limits: AbuseLimits(
                sessionHours: 12, passwordCost: 4, signInAttempts: 5, submissionsPerMinute: submissionsPerMinute, registrationsPerHour: 10),
            evidenceLimits: EvidenceLimits(file: 1 << 20, complaint: 1 << 22), tokenCacheSeconds: 2, statisticsDocument: { "\($0.month)" })
        return (platform, store)
    }

    func caller(_ actor: Actor, creditCode: String? = nil) -> Caller {
        Caller(
            account: Account(
                id: actor.account, name: actor.name ?? actor.account.rawValue, role: actor.role, province: actor.province,
                department: actor.department, creditCode: creditCode.map { try! CreditCode($0) }, createdAt: clock.now()),
            address: "203.0.113.7", requestID: "req-1")
    }

    @Test("A form filed twice with one key (double click, back button) makes one complaint, even past the filing limit")
    func filingOnce() async throws {
        let (platform, _) = try platform(submissionsPerMinute: 1)
        let sme = caller(Fixtures.sme, creditCode: "91330100716105852F")
        guard case let .created(first) = try await platform.file(Fixtures.filing(), idempotencyKey: "form-7f3a", by: sme) else {
            Issue.record("the first submission creates the complaint")
            return
        }
        #expect(first.complaint.number == "ARR-2026-000001")
        #expect(first.complaint.deadline?.dueOn == Fixtures.date("2026-11-16"), "10 working days from Monday 2026-11-02")
        #expect(first.contact.phone == "0571-87000000", "the complainant sees its own contact in full")
        guard case let .replayed(again) = try await platform.file(Fixtures.filing(), idempotencyKey: "form-7f3a", by: sme) else {
            Issue.record("the second submission replays the first")
            return
        }
        #expect(again.complaint.id == first.complaint.id)
        await #expect(throws: Refusal.tooMany("filings-by-account", retryAfter: 60)) {
            _ = try await platform.file(Fixtures.filing(), idempotencyKey: "form-8b21", by: sme)
        }
    }

    @Test("Officials see the contact masked; an SME filing under another company's code is refused naming the field")
    func viewing() async throws {
        let (platform, _) = try platform()
        let filed = try await platform.file(
            Fixtures.filing(), idempotencyKey: nil, by: caller(Fixtures.sme, creditCode: "91330100716105852F")
        ).view
        let seen = try await platform.view(filed.complaint.id, by: caller(Fixtures.zhejiangIntake))
        #expect(seen.contact.phone == "057*-****0000")
        do {
            _ = try await platform.file(Fixtures.filing(), idempotencyKey: nil, by: caller(Fixtures.otherSME, creditCode: "91110108551385082Q"))
            Issue.record("an SME files under its own code only")
        } catch let refusal as Refusal {
            #expect(refusal.violations.map(\.rule) == ["complainant.is-account"])
        }
        await #expect(throws: Refusal.complaintNotFound) { _ = try await platform.view(filed.complaint.id, by: caller(Fixtures.guangdongIntake)) }
    }

    @Test("What the permission table withholds is refused as not permitted, before any store is read")
    func permissions() async throws {
        let (platform, _) = try platform()
        let sme = caller(Fixtures.sme, creditCode: "91330100716105852F")
        await #expect(throws: Refusal.notPermitted(action: "read-statistics", role: .sme)) {
            _ = try await platform.statistics(try CSTMonth("2026-10"), breakdowns: false, by: sme)
        }
        await #expect(throws: Refusal.notPermitted(action: "read-security-log", role: .supervisor)) {
            _ = try await platform.securityLog(after: 0, limit: nil, subject: nil, by: caller(Fixtures.zhejiangSupervisor))
        }
        await #expect(throws: Refusal.unauthenticated) {
            _ = try await platform.view(ComplaintID("ARR-2026-000001"), by: Caller(account: nil, address: nil, requestID: nil))
        }
    }

    @Test("Registering, signing in and out: the password policy, the decoy for unknown names, the throttle after five failures")
    func signingIn() async throws {
        let (platform, _) = try platform()
        let anonymous = Caller(account: nil, address: "198.51.100.4", requestID: nil)
        let contact = Contact(person: "李娜", phone: "021-62000000", email: nil)
        await #expect(throws: Refusal.invalid([PasswordPolicy.violation("short")!])) {
            _ = try await platform.registerSME(
                name: "上海示例科技有限公司", creditCode: "91310000132260250X", contact: contact, password: "short", by: anonymous)
        }
        let account = try await platform.registerSME(
            name: "上海示例科技有限公司", creditCode: "91310000132260250X", contact: contact, password: "correct horse battery", by: anonymous)
        let session = try await platform.signIn(login: "91310000132260250x", password: "correct horse battery", by: anonymous)
        #expect(session.account.id == account.id && session.expiresAt == Fixtures.instant("2026-11-02T13:30:00Z"))
        #expect(try await platform.account(tokenDigest: BearerToken.digest(session.token))?.id == account.id)
        for _ in 0..<5 {
            await #expect(throws: Refusal.signInRefused) {
                _ = try await platform.signIn(login: "91310000132260250X", password: "wrong", by: anonymous)
            }
        }
        await #expect(throws: Refusal.tooMany("sign-ins-by-account", retryAfter: 900)) {
            _ = try await platform.signIn(login: "91310000132260250X", password: "correct horse battery", by: anonymous)
        }
        let signedIn = Caller(account: account, address: "198.51.100.4", requestID: nil, tokenDigest: BearerToken.digest(session.token))
        try await platform.signOut(by: signedIn)
        #expect(try await platform.account(tokenDigest: BearerToken.digest(session.token)) == nil, "a signed-out session resolves to nothing")
    }
}
