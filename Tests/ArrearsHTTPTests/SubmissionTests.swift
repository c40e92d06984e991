import ArrearsAPI
import ArrearsHTTP
import ArrearsSQLite
import ArrearsTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

@Suite("Filing complaints over HTTP")
struct SubmissionTests {
    @Test("A complaint with a real credit code is registered: 201, ETag, Location, a number")
    func created() async throws {
        let harness = try await HTTPHarness.make()
        try await harness.application().test(.router) { client in
            try await client.execute(uri: "/v1/complaints", method: .post, headers: harness.headers("sme"), body: filingJSON()) { response in
                #expect(response.status == .created)
                #expect(response.headers[.eTag] == "\"1\"")
                let filed = try complaint(response)
                #expect(filed.number == "ARR-2026-000001")
                #expect(filed.state == .submitted)
                #expect(response.headers[.location] == "/v1/complaints/\(filed.id)")
                #expect(filed.deadline?.dueOn == "2026-11-16", "10 working days from Monday 2026-11-02")
                #expect(try decoded(Components.Schemas.ComplaintDetail.self, response).events.count == 1)
            }
        }
        #expect(try harness.rowCounts() == [1, 1])
    }

    @Test("A retry with the same Idempotency-Key returns the first complaint and creates nothing")
    func idempotent() async throws {
        let harness = try await HTTPHarness.make()
        try await harness.application().test(.router) { client in
            let headers = harness.headers("sme", ["Idempotency-Key": "2026-11-02-zj-0318"])
            let first = try await client.execute(uri: "/v1/complaints", method: .post, headers: headers, body: filingJSON())
            let retry = try await client.execute(uri: "/v1/complaints", method: .post, headers: headers, body: filingJSON())
            #expect(first.status == .created)
            #expect(retry.status == .ok)
            #expect(try complaint(retry).id == complaint(first).id)
            let changed = try await client.execute(
                uri: "/v1/complaints", method: .post, headers: headers, body: filingJSON { set(&$0, ["demand"], "另一个诉求") })
            #expect(changed.status == .unprocessableContent)
            #expect(try problem(changed).kind == "idempotency-key-reused")
        }
        #expect(try harness.rowCounts() == [1, 1])
    }

    /// Each class of bad input: the status, the field and rule named, and nothing written.
    static let badInputs: [(String, HTTPResponse.Status, String?, String?, @Sendable (inout [String: Any]) -> Void)] = [
        ("unknown field", .badRequest, "contracts[0].discount", "json.unknown-field", { set(&$0, ["contracts", 0, "discount"], 5) }),
        ("wrong type", .badRequest, "contracts[0].amount", "json.type", { set(&$0, ["contracts", 0, "amount"], "128万") }),
        ("null where a value is required", .badRequest, "facts", "json.type", { set(&$0, ["facts"], NSNull()) }),
        ("missing field", .unprocessableContent, "respondent", "required", { set(&$0, ["respondent"], nil) }),
        ("unknown enum value", .badRequest, "respondent.kind", nil, { set(&$0, ["respondent", "kind"], "private_person") }),
        (
            "bad credit code", .unprocessableContent, "complainant.creditCode", "credit-code.check-character",
            { set(&$0, ["complainant", "creditCode"], "9144030071526726X7") }
        ),
        ("unknown region", .unprocessableContent, "respondent.region", "region.unknown", { set(&$0, ["respondent", "region"], "339999") }),
        (
            "negative amount", .unprocessableContent, "contracts[0].amountOverdue", "money.negative",
            { set(&$0, ["contracts", 0, "amountOverdue"], -100) }
        ),
        (
            "absurd amount", .unprocessableContent, "contracts[0].amount", "money.too-large",
            { set(&$0, ["contracts", 0, "amount"], 99_000_000_000_000_000) }
        ),
        (
            "date in the future", .unprocessableContent, "contracts[0].deliveredOn", "date.in-future",
            { set(&$0, ["contracts", 0, "deliveredOn"], "2026-12-01") }
        ),
        (
            "impossible date", .unprocessableContent, "contracts[0].signedOn", "date.invalid",
            { set(&$0, ["contracts", 0, "signedOn"], "2025-02-30") }
        ),
        ("no contracts", .unprocessableContent, "contracts", "contracts.required", { set(&$0, ["contracts"], [Any]()) }),
        (
            "phone with letters", .unprocessableContent, "complainant.contact.phone", "phone.format",
            { set(&$0, ["complainant", "contact", "phone"], "call me") }
        ),
        (
            "email without a domain", .unprocessableContent, "complainant.contact.email", "email.format",
            { set(&$0, ["complainant", "contact", "email"], "wang.fang@") }
        ),
        (
            "another SME's credit code", .unprocessableContent, "complainant.creditCode", "complainant.is-account",
            { set(&$0, ["complainant", "creditCode"], "91310000132260250X") }
        ),
    ]

