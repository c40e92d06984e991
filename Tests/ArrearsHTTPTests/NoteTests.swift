import ArrearsAPI
import ArrearsTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// Progress notes (办理进展): officials keep some to themselves and share others with the complainant; neither kind
/// moves the state or the clock.
@Suite("Progress notes")
struct NoteTests {
    @Test("An officials-only note is hidden from the SME, a shared one is shown; the state and the review clock stay")
    func notes() async throws {
        let harness = try await HTTPHarness.make()
        try await harness.application().test(.router) { client in
            let id = try await fileComplaint(client, harness)
            let internalNote = try await act(client, harness, "intake", id, "note", version: 1, ["text": "核对信用代码：一致"])
            #expect(internalNote.status == .ok)
            let shared = try await act(
                client, harness, "intake", id, "note", version: 2, ["text": "已电话联系贵司王芳，材料齐全", "visibleToComplainant": true])
            let detail = try decoded(Components.Schemas.ComplaintDetail.self, shared)
            #expect(detail.complaint.state == .submitted && detail.complaint.version == 3)
            #expect(detail.complaint.deadline?.dueOn == "2026-11-16", "a note does not move the review clock")
            #expect(detail.events.map(\.kind) == [.submitted, .noted, .noted], "officials read every note")

            let read = try await client.execute(uri: "/v1/complaints/\(id)", method: .get, headers: harness.headers("sme"))
            let seen = try decoded(Components.Schemas.ComplaintDetail.self, read)
            #expect(seen.events.map(\.kind) == [.submitted, .noted])
            #expect(seen.events.last?.detail.text == "已电话联系贵司王芳，材料齐全" && seen.events.last?.detail.visibleToComplainant == true)
            #expect(!String(buffer: read.body).contains("核对信用代码"), "the internal note is nowhere in the SME's answer")
        }
    }

    @Test("The SME may not write notes; an empty note is refused naming the field; a closed complaint takes none")
    func refused() async throws {
        let harness = try await HTTPHarness.make()
        try await harness.application().test(.router) { client in
            let id = try await fileComplaint(client, harness)
            #expect(try await act(client, harness, "sme", id, "note", version: 1, ["text": "催促"]).status == .forbidden)
            let empty = try await act(client, harness, "intake", id, "note", version: 1, ["text": "  "])
            let emptyProblem = try problem(empty)
            #expect(empty.status == .unprocessableContent && emptyProblem.fields == ["text"])
            #expect(
                try await act(client, harness, "intake", id, "reject", version: 1, ["ground": "other_exclusion", "reason": "不属于受理范围"]).status == .ok)
            #expect(try await act(client, harness, "intake", id, "note", version: 2, ["text": "补记"]).status == .conflict)
        }
    }
}
