import ArrearsAPI
import ArrearsTestSupport
import Crypto
import Foundation
import GRDB
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

/// The acceptance record a contractor would attach.
let acceptancePDF = EvidenceSamples.pdf()

/// A photograph of the delivered goods.
let photoPNG = EvidenceSamples.png()

@Suite("Evidence files: type by content, limits, scope, nothing left of a refused upload")
struct EvidenceTests {
    func upload(
        _ client: some TestClientProtocol, _ harness: HTTPHarness, _ account: String, _ id: String, _ bytes: [UInt8], name: String,
        type: String = "application/pdf"
    ) async throws -> TestResponse {
        let query = name.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? name
        var headers = harness.headers(account)
        headers[.contentType] = type
        return try await client.execute(
            uri: "/v1/complaints/\(id)/evidence?name=\(query)", method: .post, headers: headers, body: ByteBuffer(bytes: bytes))
    }

    /// Files of content under the vault's `sha256/` and `incoming/` folders.
    func vaultFiles(_ harness: HTTPHarness) -> [String] {
        let root = URL(fileURLWithPath: harness.path).deletingPathExtension().appendingPathExtension("evidence")
        let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey])
        return (walker?.allObjects as? [URL] ?? []).filter { (try? $0.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true }
            .map { $0.path.replacingOccurrences(of: root.path + "/", with: "") }.sorted()
    }

    func evidenceRows(_ harness: HTTPHarness) throws -> Int {
        try DatabaseQueue(path: harness.path).read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM evidence") ?? -1 }
    }

    @Test("The SME attaches its acceptance record; the history, the list and the download agree, byte for byte")
    func attachAndDownload() async throws {
        let harness = try await HTTPHarness.make()
        try await harness.application().test(.router) { client in
            let id = try await fileComplaint(client, harness)
            let response = try await upload(client, harness, "sme", id, acceptancePDF, name: "材料/验收报告 2025-09-30.pdf")
            #expect(response.status == .created)
            let attached = try decoded(Components.Schemas.Evidence.self, response)
            let digest = SHA256.hash(data: acceptancePDF).map { String(format: "%02x", $0) }.joined()
            #expect(attached.name == "验收报告 2025-09-30.pdf", "the folder part is dropped")
            #expect(attached._type == .applicationPdf)
            #expect(attached.sha256 == digest)
            #expect(attached.bytes == Int64(acceptancePDF.count))
            #expect(vaultFiles(harness) == ["sha256/\(digest.prefix(2))/\(digest)"])

            let detail = try decoded(
                Components.Schemas.ComplaintDetail.self,
                try await client.execute(uri: "/v1/complaints/\(id)", method: .get, headers: harness.headers("sme")))
            #expect(detail.events.map(\.kind) == [.submitted, .evidenceAttached])
            #expect(detail.events.last?.detail.evidence?.sha256 == digest)
            #expect(detail.complaint.version == 2)

            let list = try decoded(
                Components.Schemas.EvidenceList.self,
                try await client.execute(uri: "/v1/complaints/\(id)/evidence", method: .get, headers: harness.headers("intake")))
            #expect(list.items.count == 1)
            #expect(list.totalBytes == Int64(acceptancePDF.count))
            #expect(list.complaintLimitBytes == 100 * 1_048_576)

            let evidenceID = attached.id
            let download = try await client.execute(
                uri: "/v1/complaints/\(id)/evidence/\(evidenceID)", method: .get, headers: harness.headers("intake"))
            #expect(download.status == .ok)
            #expect(Array(buffer: download.body) == acceptancePDF)
            #expect(download.headers[.contentType] == "application/pdf")
            #expect(download.headers[.eTag] == "\"\(digest)\"")
            #expect(
                download.headers[.contentDisposition]
                    == "attachment; filename=\"____ 2025-09-30.pdf\"; filename*=UTF-8''%E9%AA%8C%E6%94%B6%E6%8A%A5%E5%91%8A%202025-09-30.pdf")
            #expect(download.headers[HTTPField.Name("X-Content-Type-Options")!] == "nosniff")
        }
    }

    @Test("An executable renamed to 合同.pdf and sent as application/pdf is refused (415), leaving no file and no row")
    func renamedExecutable() async throws {
        let harness = try await HTTPHarness.make()
        let executable = try [UInt8](Data(contentsOf: URL(fileURLWithPath: "/bin/true")))
        #expect(executable.starts(with: [0x7F, 0x45, 0x4C, 0x46]), "an ELF executable")
        try await harness.application {
            $0.evidenceFileLimit = executable.count + 1
        }.test(.router) { client in
            let id = try await fileComplaint(client, harness)
            let response = try await upload(client, harness, "sme", id, executable, name: "合同.pdf")
            #expect(response.status == .unsupportedMediaType)
            #expect(String(buffer: response.body).contains("evidence.type"))
            #expect(vaultFiles(harness).isEmpty)
            #expect(try evidenceRows(harness) == 0)
            let detail = try decoded(
                Components.Schemas.ComplaintDetail.self,
                try await client.execute(uri: "/v1/complaints/\(id)", method: .get, headers: harness.headers("sme")))
            #expect(detail.events.count == 1, "no evidence event")
        }
    }

    @Test("A file that starts like a PDF or a PNG but is not built as one is refused 415, and nothing is kept")
    func notWhatItClaims() async throws {
        let harness = try await HTTPHarness.make()
        try await harness.application().test(.router) { client in
            let id = try await fileComplaint(client, harness)
            let executable = Array(try Data(contentsOf: URL(fileURLWithPath: "/bin/true")))
            let noise = (0..<4_000).map { UInt8(truncatingIfNeeded: $0 &* 131 &+ 17) }
            for (bytes, type) in [
                (Array("%PDF-1.7\n".utf8) + executable, "application/pdf"), (acceptancePDF + executable, "application/pdf"),
                ([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + noise, "image/png"),
            ] {
                let refused = try await upload(client, harness, "sme", id, bytes, name: "合同.pdf", type: type)
                #expect(try refused.status == .unsupportedMediaType && problem(refused).rules == ["evidence.structure"])
            }
            #expect(try vaultFiles(harness).isEmpty && evidenceRows(harness) == 0)
        }
    }

    @Test("Limits: a file over the per-file limit, then evidence past the complaint's allowance, are refused with 413")
    func limits() async throws {
        let harness = try await HTTPHarness.make()
        try await harness.application {
            $0.evidenceFileLimit = 3_000
            $0.evidenceComplaintLimit = 5_000
        }.test(.router) { client in
            let id = try await fileComplaint(client, harness)
            let big = photoPNG + Array(repeating: 1, count: 1_500)
            let tooBig = try await upload(client, harness, "sme", id, big, name: "现场照片.png", type: "image/png")
            #expect(tooBig.status == .contentTooLarge && String(buffer: tooBig.body).contains("evidence.file-limit"))
            #expect(try await upload(client, harness, "sme", id, photoPNG, name: "现场照片1.png", type: "image/png").status == .created)
            // The same photo again is a second attachment of content kept once.
            #expect(try await upload(client, harness, "intake", id, photoPNG, name: "现场照片2.png", type: "image/png").status == .created)
            #expect(vaultFiles(harness).count == 1)
            let third = EvidenceSamples.png(width: 1600)
            let past = try await upload(client, harness, "sme", id, third, name: "现场照片3.png", type: "image/png")
            #expect(past.status == .contentTooLarge && String(buffer: past.body).contains("evidence.complaint-limit"))
            #expect(vaultFiles(harness).count == 1)
            #expect(try evidenceRows(harness) == 2)
        }
    }

    @Test("Only the complainant and intake attach; out of scope is 404 for upload, list and download alike")
    func scope() async throws {
        let harness = try await HTTPHarness.make()
        try await harness.application().test(.router) { client in
            let id = try await fileComplaint(client, harness)
            let evidenceID = try decoded(
                Components.Schemas.Evidence.self, try await upload(client, harness, "sme", id, acceptancePDF, name: "验收报告.pdf")
            ).id
            for outsider in ["otherSME", "guangdongIntake", "handler", "admin"] {
                #expect(try await upload(client, harness, outsider, id, acceptancePDF, name: "x.pdf").status == .notFound, "\(outsider)")
                let list = try await client.execute(uri: "/v1/complaints/\(id)/evidence", method: .get, headers: harness.headers(outsider))
                #expect(list.status == .notFound, "\(outsider)")
                let download = try await client.execute(
                    uri: "/v1/complaints/\(id)/evidence/\(evidenceID)", method: .get, headers: harness.headers(outsider))
                #expect(download.status == .notFound && !String(buffer: download.body).contains("%PDF"), "\(outsider)")
            }
            // The supervisor reads but does not attach.
            #expect(try await upload(client, harness, "supervisor", id, acceptancePDF, name: "x.pdf").status == .forbidden)
            let read = try await client.execute(
                uri: "/v1/complaints/\(id)/evidence/\(evidenceID)", method: .get, headers: harness.headers("supervisor"))
            #expect(read.status == .ok)
            #expect(try await upload(client, harness, "intake", id, acceptancePDF, name: "电话登记附件.pdf").status == .created)
            #expect(try evidenceRows(harness) == 2)
        }
    }
}