    @Test("Bad input gets problem+json naming the field and the rule, and writes nothing", arguments: badInputs.indices)
    func badInput(index: Int) async throws {
        let (name, status, field, rule, change) = Self.badInputs[index]
        let body = filingJSON(change)
        let harness = try await HTTPHarness.make()
        try await harness.application().test(.router) { client in
            try await client.execute(uri: "/v1/complaints", method: .post, headers: harness.headers("sme"), body: body) { response in
                #expect(response.status == status, "\(name)")
                #expect(response.headers[.contentType] == "application/problem+json", "\(name)")
                let refusal = try problem(response)
                #expect(refusal.status == Int(status.code))
                if let field { #expect(refusal.fields.contains(field), "\(name): \(refusal)") }
                if let rule { #expect(refusal.rules.contains(rule), "\(name): \(refusal)") }
            }
        }
        #expect(try harness.rowCounts() == [0, 0], "\(name) wrote nothing")
    }

    @Test(
        "Bodies that are not JSON, too large, or of another type are refused",
        arguments: [
            ("{\"complainant\":", "application/json", HTTPResponse.Status.badRequest),
            (String(repeating: "x", count: 70_000), "application/json", .contentTooLarge),
            ("complainant=x", "text/plain", .unsupportedMediaType),
        ])
    func unreadable(body: String, contentType: String, status: HTTPResponse.Status) async throws {
        let harness = try await HTTPHarness.make()
        try await harness.application().test(.router) { client in
            var headers = harness.headers("sme")
            headers[.contentType] = contentType
            try await client.execute(uri: "/v1/complaints", method: .post, headers: headers, body: ByteBuffer(string: body)) { response in
                #expect(response.status == status)
                #expect(response.headers[.contentType] == "application/problem+json")
            }
        }
        #expect(try harness.rowCounts() == [0, 0])
    }

    @Test("No token or a wrong one gets 401 with a challenge")
    func unauthenticated() async throws {
        let harness = try await HTTPHarness.make()
        try await harness.application().test(.router) { client in
            for headers in [harness.headers(nil), harness.headers(nil, ["Authorization": "Bearer arr_not-a-real-token"])] {
                try await client.execute(uri: "/v1/complaints", method: .post, headers: headers, body: filingJSON()) { response in
                    #expect(response.status == .unauthorized)
                    #expect(response.headers[.wwwAuthenticate] == "Bearer realm=\"arrears\"")
                }
            }
        }
        #expect(try harness.rowCounts() == [0, 0])
    }

    @Test("The contract is served at /openapi.yaml")
    func document() async throws {
        let harness = try await HTTPHarness.make()
        try await harness.application().test(.router) { client in
            try await client.execute(uri: "/openapi.yaml", method: .get) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body).hasPrefix("openapi: 3.1.0"))
            }
        }
    }
}

@Suite("Routing")
struct RoutingTests {
    @Test(
        "A known path with the wrong method gets 405 and Allow; an unknown path 404",
        arguments: [
            ("/v1/complaints", HTTPRequest.Method.delete, HTTPResponse.Status.methodNotAllowed, "GET, POST" as String?),
            ("/v1/complaints/ARR-2026-000001/accept", .get, .methodNotAllowed, "POST"),
            ("/openapi.yaml", .post, .methodNotAllowed, "GET"),
            ("/v1/nothing-here", .get, .notFound, nil),
        ])
    func methods(path: String, method: HTTPRequest.Method, status: HTTPResponse.Status, allow: String?) async throws {
        let harness = try await HTTPHarness.make()
        try await harness.application().test(.router) { client in
            try await client.execute(uri: path, method: method, headers: harness.headers("intake")) { response in
                #expect(response.status == status)
                #expect(response.headers[.allow] == allow)
                #expect(response.headers[.contentType] == "application/problem+json")
            }
        }
    }
}

@Suite("Readiness")
struct ReadinessTests {
    @Test("/readyz is ready on a migrated database and 503 with Retry-After on one that is not")
    func readiness() async throws {
        let harness = try await HTTPHarness.make()
        try await harness.application().test(.router) { client in
            let response = try await client.execute(uri: "/readyz", method: .get)
            #expect(response.status == .ok)
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("arrears-unmigrated-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let unmigrated = SQLiteComplaintStore(try SQLiteDatabase.open(path: folder.appendingPathComponent("a.sqlite").path))
        let app = try buildApplication(configuration: ServerConfiguration(), store: unmigrated, clock: harness.clock, logger: .init(label: "test"))
        try await app.test(.router) { client in
            let response = try await client.execute(uri: "/readyz", method: .get)
            #expect(response.status == .serviceUnavailable)
            #expect(response.headers[.retryAfter] == "5")
            #expect(try problem(response).detail == "数据库结构与本版本不符，请运行 arrearsd migrate")
        }
    }
}
