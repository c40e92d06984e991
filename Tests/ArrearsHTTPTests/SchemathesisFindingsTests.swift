import ArrearsAPI
import ArrearsTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

/// What schemathesis (run against Schemas/openapi.yaml and a live server) found, kept as regression tests.
@Suite("Schemathesis findings")
struct SchemathesisFindingsTests {
    @Test("POST on a GET-only complaint path is 405 with Allow, not 428 for a missing If-Match")
    func undeclaredMethodIsNotAPrecondition() async throws {
        let harness = try await HTTPHarness.make()
        try await harness.application().test(.router) { client in
            for path in ["/v1/complaints/ARR-2026-000001/contact", "/v1/complaints/ARR-2026-000001/route"] {
                let response = try await client.execute(uri: path, method: .post, headers: harness.headers("intake"))
                #expect(response.status == .methodNotAllowed, "\(path): \(response.status)")
                #expect(response.headers[HTTPField.Name("Allow")!] == "GET", "\(path)")
            }
            // A documented decision still needs its version first.
            let accept = try await client.execute(
                uri: "/v1/complaints/ARR-2026-000001/accept", method: .post, headers: harness.headers("intake"), body: ByteBuffer(string: "{}"))
            #expect(accept.status == .preconditionRequired)
        }
    }

    @Test("A size-test measure above the contract's maximum is refused, naming the field")
    func sizeTestBounds() async throws {
        let harness = try await HTTPHarness.make()
        try await harness.application().test(.router) { client in
            let body = #"{"industry":"other","employees":0,"annualRevenue":0,"totalAssets":1000000000000000001}"#
            let response = try await client.execute(
                uri: "/v1/size-test", method: .post, headers: harness.headers("sme"), body: ByteBuffer(string: body))
            #expect(response.status == .unprocessableContent)
            #expect(String(buffer: response.body).contains("size-test.too-large"))
        }
    }

    @Test("null for an optional field is refused, naming the field, where Codable would read it as absent")
    func nullIsNotAbsent() async throws {
        let harness = try await HTTPHarness.make()
        try await harness.application().test(.router) { client in
            let body = #"{"annualRevenue":0,"employees":0,"industry":"other","totalAssets":null}"#
            let response = try await client.execute(
                uri: "/v1/size-test", method: .post, headers: harness.headers("sme"), body: ByteBuffer(string: body))
            #expect(response.status == .badRequest)
            let refusal = try problem(response)
            #expect(refusal.fields.first == "totalAssets", "\(refusal)")
            // The same request without the null is read as before.
            let text = #"{"industry":"other","employees":3,"annualRevenue":0,"totalAssets":0}"#
            let fine = try await client.execute(uri: "/v1/size-test", method: .post, headers: harness.headers("sme"), body: ByteBuffer(string: text))
            #expect(fine.status == .ok)
        }
    }

    @Test("A security-log cursor beyond 64 bits is a 400 the contract declares, not a crash")
    func hugeCursor() async throws {
        let harness = try await HTTPHarness.make()
        try await harness.application().test(.router) { client in
            let response = try await client.execute(
                uri: "/v1/audit/log?after=7471082534089209675776&limit=240", method: .get, headers: harness.headers("admin"))
            #expect(response.status == .badRequest)
            let fine = try await client.execute(uri: "/v1/audit/log?after=9223372036854775807", method: .get, headers: harness.headers("admin"))
            #expect(try fine.status == .ok && decoded(Operations.GetSecurityLog.Output.Ok.Body.JsonPayload.self, fine).items.isEmpty)
        }
    }
}
