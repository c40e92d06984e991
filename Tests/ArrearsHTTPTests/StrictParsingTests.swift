import ArrearsAPI
import ArrearsCore
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

/// Strict where the contract is strict: a body or a query the contract refuses is refused, naming the field or parameter
/// and the rule, before anything is done with it.
@Suite("Strict parsing of bodies and query parameters")
struct StrictParsingTests {
    /// A filing as raw text with one part replaced, so that numbers and syntax JSONSerialization would tidy stay as sent.
    static func rawFiling(replacing old: String, with new: String) -> ByteBuffer {
        let text = String(buffer: filingJSON())
        precondition(text.contains(old), "the fixture filing has no \(old)")
        return ByteBuffer(string: text.replacingOccurrences(of: old, with: new))
    }

    static let bodies: [(name: String, old: String, new: String, status: Int, field: String?, rule: String?)] = [
        ("a trailing comma", #""subject":"works"}"#, #""subject":"works",}"#, 400, nil, "json.syntax"),
        ("fen with a fraction", #""amountOverdue":45600000"#, #""amountOverdue":12.5"#, 400, "contracts[0].amountOverdue", "money.fen-integer"),
        ("fen in exponent form", #""amountOverdue":45600000"#, #""amountOverdue":1e20"#, 400, "contracts[0].amountOverdue", "money.fen-integer"),
        ("fen of 2^63", #""amount":128000000"#, #""amount":9223372036854775808"#, 400, "contracts[0].amount", "money.fen-integer"),
        ("fen as a string", #""amount":128000000"#, #""amount":"128000000""#, 400, "contracts[0].amount", "json.type"),
        ("days with a fraction", #""paymentTermDays":30"#, #""paymentTermDays":30.5"#, 400, "contracts[0].paymentTermDays", "days.integer"),
        ("a signed month in a date", #""signedOn":"2025-03-18""#, #""signedOn":"2025-+3-18""#, 422, "contracts[0].signedOn", "date.format"),
        ("a contract signed in 1900", #""signedOn":"2025-03-18""#, #""signedOn":"1900-03-18""#, 422, "contracts[0].signedOn", "date.too-early"),
        ("an SME filing by letter", #""channel":"online""#, #""channel":"letter""#, 422, "channel", "channel.officials-register"),
    ]

    @Test("A body the contract refuses is refused naming field and rule", arguments: 0..<bodies.count)
    func body(_ index: Int) async throws {
        let (name, old, new, status, field, rule) = Self.bodies[index]
        let harness = try await HTTPHarness.make()
        try await harness.application().test(.router) { client in
            let response = try await client.execute(
                uri: "/v1/complaints", method: .post, headers: harness.headers("sme"), body: Self.rawFiling(replacing: old, with: new))
            #expect(response.status.code == status, "\(name): \(String(buffer: response.body))")
            let found = try problem(response)
            #expect(found.fields == (field.map { [$0] } ?? []) || field == nil, "\(name): \(found.fields)")
            #expect(found.rules == (rule.map { [$0] } ?? []), "\(name): \(String(buffer: response.body))")
        }
        #expect(try harness.rowCounts() == [0, 0])
    }

    @Test("A lower-case credit code is accepted as the contract says, and stored upper-cased")
    func lowerCaseCreditCode() async throws {
        let harness = try await HTTPHarness.make()
        try await harness.application().test(.router) { client in
            let filed = try await client.execute(
                uri: "/v1/complaints", method: .post, headers: harness.headers("sme"),
                body: Self.rawFiling(replacing: "91330100716105852F", with: "91330100716105852f"))
            #expect(filed.status == .created, "\(String(buffer: filed.body))")
            #expect(try complaint(filed).filing.complainant.creditCode == "91330100716105852F")
        }
    }

    static let queries: [(uri: String, account: String, parameter: String, rule: String)] = [
        ("/v1/complaints?cursor=p-5", "intake", "cursor", "query.pattern"),
        ("/v1/complaints?cursor=p%2B5", "intake", "cursor", "query.pattern"),
        ("/v1/complaints?province=330100", "supervisor", "province", "query.pattern"),
        ("/v1/complaints?province=990000", "supervisor", "province", "region.unknown"),
        ("/v1/complaints?" + Array(repeating: "state=submitted", count: 9).joined(separator: "&"), "intake", "state", "query.max-items"),
        ("/v1/complaints?state=open", "intake", "state", "query.enum"),
        ("/v1/complaints?limit=201", "intake", "limit", "query.maximum"),
        ("/v1/complaints?limit=0", "intake", "limit", "query.minimum"),
        ("/v1/complaints?limit=12.5", "intake", "limit", "query.integer"),
        ("/v1/complaints?limit=10&limit=20", "intake", "limit", "query.repeated"),
        ("/v1/complaints?overdue=yes", "intake", "overdue", "query.boolean"),
        ("/v1/complaints?provnce=330000", "intake", "provnce", "query.unknown-parameter"),
        ("/v1/audit/verify?complaint=" + String(repeating: "a", count: 65), "supervisor", "complaint", "query.max-length"),
        ("/v1/audit/log?subject=" + String(repeating: "a", count: 101), "admin", "subject", "query.max-length"),
        ("/v1/audit/log?after=-1", "admin", "after", "query.minimum"),
        ("/v1/audit/log?after=9223372036854775808", "admin", "after", "query.integer"),
        ("/v1/exports/complaints?from=2025-+3-18", "intake", "from", "query.date"),
        ("/v1/exports/complaints?contacts=all", "intake", "contacts", "query.enum"),
        ("/v1/statistics/monthly?month=2026-13", "supervisor", "month", "query.pattern"),
        ("/v1/webhooks/deliveries?state=lost", "admin", "state", "query.enum"),
    ]

    @Test("A query parameter the contract refuses is refused naming the parameter and the rule", arguments: 0..<queries.count)
    func query(_ index: Int) async throws {
        let (uri, account, parameter, rule) = Self.queries[index]
        let harness = try await HTTPHarness.make()
        try await harness.application().test(.router) { client in
            let response = try await client.execute(uri: uri, method: .get, headers: harness.headers(account))
            #expect(response.status == .badRequest || response.status == .unprocessableContent, "\(uri): \(String(buffer: response.body))")
            let found = try problem(response)
            #expect(found.fields == [parameter] && found.rules == [rule], "\(uri): \(String(buffer: response.body))")
        }
    }

    @Test("A path parameter the contract refuses is refused naming it and the rule, not looked up")
    func pathParameter() async throws {
        let harness = try await HTTPHarness.make()
        try await harness.application().test(.router) { client in
            let long = String(repeating: "0", count: 65)
            for (uri, method, account, parameter) in [
                ("/v1/accounts/\(long)/revoke", HTTPRequest.Method.post, "admin", "accountId"),
                ("/v1/complaints/\(long)", .get, "intake", "complaintId"),
            ] {
                let response = try await client.execute(uri: uri, method: method, headers: harness.headers(account), body: ByteBuffer(string: "{}"))
                #expect(response.status == .badRequest, "\(uri): \(String(buffer: response.body))")
                #expect(try problem(response).fields == [parameter] && problem(response).rules == ["path.max-length"])
            }
        }
    }

    @Test("A refusal is titled in Chinese unless English is asked for; its type, field and rule are the same in both")
    func language() async throws {
        let harness = try await HTTPHarness.make()
        try await harness.application().test(.router) { client in
            let body = Self.rawFiling(replacing: #""amountOverdue":45600000"#, with: #""amountOverdue":12.5"#)
            let chinese = try await client.execute(uri: "/v1/complaints", method: .post, headers: harness.headers("sme"), body: body)
            let english = try await client.execute(
                uri: "/v1/complaints", method: .post, headers: harness.headers("sme", ["Accept-Language": "en-US,en;q=0.9"]), body: body)
            #expect(chinese.headers[.contentLanguage] == "zh-CN" && english.headers[.contentLanguage] == "en")
            let (zh, en) = (try problem(chinese), try problem(english))
            #expect(zh.title == "无法读取请求" && en.title == "The request could not be read")
            #expect(zh._type == en._type && zh.fields == en.fields && zh.rules == en.rules && zh.rules == ["money.fen-integer"])
        }
    }

    @Test("Query parameters within the contract are answered")
    func withinContract() async throws {
        let harness = try await HTTPHarness.make()
        try await harness.application().test(.router) { client in
            for uri in [
                "/v1/complaints?state=submitted&state=accepted&limit=200&overdue=false", "/v1/complaints?cursor=p0&limit=1",
                "/v1/exports/complaints?from=2026-11-01&to=2026-11-30&contacts=masked",
            ] {
                let response = try await client.execute(uri: uri, method: .get, headers: harness.headers("intake"))
                #expect(response.status == .ok, "\(uri): \(String(buffer: response.body))")
            }
        }
    }
}
