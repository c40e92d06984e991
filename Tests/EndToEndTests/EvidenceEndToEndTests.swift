import ArrearsTestSupport
import AsyncHTTPClient
import Foundation
import NIOCore
import Testing

/// Evidence through a real server: arrearsctl uploads and downloads; uploads cut off on the wire leave nothing.
@Suite("Evidence files through arrearsd and arrearsctl", .serialized)
struct EvidenceEndToEndTests {
    /// A scanned acceptance record: a PDF of 300 KB.
    static let scan = Data(EvidenceSamples.pdf(padding: 300_000))

    @Test("attach, list and get a 300 KB PDF; two uploads cut off half way (announced length, chunked) leave no file and no row")
    func attachAndCutOff() async throws {
        let (server, token) = try ServerProcess.startedForExampleSME()
        let directory = server.directory
        defer { server.stop() }
        #expect(try await server.file(token: token).status == 201)

        let environment = [
            "ARREARS_CONFIG": directory.appendingPathComponent("ctl.json").path, "ARREARS_SERVER": server.baseURL, "ARREARS_TOKEN": token,
            // The English locale: what an official who asked for English reads.
            "LANG": "en_US.UTF-8", "LC_ALL": "",
        ]
        let scanFile = directory.appendingPathComponent("验收报告.pdf")
        try Self.scan.write(to: scanFile)
        let attached = try Binaries.run(
            "arrearsctl", ["evidence", "attach", "ARR-2026-000001", scanFile.path], environment: environment, in: directory)
        #expect(
            attached.status == 0 && attached.output.contains("attached 验收报告.pdf (application/pdf, \(Self.scan.count) bytes)"),
            "\(attached.output)\(attached.error)")
        let listed = try Binaries.run("arrearsctl", ["evidence", "list", "ARR-2026-000001"], environment: environment, in: directory)
        #expect(listed.output.contains("1 files, \(Self.scan.count) of 104857600 bytes allowed"), "\(listed.output)\(listed.error)")
        let evidenceID = try #require(attached.output.split(separator: "\n").first?.split(separator: " ").last.map(String.init))
        let copy = directory.appendingPathComponent("copy.pdf").path
        let fetched = try Binaries.run(
            "arrearsctl", ["evidence", "get", "ARR-2026-000001", evidenceID, "-o", copy], environment: environment, in: directory)
        #expect(fetched.status == 0, "\(fetched.error)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: copy)) == Self.scan)

        let renamed = directory.appendingPathComponent("合同.pdf")
        try FileManager.default.copyItem(atPath: "/bin/true", toPath: renamed.path)
        let refused = try Binaries.run(
            "arrearsctl", ["evidence", "attach", "ARR-2026-000001", renamed.path], environment: environment, in: directory)
        #expect(refused.status == 65 && refused.error.contains("[evidence.type]"), "\(refused.error)")

        // Half of the announced bytes, then the connection closes; then a chunked body that stops mid-chunk.
        let cutOff = """
            import socket, sys
            host, port, token = sys.argv[1], int(sys.argv[2]), sys.argv[3]
            body = b"%PDF-1.7\\n" + bytes(200000)
            def send(headers, payload):
                s = socket.create_connection((host, port))
                s.sendall(headers.encode() + payload)
                s.close()
            send(f"POST /v1/complaints/ARR-2026-000001/evidence?name=cut.pdf HTTP/1.1\\r\\nHost: {host}\\r\\nAuthorization: Bearer {token}\\r\\n"
                 f"Content-Type: application/pdf\\r\\nContent-Length: {len(body)}\\r\\n\\r\\n", body[:100000])
            send(f"POST /v1/complaints/ARR-2026-000001/evidence?name=cut2.pdf HTTP/1.1\\r\\nHost: {host}\\r\\nAuthorization: Bearer {token}\\r\\n"
                 f"Content-Type: application/pdf\\r\\nTransfer-Encoding: chunked\\r\\n\\r\\n", b"%x\\r\\n" % len(body) + body[:100000])
            """
        let script = directory.appendingPathComponent("cut.py")
        try cutOff.write(to: script, atomically: true, encoding: .utf8)
        let port = server.baseURL.split(separator: ":").last.map(String.init) ?? ""
        let sent = try Binaries.run("/usr/bin/python3", [script.path, "127.0.0.1", port, token], in: directory)
        #expect(sent.status == 0, "\(sent.error)")

        let vault = directory.appendingPathComponent("arrears.evidence")
        func files(_ folder: String) -> [String] {
            let walker = FileManager.default.enumerator(atPath: vault.appendingPathComponent(folder).path)
            return (walker?.allObjects as? [String] ?? []).filter { $0.count > 60 || $0.hasSuffix(".part") }
        }
        // The server notices the closed connections on its own time; give it a moment, then nothing may be left.
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline, !files("incoming").isEmpty { try await Task.sleep(for: .milliseconds(100)) }
        try await Task.sleep(for: .milliseconds(300))
        #expect(files("incoming").isEmpty)
        #expect(files("sha256").count == 1, "only the whole scan: \(files("sha256"))")
        let after = try Binaries.run("arrearsctl", ["evidence", "list", "ARR-2026-000001", "--json"], environment: environment, in: directory)
        #expect(after.output.components(separatedBy: "\"sha256\"").count == 2, "one attachment: \(after.output)")
        #expect(try await HTTPClient.shared.execute(HTTPClientRequest(url: server.baseURL + "/healthz"), timeout: .seconds(5)).status.code == 200)
    }
}
