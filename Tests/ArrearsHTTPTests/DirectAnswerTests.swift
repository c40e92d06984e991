import ArrearsAPI
import ArrearsTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

/// A body read as the contract's type and written again by Foundation, as the generated handlers write answers.
private func asTheRuntimeWritesIt<T: Codable>(_ type: T.Type, _ response: TestResponse) throws -> NSObject {
    let value = try decoded(type, response)
    let encoder = JSONEncoder()
    encoder.dateEncodingStrategy = .iso8601
    return try JSONSerialization.jsonObject(with: encoder.encode(value)) as! NSObject
}

private func json(_ response: TestResponse) throws -> NSObject {
    try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as! NSObject
}

@Suite("Answers written directly say what the contract's types say")
struct DirectAnswerTests {
    @Test("A complaint read after acceptance, forwarding, a payment, a plan, a question and a note: every member as the generated type writes it")
    func complaintRead() async throws {
        let harness = try await HTTPHarness.make()
        try await harness.application().test(.router) { client in
            let id = try await fileComplaint(client, harness)
            harness.clock.set("2026-11-03T02:00:00Z")
            #expect(try await act(client, harness, "intake", id, "accept", version: 1, ["note": "材料齐全"]).status == .ok)
            #expect(try await act(client, harness, "intake", id, "forward", version: 2, ["department": "ZJ-EDU"]).status == .ok)
            harness.clock.set("2026-11-10T02:00:00Z")
            #expect(
                try await act(client, harness, "handler", id, "record-payment", version: 3, ["amount": 1_000_000, "paidOn": "2026-11-09"]).status
                    == .ok)
            let plan = try await act(
                client, harness, "handler", id, "payment-plan", version: 4,
                ["instalments": [["dueOn": "2026-12-31", "amount": 20_000_000], ["dueOn": "2027-03-31", "amount": 24_600_000]]])
            #expect(plan.status == .ok)
            #expect(try await act(client, harness, "handler", id, "request-information", version: 5, ["question": "请提供验收单\n及发票"]).status == .ok)
            #expect(
                try await act(client, harness, "handler", id, "note", version: 6, ["text": "已电话联系\"财务处\"", "visibleToComplainant": true]).status
                    == .ok)

            for reader in ["sme", "intake", "handler", "supervisor"] {
                let read = try await client.execute(uri: "/v1/complaints/\(id)", method: .get, headers: harness.headers(reader))
                #expect(read.status == .ok, "\(reader)")
                #expect(read.headers[.eTag] == "\"7\"")
                #expect(read.headers[.contentType] == "application/json; charset=utf-8")
                #expect(try json(read) == asTheRuntimeWritesIt(Components.Schemas.ComplaintDetail.self, read), "\(reader)")
                let detail = try decoded(Components.Schemas.ComplaintDetail.self, read)
                #expect(detail.complaint.payments?.first?.amount == 1_000_000)
                #expect(detail.complaint.paymentPlan?.instalments.count == 2)
                #expect(detail.events.count == 7)
            }
            // The answers the generated handlers still write carry the same content type.
            let me = try await client.execute(uri: "/v1/me", method: .get, headers: harness.headers("sme"))
            #expect(me.headers[.contentType] == "application/json; charset=utf-8")
        }
    }

    @Test("Refusals are the same problems: another SME's complaint does not exist, a percent-encoded id is read as the id")
    func refusals() async throws {
        let harness = try await HTTPHarness.make()
        try await harness.application().test(.router) { client in
            let id = try await fileComplaint(client, harness)
            let encoded = id.replacingOccurrences(of: "-", with: "%2D")
            let read = try await client.execute(uri: "/v1/complaints/\(encoded)", method: .get, headers: harness.headers("sme"))
            #expect(read.status == .ok)
            #expect(try complaint(read).id == id)
            let missing = try await client.execute(uri: "/v1/complaints/no-such-complaint", method: .get, headers: harness.headers("sme"))
            #expect(missing.status == .notFound)
            #expect(missing.headers[.contentType] == "application/problem+json")
            #expect(try problem(missing).kind == "not-found")
            let anonymous = try await client.execute(uri: "/v1/complaints/\(id)", method: .get)
            #expect(anonymous.status == .unauthorized)
        }
    }
}
