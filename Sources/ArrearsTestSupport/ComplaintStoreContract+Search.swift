import ArrearsCore
import ArrearsStore
import Foundation

extension ComplaintStoreContract {
    /// Search by two characters of a name, a credit code's beginning, a number, a contract number, amounts and dates,
    /// within scope, and never across two fields.
    public func searchFindsWithinScope() async throws {
        let store = try await makeStore()
        let intake = Fixtures.zhejiangIntake
        func file(_ iso: String, _ filing: ComplaintFiling, by actor: Actor = Fixtures.sme) async throws -> Complaint {
            let (complaint, event) = Fixtures.registered(filing, by: actor, at: iso)
            return try await store.register(complaint, event: event, idempotency: nil).complaint
        }
        var small = Fixtures.filing(overdue: 1_000_000)
        small.respondent.name = "浙江省示例职业技术学院"
        let a = try await file("2026-10-15T02:00:00Z", small)
        var other = Fixtures.filing(complainantCode: "91110108551385082Q")
        other.complainant.name = "北京云杉软件有限公司"
        other.respondent.name = "浙江省交通运输厅"
        other.respondent.kind = .governmentOrgan
        other.contracts[0].number = "JT-2026-0042"
        let b = try await file("2026-11-10T02:00:00Z", other, by: Fixtures.otherSME)
        // Outside Zhejiang's scope, though its name matches.
        let c = try await file(
            "2026-11-12T02:00:00Z", Fixtures.filing(complainantCode: "91110108551385082Q", respondentRegion: "440300", level: .city),
            by: Fixtures.otherSME)

        func found(_ text: String? = nil, amountFrom: Int64? = nil, amountTo: Int64? = nil, from: String? = nil, to: String? = nil) async throws
            -> [ComplaintID]
        {
            var query = QueueQuery(limit: 50)
            query.text = text.flatMap(SearchTerms.query)
            query.amountFrom = amountFrom.map { Fixtures.fen($0) }
            query.amountTo = amountTo.map { Fixtures.fen($0) }
            query.receivedFrom = from.map(Fixtures.date)
            query.receivedTo = to.map(Fixtures.date)
            return try await store.queue(query, visibleTo: intake).items.map(\.id)
        }
        expect(try await found("示例") == [a.id], "two characters of the complainant's name, in scope only")
        expect(try await found("云杉软件") == [b.id], "part of another complainant's name")
        expect(try await found("职业技术") == [a.id], "part of a respondent's name")
        expect(try await found("交通运输厅") == [b.id], "a respondent's whole name")
        expect(try await found("司浙") == [], "no phrase across two fields")
        expect(try await found("9111010855") == [b.id], "the beginning of a credit code")
        expect(try await found(b.number) == [b.id], "a complaint number")
        expect(try await found("JT-2026-0042") == [b.id], "a contract number")
        expect(try await found("ZJ-2025") == [a.id], "the beginning of a contract number")
        expect(try await found(amountFrom: 1_000_000, amountTo: 1_000_000) == [a.id], "an amount range")
        expect(try await found(amountFrom: 2_000_000) == [b.id], "at least ¥20,000")
        expect(try await found(from: "2026-11-10", to: "2026-11-10") == [b.id], "one CST day")
        expect(try await found("示例", from: "2026-11-01") == [], "filters combine")
        let everything = try await store.queue(QueueQuery(limit: 50), visibleTo: Actor(account: AccountID("cn"), role: .supervisor))
        expect(everything.items.map(\.id) == [a.id, b.id, c.id], "a national supervisor sees all three")
    }
}
