import ArrearsAPI
import ArrearsCore
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

/// A complaint never tells its reader the number of a complaint the reader may not open.
@Suite("References to complaints outside the reader's scope")
struct ReferenceScopeTests {
    @Test(
        "Another SME's complaint named as the original of a duplicate is withheld from the SME, shown to the officer",
        arguments: HTTPHarness.Engine.available)
    func duplicateOfAnotherSME(engine: HTTPHarness.Engine) async throws {
        let harness = try await HTTPHarness.make(on: engine)
        try await harness.application().test(.router) { client in
            // The Beijing SME's complaint against the same Zhejiang college, and the Hangzhou SME's after it.
            let other = try await client.execute(
                uri: "/v1/complaints", method: .post, headers: harness.headers("otherSME"),
                body: filingJSON {
                    set(&$0, ["complainant", "creditCode"], "91110108551385082Q")
                    set(&$0, ["complainant", "region"], "110108")
                    set(&$0, ["complainant", "name"], "北京示例科技有限公司")
                })
            #expect(other.status == .created, "\(String(buffer: other.body))")
            let original = try complaint(other).number
            let id = try await fileComplaint(client, harness)
            let marked = try await act(client, harness, "intake", id, "mark-duplicate", version: 1, ["of": original])
            #expect(marked.status == .ok, "\(String(buffer: marked.body))")
            #expect(try complaint(marked).duplicateOf == original)

            let seen = try await client.execute(uri: "/v1/complaints/\(id)", method: .get, headers: harness.headers("sme"))
            let detail = try decoded(Components.Schemas.ComplaintDetail.self, seen)
            #expect(detail.complaint.duplicateOf == nil)
            #expect(detail.events.allSatisfy { $0.detail.related == nil })
            #expect(!String(buffer: seen.body).contains(original), "the SME's page names \(original)")

            let official = try await client.execute(uri: "/v1/complaints/\(id)", method: .get, headers: harness.headers("intake"))
            #expect(try complaint(official).duplicateOf == original)
        }
    }

    @Test("mark-duplicate refuses in the documented order: scope, role, version, then which complaint", arguments: HTTPHarness.Engine.available)
    func markDuplicateOrder(engine: HTTPHarness.Engine) async throws {
        let harness = try await HTTPHarness.make(on: engine)
        try await harness.application().test(.router) { client in
            let id = try await fileComplaint(client, harness)
            let unknownOf = ["of": "ARR-2026-999999"]
            let outOfScope = try await act(client, harness, "guangdongIntake", id, "mark-duplicate", version: 7, unknownOf)
            #expect(outOfScope.status == .notFound)
            let role = try await act(client, harness, "sme", id, "mark-duplicate", version: 7, unknownOf)
            #expect(role.status == .forbidden)
            let version = try await act(client, harness, "intake", id, "mark-duplicate", version: 7, unknownOf)
            #expect(try version.status == .conflict && problem(version).kind == "version-conflict")
            let rule = try await act(client, harness, "intake", id, "mark-duplicate", version: 1, unknownOf)
            #expect(try rule.status == .unprocessableContent && problem(rule).rules == ["duplicate.unknown"])
        }
    }
}
